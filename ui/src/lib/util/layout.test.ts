import { describe, expect, it } from "vitest";

import { DEFAULT_LAYOUT, MAX_SHARE, MIN_COLUMN, clampColumn, layoutKey, parseLayout } from "./layout";

describe("stored layouts", () => {
  it("reads back what was saved", () => {
    const saved = { columns: { outlet: 200, lang: 70, published_at: 120 }, listShare: 0.4 };
    expect(parseLayout(JSON.stringify(saved))).toEqual(saved);
  });

  it("falls back to the default for nothing, junk and wrong types", () => {
    expect(parseLayout(null)).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout("{not json")).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('"a string"')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('{"columns": {"outlet": "wide"}, "listShare": null}')).toEqual(DEFAULT_LAYOUT);
  });

  it("clamps sizes a hand edit or an older version left out of bounds", () => {
    const layout = parseLayout('{"columns": {"outlet": 3, "lang": 99999}, "listShare": 2}');
    expect(layout.columns.outlet).toBe(MIN_COLUMN);
    expect(layout.columns.lang).toBe(clampColumn(99999));
    expect(layout.listShare).toBe(MAX_SHARE);
  });

  it("keys layouts by project path", () => {
    expect(layoutKey("/a/study.parallax")).not.toBe(layoutKey("/b/study.parallax"));
  });
});
