//! What the user can ask for — from the toolbar, a keyboard shortcut, the native menu or a
//! drop — expressed once, in terms of the IPC functions and the stores. Components call these
//! and stay free of sequencing and error handling.

import * as ipc from "../ipc";
import type { MenuAction, ProjectInfo, UnlistenFn } from "../ipc";
import { articles } from "./articles.svelte";
import { embedder } from "./embedder.svelte";
import { exporter } from "./exporter.svelte";
import { history } from "./history.svelte";
import { importer } from "./importer.svelte";
import { layout } from "./layout.svelte";
import { notices } from "./notices.svelte";
import { project } from "./project.svelte";
import { reader } from "./reader.svelte";
import { search } from "./search.svelte";
import { table } from "./table.svelte";
import { compare, workbench } from "./workbench.svelte";

// Vectors stored: the claim groups change, so the comparison views regroup.
embedder.onEmbedded = () => {
  compare.invalidate();
  workbench.show(workbench.view);
};

/**
 * A native dialog can be asked for twice at once — a double click, or a menu accelerator and
 * the window's own shortcut for the same key. Only the first is shown; the others are dropped.
 */
let dialogShowing = false;

/** Shows a dialog; null when the user cancelled, another dialog is up, or it failed (reported). */
async function ask<T>(what: string, show: () => Promise<T | null>): Promise<T | null> {
  if (dialogShowing) return null;
  dialogShowing = true;
  try {
    return await show();
  } catch (reason) {
    notices.report(`Could not show the ${what} dialog`, reason);
    return null;
  } finally {
    dialogShowing = false;
  }
}

/** Shows `info` as the open project and loads its articles, forgetting the previous one's view. */
async function showProject(info: ProjectInfo): Promise<void> {
  const previous = project.info?.path ?? null;
  const switched = previous !== info.path;
  project.info = info;
  if (switched) {
    notices.switchProject(previous, info.path);
    history.clear();
    layout.load(info.path);
    search.clear();
    reader.close();
    table.activeId = null;
    articles.clear();
    embedder.reset();
  }
  await articles.refresh();
  // vectors an interrupted run left to compute, and what this machine lacks
  if (switched) void embedder.catchUp();
}

/** At start-up: whatever project the shell opened (command-line argument or the default one). */
export async function loadCurrentProject(): Promise<void> {
  try {
    await showProject(await ipc.projectInfo());
  } catch (reason) {
    notices.report("Could not open the project", reason);
  } finally {
    project.starting = false;
  }
}

export async function openProject(): Promise<void> {
  const path = await ask("Open project", ipc.chooseProjectToOpen);
  if (path === null) return;
  try {
    await showProject(await ipc.openProject(path));
  } catch (reason) {
    notices.report(`Could not open ${path}`, reason);
  }
}

export async function newProject(): Promise<void> {
  const path = await ask("New project", ipc.chooseNewProjectPath);
  if (path === null) return;
  try {
    await showProject(await ipc.newProject(path));
  } catch (reason) {
    notices.report(`Could not create ${path}`, reason);
  }
}

/** Imports `paths` into the open project and refreshes everything the import changed. */
export async function importPaths(paths: readonly string[]): Promise<void> {
  const summary = await importer.run(paths);
  if (summary === null) return;
  try {
    project.info = await ipc.projectInfo();
  } catch (reason) {
    notices.report("Could not refresh the project", reason);
  }
  await articles.refresh();
  if (search.active) await search.run();
  compare.invalidate();
  // the new statements' sentence vectors, in the background
  void embedder.catchUp();
}

export async function importFiles(): Promise<void> {
  await importFromDialog("Import files", ipc.chooseFilesToImport);
}

export async function importFolders(): Promise<void> {
  await importFromDialog("Import folder", ipc.chooseFoldersToImport);
}

async function importFromDialog(what: string, choose: () => Promise<string[] | null>): Promise<void> {
  if (importer.running) {
    notices.report("An import is already running", "wait for it to finish, then import again");
    return;
  }
  const paths = await ask(what, choose);
  if (paths !== null) await importPaths(paths);
}

/** An article's editable metadata, as the form holds it. */
export type MetadataFields = ipc.MetadataEditDto;

function fieldsOf(row: ipc.ArticleRow): MetadataFields {
  return { title: row.title, outlet: row.outlet, author: row.author, published_at: row.published_at };
}

/** Stores `fields` for article `id` and shows the row everywhere it is listed. */
async function storeMetadata(id: number, fields: MetadataFields): Promise<ipc.ArticleRow> {
  const row = await ipc.editArticleMetadata(id, fields);
  articles.replace(row);
  search.replaceArticle(row);
  if (reader.detail?.article.id === id) reader.detail = { ...reader.detail, article: row };
  return row;
}

/**
 * Corrects an article's title, outlet, author and date (`before`: its row as shown, which
 * undo puts back). Resolves with the error to show beside the form, or null when stored.
 */
export async function editArticleMetadata(
  before: ipc.ArticleRow,
  fields: MetadataFields,
): Promise<ipc.IpcError | null> {
  let after: ipc.ArticleRow;
  try {
    after = await storeMetadata(before.id, fields);
  } catch (reason) {
    return ipc.toIpcError(reason);
  }
  const step = (to: ipc.ArticleRow) => async () => {
    try {
      await storeMetadata(before.id, fieldsOf(to));
      return true;
    } catch (reason) {
      notices.report("Could not change the article's details", reason);
      return false;
    }
  };
  history.record({ label: `edit the details of article:${before.id}`, undo: step(before), redo: step(after) });
  return null;
}

export function runMenuAction(action: MenuAction): Promise<void> {
  switch (action) {
    case "open_project":
      return openProject();
    case "new_project":
      return newProject();
    case "import_files":
      return importFiles();
    case "import_folder":
      return importFolders();
    case "export":
      exporter.open();
      return Promise.resolve();
  }
}

/**
 * Subscribes to the back end's events (menu, import progress, drag-and-drop). Returns the
 * function that unsubscribes. A subscription that fails is reported, and the others still work.
 */
export async function connectToBackend(): Promise<() => void> {
  const subscriptions: [string, () => Promise<UnlistenFn>][] = [
    ["the menu", () => ipc.onMenu((action) => void runMenuAction(action))],
    ["import progress", () => ipc.onImportProgress((progress) => importer.progressed(progress))],
    ["sentence vector progress", () => ipc.onEmbedProgress((progress) => embedder.progressed(progress))],
    ["export progress", () => ipc.onExportProgress((progress) => exporter.progressed(progress))],
    [
      "dropped files",
      () =>
        ipc.onDragDrop((event) => {
          if (event.type === "drop") {
            importer.dragging = false;
            void importPaths(event.paths);
          } else {
            importer.dragging = event.type !== "leave";
          }
        }),
    ],
  ];
  const unlisteners: UnlistenFn[] = [];
  for (const [what, subscribe] of subscriptions) {
    try {
      unlisteners.push(await subscribe());
    } catch (reason) {
      notices.report(`Could not listen for ${what}`, reason);
    }
  }
  return () => {
    for (const unlisten of unlisteners) unlisten();
  };
}
