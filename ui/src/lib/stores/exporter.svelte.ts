//! The Export dialog: the format and selection the user is choosing, a preview of what the
//! selection holds, then one export at a time with its progress and result.

import {
  chooseExportPath,
  exportProject,
  previewExport,
  type ExportFormat,
  type ExportPreview,
  type ExportProgress,
  type ExportResult,
  type Selection,
} from "../ipc";
import { notices } from "./notices.svelte";

export type ExportPhase = "closed" | "choosing" | "running" | "finished";

/** Names typed as a comma-separated list (Arabic commas too), trimmed, empty ones dropped. */
export function splitNames(text: string): string[] {
  return text
    .split(/[,،]/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

class Exporter {
  phase = $state<ExportPhase>("closed");
  format = $state<ExportFormat>("html");
  actors = $state("");
  outlets = $state("");
  from = $state("");
  to = $state("");
  preview = $state.raw<ExportPreview | null>(null);
  previewing = $state(false);
  previewError = $state<string | null>(null);
  progress = $state<ExportProgress | null>(null);
  result = $state.raw<ExportResult | null>(null);
  /** Answers to older previews are dropped. */
  #previewRequest = 0;

  get selection(): Selection {
    return {
      actors: splitNames(this.actors),
      outlets: splitNames(this.outlets),
      from: this.from.trim() || null,
      to: this.to.trim() || null,
    };
  }

  open(): void {
    if (this.phase === "running") return;
    this.phase = "choosing";
    this.result = null;
    void this.refreshPreview();
  }

  close(): void {
    if (this.phase === "running") return;
    this.phase = "closed";
  }

  async refreshPreview(): Promise<void> {
    const request = ++this.#previewRequest;
    this.previewing = true;
    try {
      const preview = await previewExport(this.selection);
      if (request !== this.#previewRequest) return;
      this.preview = preview;
      this.previewError = null;
    } catch (reason) {
      if (request !== this.#previewRequest) return;
      this.preview = null;
      this.previewError = reason instanceof Error ? reason.message : String(reason);
    } finally {
      if (request === this.#previewRequest) this.previewing = false;
    }
  }

  /** Asks where to write, then exports; resolves with the result, or null. */
  async run(): Promise<ExportResult | null> {
    if (this.phase !== "choosing") return null;
    let path: string | null;
    try {
      path = await chooseExportPath(this.format);
    } catch (reason) {
      notices.report("Could not show the Export dialog", reason);
      return null;
    }
    if (path === null) return null;
    this.phase = "running";
    this.progress = { step: 0, steps: 3, message: "starting" };
    try {
      const result = await exportProject({ format: this.format, path, selection: this.selection });
      this.result = result;
      this.phase = "finished";
      return result;
    } catch (reason) {
      this.phase = "choosing";
      notices.report("The export failed", reason);
      return null;
    } finally {
      this.progress = null;
    }
  }

  /** Called for each `export-progress` event. */
  progressed(progress: ExportProgress): void {
    if (this.phase === "running") this.progress = progress;
  }
}

export const exporter = new Exporter();
