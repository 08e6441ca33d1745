//! Errors the user must see. Every failed command ends up here (or inline next to what it
//! concerns), never only in the console.

import { toIpcError } from "../ipc";

export type Notice = {
  id: number;
  /** What the user was doing, e.g. "Could not open the project". */
  title: string;
  /** The back end's message, which names the file and the reason. */
  message: string;
  code: string;
};

class Notices {
  items = $state<Notice[]>([]);
  #nextId = 1;

  report(title: string, reason: unknown): void {
    const { code, message } = toIpcError(reason);
    // The same failure twice in a row (a key held down, a retried drop) is shown once.
    const last = this.items.at(-1);
    if (last && last.title === title && last.message === message) return;
    this.items.push({ id: this.#nextId++, title, message, code });
    console.error(`${title}: [${code}] ${message}`);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((n) => n.id !== id);
  }

  clear(): void {
    this.items = [];
  }

  /** Notices kept for the projects the user switched away from, by project path. */
  #kept = new Map<string, Notice[]>();

  /**
   * A notice belongs to the project it was raised in: switching from `from` (null: none was
   * open) to `to` puts the current notices away with `from` and shows those kept for `to`.
   */
  switchProject(from: string | null, to: string): void {
    if (from === to) return;
    if (from !== null && this.items.length > 0) this.#kept.set(from, this.items);
    // notices raised before any project was open concern the one being opened
    const carried = from === null ? this.items : [];
    this.items = [...(this.#kept.get(to) ?? []), ...carried];
    this.#kept.delete(to);
  }
}

export const notices = new Notices();
