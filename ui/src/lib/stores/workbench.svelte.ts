//! The analyst's workbench: which view is shown, the actor registry, the comparison across
//! outlets, the statements of the article in the reader, and the notes and tags. Every
//! failure is reported as a notice; the views only read these stores and call their methods.

import * as ipc from "../ipc";
import type { ActorRow, Annotation, ClaimGroup, CoverageMatrix, StatementRow } from "../ipc";
import { history, type Undoable } from "./history.svelte";
import { notices } from "./notices.svelte";

export type View = "library" | "actors" | "compare" | "notes";
export const VIEWS: readonly { id: View; label: string }[] = [
  { id: "library", label: "Library" },
  { id: "actors", label: "Actors" },
  { id: "compare", label: "Compare" },
  { id: "notes", label: "Notes" },
];

class Workbench {
  view = $state<View>("library");

  show(view: View): void {
    this.view = view;
    if (view === "actors") void actors.refresh();
    if (view === "compare") void compare.refresh();
    if (view === "notes") void notes.refresh();
  }
}

export const workbench = new Workbench();

class Actors {
  rows = $state.raw<ActorRow[]>([]);
  loading = $state(false);
  /** Keys of the actors ticked for a merge, in the order they were ticked. */
  selected = $state<string[]>([]);
  #request = 0;

  async refresh(): Promise<void> {
    const request = ++this.#request;
    this.loading = true;
    try {
      const rows = await ipc.listActors();
      if (request !== this.#request) return;
      this.rows = rows;
      const keys = new Set(rows.map((r) => r.key));
      this.selected = this.selected.filter((k) => keys.has(k));
    } catch (reason) {
      notices.report("Could not list the actors", reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  toggle(key: string): void {
    this.selected = this.selected.includes(key)
      ? this.selected.filter((k) => k !== key)
      : [...this.selected, key];
  }

  /**
   * Applies an edit, then shows the registry as it now is. True when it was stored. The edit
   * goes on the undo stack: undone through the project's edit log, redone by applying it again
   * (right after its undo the registry is as it was, so the same keys name the same actors).
   */
  async edit(edit: ipc.ActorEditDto, what: string): Promise<boolean> {
    if (!(await this.#apply(edit, what))) return false;
    history.record(new ActorEditStep(edit, what));
    return true;
  }

  async #apply(edit: ipc.ActorEditDto, what: string): Promise<boolean> {
    try {
      await ipc.editActor(edit);
    } catch (reason) {
      notices.report(`Could not ${what}`, reason);
      return false;
    }
    await this.refresh();
    compare.invalidate();
    return true;
  }

  /** For the undo stack: apply an edit without recording it. */
  reapply(edit: ipc.ActorEditDto, what: string): Promise<boolean> {
    return this.#apply(edit, what);
  }

  /** Merges the ticked actors into the first ticked one. */
  async mergeSelected(): Promise<void> {
    const [into, ...others] = this.selected;
    if (into === undefined || others.length === 0) return;
    for (const other of others) {
      // keys change as actors merge: name the kept actor by its first key each time
      if (!(await this.edit({ op: "merge", a: into, b: other }, "merge the actors"))) return;
    }
    this.selected = [];
  }

  /** Takes back the project's latest actor edit (also one made before a restart). */
  async undo(): Promise<boolean> {
    const undone = await this.undoLatest();
    if (undone) history.forget((edit) => edit instanceof ActorEditStep);
    return undone;
  }

  /** For the undo stack: take back the latest actor edit without touching the stack. */
  async undoLatest(): Promise<boolean> {
    try {
      const undone = await ipc.undoActorEdit();
      await this.refresh();
      compare.invalidate();
      return undone;
    } catch (reason) {
      notices.report("Could not undo the actor edit", reason);
      return false;
    }
  }
}

export const actors = new Actors();

class ActorEditStep implements Undoable {
  constructor(
    readonly edit: ipc.ActorEditDto,
    readonly label: string,
  ) {}

  undo(): Promise<boolean> {
    return actors.undoLatest();
  }

  redo(): Promise<boolean> {
    return actors.reapply(this.edit, this.label);
  }
}

class Compare {
  matrix = $state.raw<CoverageMatrix | null>(null);
  loading = $state(false);
  /** The actor whose claim groups are open, by key, and its name. */
  actorKey = $state<string | null>(null);
  actorName = $state("");
  groups = $state.raw<ClaimGroup[]>([]);
  groupsLoading = $state(false);
  #stale = true;
  #request = 0;

  invalidate(): void {
    this.#stale = true;
  }

  async refresh(force = false): Promise<void> {
    if (!force && !this.#stale && this.matrix !== null) return;
    const request = ++this.#request;
    this.loading = true;
    try {
      const matrix = await ipc.coverageMatrix();
      if (request !== this.#request) return;
      this.matrix = matrix;
      this.#stale = false;
      if (this.actorKey !== null && !matrix.rows.some((r) => r.key === this.actorKey)) this.close();
      else if (this.actorKey !== null) await this.open(this.actorKey, this.actorName);
    } catch (reason) {
      notices.report("Could not compare the outlets", reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /** Shows an actor's claim groups side by side. */
  async open(key: string, name: string): Promise<void> {
    this.actorKey = key;
    this.actorName = name;
    this.groupsLoading = true;
    try {
      const groups = await ipc.actorGroups(key);
      if (this.actorKey === key) this.groups = groups;
    } catch (reason) {
      notices.report(`Could not show the claims of ${name}`, reason);
    } finally {
      if (this.actorKey === key) this.groupsLoading = false;
    }
  }

  close(): void {
    this.actorKey = null;
    this.groups = [];
  }
}

export const compare = new Compare();

class Notes {
  list = $state.raw<Annotation[]>([]);
  loading = $state(false);
  /** Only targets with this tag; null shows all. */
  tagFilter = $state<string | null>(null);
  #request = 0;

  readonly tags = $derived([...new Set(this.list.flatMap((a) => a.tags))].sort());
  readonly shown = $derived(
    this.tagFilter === null ? this.list : this.list.filter((a) => a.tags.includes(this.tagFilter as string)),
  );

  async refresh(): Promise<void> {
    const request = ++this.#request;
    this.loading = true;
    try {
      const list = await ipc.listAnnotations();
      if (request !== this.#request) return;
      this.list = list;
      if (this.tagFilter !== null && !this.tags.includes(this.tagFilter)) this.tagFilter = null;
    } catch (reason) {
      notices.report("Could not list the notes", reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /**
   * Sets (or, with empty text, removes) a target's note. True when it was stored. The change
   * goes on the undo stack with the note as it was (read from the project just before).
   */
  async setNote(target: string, text: string): Promise<boolean> {
    let before: string;
    try {
      before = (await ipc.annotationOf(target)).note ?? "";
    } catch (reason) {
      notices.report("Could not save the note", reason);
      return false;
    }
    if (!(await this.#setNote(target, text))) return false;
    if (before !== text) {
      const what = text.trim() === "" ? "remove the note of" : before === "" ? "add a note to" : "edit the note of";
      history.record({
        label: `${what} ${target}`,
        undo: () => this.#setNote(target, before),
        redo: () => this.#setNote(target, text),
      });
    }
    return true;
  }

  async #setNote(target: string, text: string): Promise<boolean> {
    return this.#change("Could not save the note", () => ipc.setNote(target, text));
  }

  async addTag(target: string, tag: string): Promise<boolean> {
    let had: boolean;
    try {
      had = (await ipc.annotationOf(target)).tags.includes(tag.trim());
    } catch (reason) {
      notices.report("Could not add the tag", reason);
      return false;
    }
    if (!(await this.#addTag(target, tag))) return false;
    // adding a tag the target has changes nothing, so there is nothing to undo
    if (!had) {
      history.record({
        label: `add the tag «${tag.trim()}» to ${target}`,
        undo: () => this.#removeTag(target, tag),
        redo: () => this.#addTag(target, tag),
      });
    }
    return true;
  }

  async removeTag(target: string, tag: string): Promise<boolean> {
    if (!(await this.#removeTag(target, tag))) return false;
    history.record({
      label: `remove the tag «${tag.trim()}» from ${target}`,
      undo: () => this.#addTag(target, tag),
      redo: () => this.#removeTag(target, tag),
    });
    return true;
  }

  #addTag(target: string, tag: string): Promise<boolean> {
    return this.#change("Could not add the tag", () => ipc.addTag(target, tag));
  }

  #removeTag(target: string, tag: string): Promise<boolean> {
    return this.#change("Could not remove the tag", () => ipc.removeTag(target, tag));
  }

  /** Runs one change, then lists the notes as they now are; false (reported) when it failed. */
  async #change(failure: string, change: () => Promise<void>): Promise<boolean> {
    try {
      await change();
    } catch (reason) {
      notices.report(failure, reason);
      return false;
    }
    await this.refresh();
    return true;
  }

  /** The note and tags of one target, from the last list (empty when it has none). */
  of(target: string): Annotation | undefined {
    return this.list.find((a) => a.target === target);
  }
}

export const notes = new Notes();

class ArticleStatements {
  articleId = $state<number | null>(null);
  rows = $state.raw<StatementRow[]>([]);
  #request = 0;

  /**
   * Corrects a statement of the open article (or adds one); the article is analysed again
   * with it, its statements reloaded, and the edit goes on the undo stack. False on failure
   * (reported).
   */
  async correct(edit: ipc.StatementCorrectionDto): Promise<boolean> {
    let stored: ipc.StoredCorrection;
    try {
      stored = await ipc.correctStatement(edit);
    } catch (reason) {
      notices.report("Could not correct the statement", reason);
      return false;
    }
    await this.#changed();
    history.record({
      label: stored.label,
      undo: async () => {
        try {
          await ipc.undoStatementCorrection();
        } catch (reason) {
          notices.report("Could not undo the correction", reason);
          return false;
        }
        await this.#changed();
        return true;
      },
      redo: async () => {
        try {
          await ipc.redoStatementCorrection(stored.correction);
        } catch (reason) {
          notices.report("Could not redo the correction", reason);
          return false;
        }
        await this.#changed();
        return true;
      },
    });
    return true;
  }

  /** A correction changed statements: the reader's list, the actors and the comparison. */
  async #changed(): Promise<void> {
    await this.load(this.articleId);
    compare.invalidate();
    if (workbench.view === "actors") await actors.refresh();
  }

  async load(id: number | null): Promise<void> {
    const request = ++this.#request;
    this.articleId = id;
    if (id === null) {
      this.rows = [];
      return;
    }
    try {
      const rows = await ipc.articleStatements(id);
      if (request === this.#request) this.rows = rows;
    } catch (reason) {
      if (request === this.#request) this.rows = [];
      notices.report("Could not list the article's statements", reason);
    }
  }
}

export const articleStatements = new ArticleStatements();
