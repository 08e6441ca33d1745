//! Full-text search. While a query is present its hits replace the article list; clearing the
//! query (Esc) brings the list back. Answers to queries the user has already typed past are
//! dropped, so fast typing never shows stale hits.

import { searchArticles, toIpcError, type ArticleRow, type IpcError, type SearchHit } from "../ipc";

/** Wait this long after the last keystroke before asking the back end. */
export const SEARCH_DELAY_MS = 150;

class Search {
  /** What is in the search field. */
  query = $state("");
  hits = $state.raw<readonly SearchHit[]>([]);
  /** The query `hits` answer; differs from `query` while a search is pending. */
  answered = $state("");
  searching = $state(false);
  error = $state<IpcError | null>(null);

  #request = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** True while a query is present, i.e. the table shows hits rather than the list. */
  get active(): boolean {
    return this.query.trim() !== "";
  }

  /** Called on every edit of the field. */
  setQuery(query: string): void {
    this.query = query;
    clearTimeout(this.#timer);
    if (!this.active) {
      this.#reset();
      return;
    }
    this.searching = true;
    this.#timer = setTimeout(() => void this.run(), SEARCH_DELAY_MS);
  }

  /** Runs the current query now (also used to refresh hits after an import). */
  async run(): Promise<void> {
    clearTimeout(this.#timer);
    const query = this.query.trim();
    if (query === "") return;
    const request = ++this.#request;
    this.searching = true;
    try {
      const hits = await searchArticles(query);
      if (request !== this.#request) return;
      this.hits = hits;
      this.answered = query;
      this.error = null;
    } catch (reason) {
      if (request !== this.#request) return;
      this.hits = [];
      this.answered = query;
      this.error = toIpcError(reason);
    } finally {
      if (request === this.#request) this.searching = false;
    }
  }

  /** Shows an article's row as it now is in the hits that hold it (after an edit). */
  replaceArticle(row: ArticleRow): void {
    if (this.hits.some((h) => h.article.id === row.id)) {
      this.hits = this.hits.map((h) => (h.article.id === row.id ? { ...h, article: row } : h));
    }
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.query = "";
    this.#reset();
  }

  #reset(): void {
    this.#request++;
    this.hits = [];
    this.answered = "";
    this.searching = false;
    this.error = null;
  }
}

export const search = new Search();
