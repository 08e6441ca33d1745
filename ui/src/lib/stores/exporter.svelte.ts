//! The Export dialog: the form (format and filters), the preview of what the selection holds,
//! the path to write to, and the export while it runs. One export at a time.

import * as ipc from "../ipc";
import type { ExportFormat, ExportPreview, ExportProgress, ExportWritten, IpcError } from "../ipc";
import { retarget, sameRequest, suggestedPath, toRequest, type ExportForm } from "../util/exportForm";
import { notices } from "./notices.svelte";
import { project } from "./project.svelte";

class Exporter {
  isOpen = $state(false);
  form = $state<ExportForm>({ format: "html", actors: "", outlets: "", tags: "", from: "", to: "" });
  /** Where to write; suggested beside the project, editable, or chosen in the save dialog. */
  path = $state("");

  preview = $state.raw<ExportPreview | null>(null);
  /** The request `preview` describes. */
  #previewed = $state.raw<ipc.ExportRequest | null>(null);
  previewing = $state(false);
  previewError = $state<IpcError | null>(null);

  writing = $state(false);
  progress = $state<ExportProgress | null>(null);
  written = $state.raw<ExportWritten | null>(null);
  error = $state<IpcError | null>(null);
  #request = 0;

  readonly request = $derived(toRequest(this.form));
  /** The filters or format changed since the preview was made. */
  readonly previewStale = $derived(this.#previewed === null || !sameRequest(this.#previewed, this.request));

  open(): void {
    if (project.info === null) {
      notices.report("Nothing to export", "open or create a project first");
      return;
    }
    if (this.path === "" || !this.isOpen) this.path = suggestedPath(project.info.path, this.form.format);
    this.isOpen = true;
    this.written = null;
    this.error = null;
    void this.refreshPreview();
  }

  /** Closes the dialog; not while an export is being written (it would be left unreported). */
  close(): boolean {
    if (this.writing) return false;
    this.isOpen = false;
    return true;
  }

  setFormat(format: ExportFormat): void {
    const previous = this.form.format;
    this.form.format = format;
    this.path = retarget(this.path, previous, format);
    this.written = null;
    void this.refreshPreview();
  }

  async refreshPreview(): Promise<void> {
    const request = toRequest(this.form);
    const id = ++this.#request;
    this.previewing = true;
    this.previewError = null;
    try {
      const preview = await ipc.exportPreview(request);
      if (id !== this.#request) return;
      this.preview = preview;
      this.#previewed = request;
    } catch (reason) {
      if (id !== this.#request) return;
      this.preview = null;
      this.#previewed = null;
      this.previewError = ipc.toIpcError(reason);
    } finally {
      if (id === this.#request) this.previewing = false;
    }
  }

  async choosePath(): Promise<void> {
    try {
      const chosen = await ipc.chooseExportPath(this.form.format, this.path);
      if (chosen !== null) this.path = chosen;
    } catch (reason) {
      notices.report("Could not show the save dialog", reason);
    }
  }

  /** Writes the export; the result or the reason it failed stays in the dialog. */
  async write(): Promise<void> {
    if (this.writing) return;
    if (this.path.trim() === "") {
      this.error = { code: "invalid_input", message: "choose where to save the export" };
      return;
    }
    this.writing = true;
    this.progress = null;
    this.written = null;
    this.error = null;
    try {
      this.written = await ipc.exportWrite(this.request, this.path.trim());
    } catch (reason) {
      this.error = ipc.toIpcError(reason);
    } finally {
      this.writing = false;
      this.progress = null;
    }
  }

  progressed(progress: ExportProgress): void {
    if (this.writing) this.progress = progress;
  }
}

export const exporter = new Exporter();
