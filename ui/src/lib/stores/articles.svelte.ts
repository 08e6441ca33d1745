//! The project's article list as the back end returned it. Kept as a raw (non-deep) state:
//! 10,000 rows are replaced wholesale, never edited, and deep proxies would cost for nothing.

import { listArticles, type ArticleRow } from "../ipc";
import { notices } from "./notices.svelte";

class Articles {
  rows = $state.raw<readonly ArticleRow[]>([]);
  loading = $state(false);
  #request = 0;

  async refresh(): Promise<void> {
    const request = ++this.#request;
    this.loading = true;
    try {
      const rows = await listArticles();
      if (request === this.#request) this.rows = rows;
    } catch (reason) {
      if (request === this.#request) notices.report("Could not load the article list", reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /** Shows a row as the back end now has it (after an edit), without listing them all again. */
  replace(row: ArticleRow): void {
    this.rows = this.rows.map((r) => (r.id === row.id ? row : r));
  }

  clear(): void {
    this.#request++;
    this.rows = [];
    this.loading = false;
  }
}

export const articles = new Articles();
