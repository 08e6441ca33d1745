//! Ordering of the article table. Pure functions, so the rules are unit-tested and the
//! table component only says which column the user clicked.

import type { ArticleRow } from "../ipc";

export type SortKey = "title" | "outlet" | "lang" | "published_at";
export type SortDirection = "asc" | "desc";

/** `null` keeps the back end's order: import order for the list, relevance for search hits. */
export type Sort = { key: SortKey; direction: SortDirection } | null;

/** A header click cycles ascending → descending → the back end's order. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current === null || current.key !== key) return { key, direction: "asc" };
  if (current.direction === "asc") return { key, direction: "desc" };
  return null;
}

// `numeric` puts "item 2" before "item 10"; `base` ignores case and diacritics, which also
// keeps Arabic titles with and without harakat together.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

function field(row: ArticleRow, key: SortKey): string | null {
  const value = row[key];
  // An "und" language is as good as unknown: sort it with the missing values.
  if (key === "lang" && value === "und") return null;
  return value === null || value.trim() === "" ? null : value;
}

/**
 * Compares two rows by `key`. Missing values go last in both directions, because a
 * researcher sorting by date wants the dated articles first either way. Ties fall back to
 * the id so the order is total and stable.
 */
export function compareRows(a: ArticleRow, b: ArticleRow, key: SortKey, direction: SortDirection): number {
  const left = field(a, key);
  const right = field(b, key);
  if (left === null || right === null) {
    if (left !== right) return left === null ? 1 : -1;
  } else {
    // ISO dates compare correctly as strings and the collator would reorder digits.
    const order = key === "published_at" ? (left < right ? -1 : left > right ? 1 : 0) : collator.compare(left, right);
    if (order !== 0) return direction === "asc" ? order : -order;
  }
  return a.id - b.id;
}

/** Returns a sorted copy; the input (shared with the store) is never mutated. */
export function sortBy<T>(items: readonly T[], rowOf: (item: T) => ArticleRow, sort: Sort): readonly T[] {
  if (sort === null) return items;
  const { key, direction } = sort;
  return [...items].sort((a, b) => compareRows(rowOf(a), rowOf(b), key, direction));
}
