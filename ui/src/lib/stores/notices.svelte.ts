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
}

export const notices = new Notices();
