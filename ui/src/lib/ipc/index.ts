//! The only door from the UI to the Rust back end.
//!
//! Every Tauri command, event and native dialog the window uses is wrapped here in a typed
//! function, so components and stores never import `@tauri-apps/*` and the IPC contract is
//! readable in one file. The DTO types in `bindings/` are generated from Rust (ts-rs); do not
//! edit them by hand. This module deliberately holds no state and shows nothing to the user:
//! it turns every failure into a `CommandError` and lets the caller decide how to report it.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open, save } from "@tauri-apps/plugin-dialog";

import type { ActorEditDto } from "./bindings/ActorEditDto";
import type { ActorRow } from "./bindings/ActorRow";
import type { Annotation } from "./bindings/Annotation";
import type { ArticleDetail } from "./bindings/ArticleDetail";
import type { ClaimGroup } from "./bindings/ClaimGroup";
import type { CoverageMatrix } from "./bindings/CoverageMatrix";
import type { DiffPart } from "./bindings/DiffPart";
import type { StatementCorrectionDto } from "./bindings/StatementCorrectionDto";
import type { StoredCorrection } from "./bindings/StoredCorrection";
import type { EmbeddingStatus } from "./bindings/EmbeddingStatus";
import type { EmbedProgress } from "./bindings/EmbedProgress";
import type { EmbedSummary } from "./bindings/EmbedSummary";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { ExportPreview } from "./bindings/ExportPreview";
import type { ExportProgress } from "./bindings/ExportProgress";
import type { ExportRequest } from "./bindings/ExportRequest";
import type { ExportWritten } from "./bindings/ExportWritten";
import type { GroupEditDto } from "./bindings/GroupEditDto";
import type { GroupMember } from "./bindings/GroupMember";
import type { MetadataEditDto } from "./bindings/MetadataEditDto";
import type { NoteHit } from "./bindings/NoteHit";
import type { StatementRow } from "./bindings/StatementRow";
import type { ArticleRow } from "./bindings/ArticleRow";
import type { FileOutcome } from "./bindings/FileOutcome";
import type { ImportProgress } from "./bindings/ImportProgress";
import type { ImportStop } from "./bindings/ImportStop";
import type { ImportSummary } from "./bindings/ImportSummary";
import type { IpcError } from "./bindings/IpcError";
import type { ProjectInfo } from "./bindings/ProjectInfo";
import type { SearchHit } from "./bindings/SearchHit";

export type {
  ActorEditDto,
  ActorRow,
  Annotation,
  ClaimGroup,
  CoverageMatrix,
  DiffPart,
  StatementCorrectionDto,
  StoredCorrection,
  EmbeddingStatus,
  EmbedProgress,
  EmbedSummary,
  ExportFormat,
  ExportPreview,
  ExportProgress,
  ExportRequest,
  ExportWritten,
  GroupEditDto,
  GroupMember,
  MetadataEditDto,
  NoteHit,
  StatementRow,
  ArticleDetail,
  ArticleRow,
  FileOutcome,
  ImportProgress,
  ImportStop,
  ImportSummary,
  IpcError,
  ProjectInfo,
  SearchHit,
};
export type { UnlistenFn };

/** The error codes the back end sends; anything else is reported as it came. */
export type IpcErrorCode = "not_found" | "invalid_project" | "invalid_input" | "io" | "internal";

/** A failed command: the back end's `{code, message}`, with the command that failed. */
export class CommandError extends Error implements IpcError {
  readonly code: string;
  readonly command: string;

  constructor(command: string, error: IpcError) {
    super(error.message);
    this.name = "CommandError";
    this.code = error.code;
    this.command = command;
  }
}

/**
 * Turns whatever a rejected `invoke` produced into `{code, message}`. The back end rejects
 * with `IpcError`, but a missing command, a panic or running outside Tauri produce strings or
 * `Error`s, and those must reach the user too instead of becoming "[object Object]".
 */
export function toIpcError(reason: unknown): IpcError {
  if (typeof reason === "object" && reason !== null) {
    const { code, message } = reason as Partial<Record<"code" | "message", unknown>>;
    if (typeof code === "string" && typeof message === "string") return { code, message };
    if (reason instanceof Error) return { code: "internal", message: reason.message };
    if (typeof message === "string") return { code: "internal", message };
  }
  if (typeof reason === "string" && reason.length > 0) return { code: "internal", message: reason };
  return { code: "internal", message: `unexpected error: ${String(reason)}` };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw new CommandError(command, toIpcError(reason));
  }
}

// ---------------------------------------------------------------------------------------
// Commands

export function projectInfo(): Promise<ProjectInfo> {
  return call("project_info");
}

export function openProject(path: string): Promise<ProjectInfo> {
  return call("open_project", { path });
}

export function newProject(path: string): Promise<ProjectInfo> {
  return call("new_project", { path });
}

export function listArticles(): Promise<ArticleRow[]> {
  return call("list_articles");
}

export function getArticle(id: number): Promise<ArticleDetail> {
  return call("get_article", { id });
}

export function searchArticles(query: string): Promise<SearchHit[]> {
  return call("search_articles", { query });
}

/** Corrects an article's title, outlet, author and date; answers with its row as it now is. */
export function editArticleMetadata(id: number, edit: MetadataEditDto): Promise<ArticleRow> {
  return call("edit_article_metadata", { id, edit });
}

/** Long-running; `onImportProgress` reports each file while it runs. */
export function importPaths(paths: string[]): Promise<ImportSummary> {
  return call("import_paths", { paths });
}

/** Stops the running import after the file it is storing; `importPaths` then resolves. */
export function cancelImport(): Promise<void> {
  return call("cancel_import");
}

// ---------------------------------------------------------------------------------------
// Sentence vectors, computed in the background after an import.

/** What the open project's vectors and this machine's model and dictionary are. */
export function embeddingStatus(): Promise<EmbeddingStatus> {
  return call("embedding_status");
}

/** Long-running; `onEmbedProgress` reports each stored batch. Does nothing without a model. */
export function embedPending(): Promise<EmbedSummary> {
  return call("embed_pending");
}

/** Resolves the actors and aligns the claims once, so the project keeps them (no-op when kept). */
export function prepareAnalysis(): Promise<void> {
  return call("prepare_analysis");
}

/** Stops the running embedding after the batches in flight; what was stored stays. */
export function cancelEmbedding(): Promise<void> {
  return call("cancel_embedding");
}

// ---------------------------------------------------------------------------------------
// The workbench: actors, comparison, statements, notes and tags. A note target is a string
// `article:ID`, `statement:ID`, `actor:KEY` or `group:ID`, as the CLI takes it.

export function listActors(): Promise<ActorRow[]> {
  return call("list_actors");
}

export function editActor(edit: ActorEditDto): Promise<void> {
  return call("edit_actor", { edit });
}

/** False when there was no edit to undo. */
export function undoActorEdit(): Promise<boolean> {
  return call("undo_actor_edit");
}

export function coverageMatrix(): Promise<CoverageMatrix> {
  return call("coverage_matrix");
}

/** One actor's claim groups, by the actor's key. */
export function actorGroups(actor: string): Promise<ClaimGroup[]> {
  return call("actor_groups", { actor });
}

export function editGroup(edit: GroupEditDto): Promise<void> {
  return call("edit_group", { edit });
}

export function undoGroupEdit(): Promise<boolean> {
  return call("undo_group_edit");
}

export function articleStatements(id: number): Promise<StatementRow[]> {
  return call("article_statements", { id });
}

/** Corrects a statement (re-analysing its article); hands back the stored form, for redo. */
export function correctStatement(edit: StatementCorrectionDto): Promise<StoredCorrection> {
  return call("correct_statement", { edit });
}

/** Takes back the project's latest statement correction; null when there was none. */
export function undoStatementCorrection(): Promise<StoredCorrection | null> {
  return call("undo_statement_correction");
}

/** Makes a correction again, in the stored form `correctStatement` handed back. */
export function redoStatementCorrection(correction: unknown): Promise<void> {
  return call("redo_statement_correction", { correction });
}

export function listAnnotations(): Promise<Annotation[]> {
  return call("list_annotations");
}

export function annotationOf(target: string): Promise<Annotation> {
  return call("annotation_of", { target });
}

/** Attaches or replaces a target's note; empty text removes it. */
export function setNote(target: string, text: string): Promise<void> {
  return call("set_note", { target, text });
}

export function addTag(target: string, tag: string): Promise<void> {
  return call("add_tag", { target, tag });
}

export function removeTag(target: string, tag: string): Promise<void> {
  return call("remove_tag", { target, tag });
}

export function searchNotes(query: string): Promise<NoteHit[]> {
  return call("search_notes", { query });
}

// ---------------------------------------------------------------------------------------
// Reports and exports (the same files as `parallax report` / `parallax export`)

/** What the export of the selection holds; for a report also its HTML, for a preview. */
export function exportPreview(request: ExportRequest): Promise<ExportPreview> {
  return call("export_preview", { request });
}

/**
 * Long-running; `onExportProgress` says what it is doing. The format's extension is added to
 * `path` when it has none; CSV writes three files into the folder `path`.
 */
export function exportWrite(request: ExportRequest, path: string): Promise<ExportWritten> {
  return call("export_write", { request, path });
}

// ---------------------------------------------------------------------------------------
// Events

/** What the native menu asks the window to do. */
export type MenuAction = "open_project" | "new_project" | "import_files" | "import_folder" | "export";

const MENU_ACTIONS: readonly string[] = ["open_project", "new_project", "import_files", "import_folder", "export"];

export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === "string" && MENU_ACTIONS.includes(value);
}

/** Menu items the UI does not know are ignored here, so an older UI never crashes on them. */
export function onMenu(handler: (action: MenuAction) => void): Promise<UnlistenFn> {
  return listen<unknown>("menu", (event) => {
    if (isMenuAction(event.payload)) handler(event.payload);
  });
}

export function onImportProgress(handler: (progress: ImportProgress) => void): Promise<UnlistenFn> {
  return listen<ImportProgress>("import-progress", (event) => handler(event.payload));
}

export function onEmbedProgress(handler: (progress: EmbedProgress) => void): Promise<UnlistenFn> {
  return listen<EmbedProgress>("embed-progress", (event) => handler(event.payload));
}

export function onExportProgress(handler: (progress: ExportProgress) => void): Promise<UnlistenFn> {
  return listen<ExportProgress>("export-progress", (event) => handler(event.payload));
}

/** Files dragged over the window, as the shell reports them. */
export type DragDrop =
  | { type: "enter" | "over" }
  | { type: "drop"; paths: string[] }
  | { type: "leave" };

export function onDragDrop(handler: (event: DragDrop) => void): Promise<UnlistenFn> {
  return getCurrentWebview().onDragDropEvent((event) => {
    const payload = event.payload;
    switch (payload.type) {
      case "enter":
      case "over":
        handler({ type: payload.type });
        break;
      case "drop":
        handler({ type: "drop", paths: payload.paths });
        break;
      case "leave":
        handler({ type: "leave" });
        break;
    }
  });
}

// ---------------------------------------------------------------------------------------
// Native dialogs. Each returns null when the user cancels.

const PROJECT_FILTER = { name: "Parallax project", extensions: ["parallax"] };

/** The formats the importer reads; "All files" stays available because it also sniffs content. */
const ARTICLE_FILTERS = [
  { name: "Articles", extensions: ["txt", "md", "html", "htm", "pdf", "docx", "json", "jsonl"] },
  { name: "All files", extensions: ["*"] },
];

function asPaths(selection: string | string[] | null): string[] | null {
  if (selection === null) return null;
  const paths = Array.isArray(selection) ? selection : [selection];
  return paths.length > 0 ? paths : null;
}

export async function chooseProjectToOpen(): Promise<string | null> {
  const selection = await open({
    title: "Open a Parallax project",
    multiple: false,
    directory: false,
    filters: [PROJECT_FILTER],
  });
  return asPaths(selection)?.[0] ?? null;
}

export async function chooseNewProjectPath(): Promise<string | null> {
  return save({ title: "Create a Parallax project", filters: [PROJECT_FILTER] });
}

export async function chooseFilesToImport(): Promise<string[] | null> {
  return asPaths(
    await open({ title: "Import articles", multiple: true, directory: false, filters: ARTICLE_FILTERS }),
  );
}

export async function chooseFoldersToImport(): Promise<string[] | null> {
  return asPaths(await open({ title: "Import a folder of articles", multiple: true, directory: true }));
}

/** Where to write an export: a file for every format but CSV, which makes a folder. */
export async function chooseExportPath(format: ExportFormat, suggested: string): Promise<string | null> {
  if (format === "csv") {
    return save({ title: "Export CSV into a new folder", defaultPath: suggested });
  }
  return save({
    title: `Export ${format.toUpperCase()}`,
    defaultPath: suggested,
    filters: [{ name: format.toUpperCase(), extensions: [format] }],
  });
}
