//! One import at a time: its progress while it runs, then the per-file outcome until the user
//! dismisses it. Also whether files are being dragged over the window.

import { cancelImport, importPaths, type ImportProgress, type ImportSummary } from "../ipc";
import { notices } from "./notices.svelte";

export type ImportPhase = "idle" | "running" | "finished";

class Importer {
  phase = $state<ImportPhase>("idle");
  /** The paths the running or finished import was given. */
  paths = $state.raw<readonly string[]>([]);
  progress = $state<ImportProgress | null>(null);
  summary = $state.raw<ImportSummary | null>(null);
  /** Files are over the window: show the drop overlay. */
  dragging = $state(false);
  /** The user pressed Cancel; the import stops after the file being stored. */
  cancelling = $state(false);
  /** The results list is folded away (the summary line stays). */
  collapsed = $state(false);

  get running(): boolean {
    return this.phase === "running";
  }

  /**
   * Imports `paths` and resolves with the summary, or null when it failed as a whole (the
   * failure is reported) or another import is still running.
   */
  async run(paths: readonly string[]): Promise<ImportSummary | null> {
    if (paths.length === 0) return null;
    if (this.running) {
      notices.report(
        "An import is already running",
        "wait for it to finish, then import these files again",
      );
      return null;
    }
    this.phase = "running";
    this.cancelling = false;
    this.collapsed = false;
    this.paths = paths;
    this.summary = null;
    this.progress = { done: 0, total: paths.length, current: "" };
    try {
      const summary = await importPaths([...paths]);
      this.summary = summary;
      this.phase = "finished";
      return summary;
    } catch (reason) {
      this.phase = "idle";
      notices.report("The import failed", reason);
      return null;
    } finally {
      this.progress = null;
      this.cancelling = false;
    }
  }

  /** Asks the running import to stop; the files already stored stay. */
  async cancel(): Promise<void> {
    if (!this.running || this.cancelling) return;
    this.cancelling = true;
    try {
      await cancelImport();
    } catch (reason) {
      this.cancelling = false;
      notices.report("Could not cancel the import", reason);
    }
  }

  /** Called for each `import-progress` event. */
  progressed(progress: ImportProgress): void {
    if (this.running) this.progress = progress;
  }

  dismiss(): void {
    if (this.running) return;
    this.phase = "idle";
    this.summary = null;
    this.paths = [];
  }
}

export const importer = new Importer();
