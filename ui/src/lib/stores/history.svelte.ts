//! Undo and redo of the analyst's edits in this window (notes, tags, actor edits), as one
//! stack for Ctrl+Z and Ctrl+Shift+Z. Each entry knows how to take itself back and how to do
//! itself again, through the same IPC calls the edit made, so the project holds the result.
//!
//! Deliberately left out: the stack lives as long as the window (actor edits stay undoable
//! after a restart through the Actors view's "Undo last actor edit", which the project's edit
//! log backs; notes and tags have no such log yet), and group edits are not recorded.

export interface Undoable {
  /** What the edit did, in words: "add the tag «deadline» to statement:3". */
  label: string;
  /** Takes the edit back; false when that failed (reported by the caller's store). */
  undo(): Promise<boolean>;
  /** Does it again; false when that failed. */
  redo(): Promise<boolean>;
}

/** How long the line saying what was undone stays. */
const SAID_FOR_MS = 5000;

/** How many edits the stack keeps. */
export const HISTORY_LIMIT = 200;

class History {
  done = $state.raw<Undoable[]>([]);
  undone = $state.raw<Undoable[]>([]);
  /** What the last undo or redo did, for a live region; empty again after a few seconds. */
  said = $state("");
  #busy = false;
  #quiet: ReturnType<typeof setTimeout> | undefined;

  #say(text: string): void {
    this.said = text;
    clearTimeout(this.#quiet);
    this.#quiet = setTimeout(() => (this.said = ""), SAID_FOR_MS);
  }

  /** A new edit: it can be undone, and what was undone can no longer be redone. */
  record(edit: Undoable): void {
    this.done = [...this.done, edit].slice(-HISTORY_LIMIT);
    this.undone = [];
  }

  /** Drops the latest edit that `matches` (it was taken back outside this stack). */
  forget(matches: (edit: Undoable) => boolean): void {
    const at = this.done.map(matches).lastIndexOf(true);
    if (at >= 0) this.done = this.done.filter((_, i) => i !== at);
    this.undone = [];
  }

  async undo(): Promise<void> {
    await this.#step(true);
  }

  async redo(): Promise<void> {
    await this.#step(false);
  }

  /** One step; a second key press while one is running is ignored, so steps never interleave. */
  async #step(back: boolean): Promise<void> {
    if (this.#busy) return;
    const from = back ? this.done : this.undone;
    const edit = from.at(-1);
    if (edit === undefined) {
      this.#say(back ? "Nothing to undo" : "Nothing to redo");
      return;
    }
    this.#busy = true;
    try {
      const ok = back ? await edit.undo() : await edit.redo();
      if (!ok) {
        this.#say(`Could not ${back ? "undo" : "redo"}: ${edit.label}`);
        return;
      }
      if (back) {
        this.done = this.done.slice(0, -1);
        this.undone = [...this.undone, edit];
        this.#say(`Undone: ${edit.label}`);
      } else {
        this.undone = this.undone.slice(0, -1);
        this.done = [...this.done, edit];
        this.#say(`Redone: ${edit.label}`);
      }
    } finally {
      this.#busy = false;
    }
  }

  clear(): void {
    this.done = [];
    this.undone = [];
    this.said = "";
  }
}

export const history = new History();
