import { describe, expect, test } from "vitest";

import type { ArticleRow } from "../ipc";
import { compareRows, nextSort, sortBy, type Sort } from "./sort";

function row(id: number, fields: Partial<ArticleRow>): ArticleRow {
  return {
    id,
    title: `t${id}`,
    outlet: null,
    author: null,
    lang: "und",
    published_at: null,
    source: `/x/${id}.txt`,
    format: "text",
    imported_at: "2025-01-01T00:00:00Z",
    ...fields,
  };
}

const ids = (rows: readonly ArticleRow[]) => rows.map((r) => r.id);
const sorted = (rows: ArticleRow[], sort: Sort) => ids(sortBy(rows, (r) => r, sort));

describe("nextSort", () => {
  test("cycles ascending, descending, back-end order", () => {
    const asc = nextSort(null, "title");
    expect(asc).toEqual({ key: "title", direction: "asc" });
    const desc = nextSort(asc, "title");
    expect(desc).toEqual({ key: "title", direction: "desc" });
    expect(nextSort(desc, "title")).toBeNull();
  });

  test("a different column starts ascending", () => {
    expect(nextSort({ key: "title", direction: "desc" }, "outlet")).toEqual({ key: "outlet", direction: "asc" });
  });
});

describe("sortBy", () => {
  const rows = [
    row(1, { published_at: "2024-03-12" }),
    row(2, { published_at: null }),
    row(3, { published_at: "2023-12-31" }),
    row(4, { published_at: "2024-03-12" }),
  ];

  test("null keeps the back end's order and the same array", () => {
    expect(sortBy(rows, (r) => r, null)).toBe(rows);
  });

  test("dates ascending and descending, undated last both ways, ties by id", () => {
    expect(sorted(rows, { key: "published_at", direction: "asc" })).toEqual([3, 1, 4, 2]);
    expect(sorted(rows, { key: "published_at", direction: "desc" })).toEqual([1, 4, 3, 2]);
  });

  test("does not mutate its input", () => {
    const copy = [...rows];
    sortBy(rows, (r) => r, { key: "published_at", direction: "asc" });
    expect(rows).toEqual(copy);
  });

  test("titles ignore case and Arabic diacritics, and order numbers numerically", () => {
    const titles = [
      row(1, { title: "item 10" }),
      row(2, { title: "Item 2" }),
      row(3, { title: "كَتَبَ" }),
      row(4, { title: "كتب" }),
    ];
    const asc = sorted(titles, { key: "title", direction: "asc" });
    expect(asc.slice(0, 2)).toEqual([2, 1]);
    // The vocalised and bare spellings compare equal, so the id breaks the tie.
    expect(compareRows(titles[2]!, titles[3]!, "title", "asc")).toBeLessThan(0);
    expect(compareRows(titles[3]!, titles[2]!, "title", "desc")).toBeGreaterThan(0);
  });

  test("language: undetermined sorts with missing values", () => {
    const langs = [row(1, { lang: "und" }), row(2, { lang: "en" }), row(3, { lang: "ar" })];
    expect(sorted(langs, { key: "lang", direction: "asc" })).toEqual([3, 2, 1]);
    expect(sorted(langs, { key: "lang", direction: "desc" })).toEqual([2, 3, 1]);
  });

  test("outlet: empty and missing outlets last", () => {
    const outlets = [row(1, { outlet: "" }), row(2, { outlet: "Reuters" }), row(3, { outlet: "الجزيرة" }), row(4, {})];
    expect(sorted(outlets, { key: "outlet", direction: "asc" }).slice(2)).toEqual([1, 4]);
  });

  test("10,000 rows sort quickly", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => row(i + 1, { title: `مقال ${(i * 7919) % 10_000}` }));
    const start = performance.now();
    sortBy(many, (r) => r, { key: "title", direction: "asc" });
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
