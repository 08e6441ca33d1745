//! Which rows of a fixed-row-height list are on screen. The table renders only these, so
//! 10,000 articles cost the same DOM as 30.

export type RowWindow = {
  /** Index of the first rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
  /** Pixels from the top of the scrolled content to the first rendered row. */
  offset: number;
  /** Height of all rows, rendered or not, so the scroll bar is true to the list. */
  totalHeight: number;
};

/**
 * @param overscan rows rendered beyond each edge, so fast scrolling shows no blank band
 */
export function rowWindow(
  rowCount: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan = 6,
): RowWindow {
  const totalHeight = rowCount * rowHeight;
  if (rowCount === 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0, totalHeight };
  const maxScroll = Math.max(0, totalHeight - viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), maxScroll);
  const firstVisible = Math.floor(top / rowHeight);
  const visibleCount = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, firstVisible - overscan);
  const end = Math.min(rowCount, firstVisible + visibleCount + overscan);
  return { start, end, offset: start * rowHeight, totalHeight };
}

/**
 * The scroll position that brings row `index` fully into view while moving as little as
 * possible (what keyboard navigation needs); the current position when it is already visible.
 */
export function scrollTopToReveal(index: number, rowHeight: number, scrollTop: number, viewportHeight: number): number {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight);
  return scrollTop;
}

/** Rows a Page Up / Page Down moves: one screenful, at least one row. */
export function rowsPerPage(rowHeight: number, viewportHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
}

export type NavigationKey = "ArrowUp" | "ArrowDown" | "Home" | "End" | "PageUp" | "PageDown";

export function isNavigationKey(key: string): key is NavigationKey {
  return ["ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"].includes(key);
}

/** The row a navigation key moves to, from `current` (-1 when nothing is active yet). */
export function navigate(key: NavigationKey, current: number, rowCount: number, pageSize: number): number {
  if (rowCount === 0) return -1;
  const last = rowCount - 1;
  const clamp = (i: number) => Math.min(last, Math.max(0, i));
  switch (key) {
    case "ArrowDown":
      return current < 0 ? 0 : clamp(current + 1);
    case "ArrowUp":
      return current < 0 ? 0 : clamp(current - 1);
    case "Home":
      return 0;
    case "End":
      return last;
    case "PageDown":
      return clamp(Math.max(current, 0) + pageSize);
    case "PageUp":
      return clamp(current - pageSize);
  }
}
