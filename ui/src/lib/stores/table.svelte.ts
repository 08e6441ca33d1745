//! What the article table shows: the list or the search hits, in the chosen order, and which
//! row the keyboard cursor is on.

import type { ArticleRow, SearchHit } from "../ipc";
import { sortBy, nextSort, type Sort, type SortKey } from "../util/sort";
import { articles } from "./articles.svelte";
import { search } from "./search.svelte";

/** `via`: the actor's name in the other script by which a hit was found (see SearchHit). */
export type TableEntry = { row: ArticleRow; snippet: string | null; via?: string | null };

/** Row heights in pixels; the virtual list needs them fixed. Hits have a snippet line. */
export const LIST_ROW_HEIGHT = 34;
export const HIT_ROW_HEIGHT = 54;

const rowOf = (entry: TableEntry) => entry.row;

/** One entry per article (the first, best-ranked hit): rows are keyed by article id. */
function uniqueHits(hits: readonly SearchHit[]): TableEntry[] {
  const seen = new Set<number>();
  const entries: TableEntry[] = [];
  for (const hit of hits) {
    if (seen.has(hit.article.id)) continue;
    seen.add(hit.article.id);
    entries.push({ row: hit.article, snippet: hit.snippet, via: hit.via });
  }
  return entries;
}

class Table {
  sort = $state<Sort>(null);
  /** The row the keyboard cursor is on (by id, so it survives sorting and refreshes). */
  activeId = $state<number | null>(null);

  /**
   * Hits replace the list once the first answer for a query is in; until then the list stays,
   * so typing does not flash an empty table. Later keystrokes keep the previous hits on
   * screen until their own answer arrives.
   */
  readonly showingHits = $derived(search.active && search.answered !== "");

  readonly entries: readonly TableEntry[] = $derived.by(() => {
    const unsorted: readonly TableEntry[] = this.showingHits
      ? uniqueHits(search.hits)
      : articles.rows.map((row) => ({ row, snippet: null }));
    return sortBy(unsorted, rowOf, this.sort);
  });

  readonly rowHeight = $derived(this.showingHits ? HIT_ROW_HEIGHT : LIST_ROW_HEIGHT);

  readonly activeIndex = $derived.by(() => {
    const id = this.activeId;
    return id === null ? -1 : this.entries.findIndex((entry) => entry.row.id === id);
  });

  sortBy(key: SortKey): void {
    this.sort = nextSort(this.sort, key);
  }

  activate(index: number): void {
    const entry = this.entries[index];
    this.activeId = entry ? entry.row.id : null;
  }
}

export const table = new Table();
