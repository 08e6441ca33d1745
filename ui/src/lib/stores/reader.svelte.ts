//! The article shown in the reading pane.

import { getArticle, toIpcError, type ArticleDetail, type IpcError } from "../ipc";

class Reader {
  /** The article the user opened (click or Enter); null shows the pane's placeholder. */
  selectedId = $state<number | null>(null);
  detail = $state.raw<ArticleDetail | null>(null);
  loading = $state(false);
  error = $state<IpcError | null>(null);
  #request = 0;

  async show(id: number): Promise<void> {
    if (id === this.selectedId && (this.detail !== null || this.loading)) return;
    const request = ++this.#request;
    this.selectedId = id;
    this.loading = true;
    this.error = null;
    try {
      const detail = await getArticle(id);
      if (request === this.#request) this.detail = detail;
    } catch (reason) {
      if (request === this.#request) {
        this.detail = null;
        this.error = toIpcError(reason);
      }
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  close(): void {
    this.#request++;
    this.selectedId = null;
    this.detail = null;
    this.loading = false;
    this.error = null;
  }
}

export const reader = new Reader();
