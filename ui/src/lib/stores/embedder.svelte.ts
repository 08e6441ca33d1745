//! Sentence vectors for the open project, computed in the background after an import (and on
//! opening a project an interrupted run left unfinished): progress while it runs, Cancel, and
//! what this machine lacks (no sentence model: claims are aligned by their words only).

import {
  cancelEmbedding,
  embedPending,
  embeddingStatus,
  prepareAnalysis,
  type EmbeddingStatus,
  type EmbedProgress,
} from "../ipc";
import { notices } from "./notices.svelte";

class Embedder {
  status = $state.raw<EmbeddingStatus | null>(null);
  running = $state(false);
  progress = $state<EmbedProgress | null>(null);
  cancelling = $state(false);
  /** The analyst closed the "what is missing" banner (until another project is opened). */
  bannerDismissed = $state(false);
  /** Called after vectors were stored, so that the comparison views regroup. */
  onEmbedded: (() => void) | null = null;

  /** What is missing on this machine, as sentences, unless the banner was closed. */
  get missing(): readonly string[] {
    return this.bannerDismissed ? [] : (this.status?.missing ?? []);
  }

  get pending(): number {
    const s = this.status;
    return s && s.model !== null ? s.needed - s.embedded : 0;
  }

  /** A project was opened: forget the previous one's state. */
  reset(): void {
    this.status = null;
    this.progress = null;
    this.bannerDismissed = false;
  }

  /**
   * Reads the status and, with a model, computes the vectors still missing. Returns how many
   * were stored. Failures are reported; the project stays usable (aligned by words).
   */
  async catchUp(): Promise<number> {
    if (this.running) return 0;
    try {
      this.status = await embeddingStatus();
    } catch (reason) {
      notices.report("Could not read the sentence vectors' status", reason);
      return 0;
    }
    if (this.pending === 0) {
      await this.#prepare();
      return 0;
    }
    this.running = true;
    this.cancelling = false;
    this.progress = { done: 0, total: this.pending };
    let stored = 0;
    try {
      const summary = await embedPending();
      stored = summary.embedded;
    } catch (reason) {
      notices.report("Could not compute the sentence vectors", reason);
    } finally {
      this.running = false;
      this.cancelling = false;
      this.progress = null;
    }
    try {
      this.status = await embeddingStatus();
    } catch (reason) {
      notices.report("Could not read the sentence vectors' status", reason);
    }
    if (stored > 0) this.onEmbedded?.();
    await this.#prepare();
    return stored;
  }

  /**
   * The actors resolved and the claims aligned once, in the background, so that the project
   * keeps them and the comparison views open at once. A failure here is not the analyst's
   * concern yet: the view that needs the analysis computes it again and reports why.
   */
  async #prepare(): Promise<void> {
    this.running = true;
    this.progress = null;
    try {
      await prepareAnalysis();
    } catch (reason) {
      console.warn("preparing the analysis failed; the views compute it when opened", reason);
    } finally {
      this.running = false;
    }
  }

  async cancel(): Promise<void> {
    if (!this.running || this.cancelling) return;
    this.cancelling = true;
    try {
      await cancelEmbedding();
    } catch (reason) {
      this.cancelling = false;
      notices.report("Could not cancel the sentence vectors", reason);
    }
  }

  /** Called for each `embed-progress` event. */
  progressed(progress: EmbedProgress): void {
    if (this.running) this.progress = progress;
  }
}

export const embedder = new Embedder();
