//! Sizes of the resizable parts of the window (article table columns, the list/reading
//! split), their bounds, and how they are stored: per project, in localStorage, as JSON that
//! may be missing, old or hand-edited, so every value read is checked and clamped.

/** The table columns with a width of their own; the title takes the rest. */
export type SizedColumn = "outlet" | "lang" | "published_at";

export type Layout = {
  columns: Record<SizedColumn, number>;
  /** The article list's share of the workspace width, the reading pane has the rest. */
  listShare: number;
};

export const DEFAULT_LAYOUT: Layout = {
  columns: { outlet: 150, lang: 92, published_at: 104 },
  listShare: 0.56,
};

/** A column narrower than this cannot show its header. */
export const MIN_COLUMN = 56;
export const MAX_COLUMN = 480;
/** Neither the list nor the reading pane gets less than this share of the width. */
export const MIN_SHARE = 0.25;
export const MAX_SHARE = 0.8;

export function clampColumn(width: number): number {
  if (!Number.isFinite(width)) return MIN_COLUMN;
  return Math.round(Math.min(MAX_COLUMN, Math.max(MIN_COLUMN, width)));
}

export function clampShare(share: number): number {
  if (!Number.isFinite(share)) return DEFAULT_LAYOUT.listShare;
  return Math.min(MAX_SHARE, Math.max(MIN_SHARE, share));
}

/** The localStorage key of a project's layout. */
export function layoutKey(projectPath: string): string {
  return `parallax.layout:${projectPath}`;
}

/** A stored layout, or the default for whatever is missing or not a number. */
export function parseLayout(stored: string | null): Layout {
  let value: unknown = null;
  try {
    value = stored === null ? null : JSON.parse(stored);
  } catch {
    value = null;
  }
  const record = (v: unknown): Record<string, unknown> =>
    typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
  const saved = record(value);
  const columns = record(saved.columns);
  const column = (key: SizedColumn): number =>
    typeof columns[key] === "number" ? clampColumn(columns[key]) : DEFAULT_LAYOUT.columns[key];
  return {
    columns: { outlet: column("outlet"), lang: column("lang"), published_at: column("published_at") },
    listShare:
      typeof saved.listShare === "number" ? clampShare(saved.listShare) : DEFAULT_LAYOUT.listShare,
  };
}
