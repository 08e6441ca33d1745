//! The open project's window layout (column widths, list/reading split), remembered per
//! project in localStorage (see util/layout).

import {
  DEFAULT_LAYOUT,
  clampColumn,
  clampShare,
  layoutKey,
  parseLayout,
  type Layout,
  type SizedColumn,
} from "../util/layout";

class LayoutStore {
  current = $state<Layout>(structuredClone(DEFAULT_LAYOUT));
  #project: string | null = null;

  /** Shows the layout saved for `projectPath` (the default for a project never resized). */
  load(projectPath: string): void {
    this.#project = projectPath;
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(layoutKey(projectPath));
    } catch {
      stored = null;
    }
    this.current = parseLayout(stored);
  }

  setColumn(column: SizedColumn, width: number): void {
    this.current.columns[column] = clampColumn(width);
    this.#save();
  }

  setListShare(share: number): void {
    this.current.listShare = clampShare(share);
    this.#save();
  }

  #save(): void {
    if (this.#project === null) return;
    try {
      localStorage.setItem(layoutKey(this.#project), JSON.stringify(this.current));
    } catch {
      // storage full or disabled: the layout still applies until the window closes
    }
  }
}

export const layout = new LayoutStore();
