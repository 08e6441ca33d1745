//! Small text helpers for showing article data. They return plain strings or parts for the
//! template to interpolate: nothing here produces HTML, because article data is untrusted.

/** The last component of a path, for either separator (projects may come from Windows). */
export function fileName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, "");
  const cut = Math.max(trimmed.lastIndexOf("/"), trimmed.lastIndexOf("\\"));
  return cut < 0 ? trimmed : trimmed.slice(cut + 1);
}

/** Everything before the last component, without the trailing separator. */
export function parentDir(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, "");
  const cut = Math.max(trimmed.lastIndexOf("/"), trimmed.lastIndexOf("\\"));
  return cut <= 0 ? (cut === 0 ? trimmed.slice(0, 1) : "") : trimmed.slice(0, cut);
}

const LANGUAGE_NAMES: Record<string, string> = { ar: "Arabic", en: "English" };

/** Short code for the table, e.g. "AR"; "—" when undetermined. */
export function languageCode(lang: string): string {
  return lang === "und" || lang === "" ? "—" : lang.toUpperCase();
}

/** Full name for labels and tooltips. */
export function languageName(lang: string): string {
  return LANGUAGE_NAMES[lang] ?? (lang === "und" || lang === "" ? "Undetermined" : lang);
}

/** A `lang` attribute value, or undefined when the language is unknown. */
export function langAttribute(lang: string): string | undefined {
  return lang === "und" || lang === "" ? undefined : lang;
}

/** Languages written right to left, of those the importer detects. */
const RIGHT_TO_LEFT = new Set(["ar", "fa", "he", "ur"]);

/**
 * The base direction of a text in `lang`: from its language when known, so that an English
 * title that starts with an Arabic name still reads (and is cut off) left to right, and an
 * Arabic one that starts with a Latin acronym right to left; "auto" (first strong character)
 * when the language is unknown.
 */
export function dirAttribute(lang: string): "rtl" | "ltr" | "auto" {
  if (langAttribute(lang) === undefined) return "auto";
  return RIGHT_TO_LEFT.has(lang) ? "rtl" : "ltr";
}

const countFormat = new Intl.NumberFormat("en");

export function countLabel(count: number, one: string, many: string): string {
  return `${countFormat.format(count)} ${count === 1 ? one : many}`;
}

/**
 * Splits verbatim article text into paragraphs at blank lines, so each paragraph gets its own
 * `dir="auto"` and an English quote inside an Arabic article reads in its own direction.
 */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\u00a0]*\n+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ""))
    .filter((p) => p.trim().length > 0);
}

export type TextPart = { text: string; match: boolean };

/**
 * Splits `text` around case-insensitive occurrences of the words of `query`, for marking them
 * in a search snippet. The back end's matching is wider (Arabic normalisation), so a hit whose
 * words are not found verbatim is simply shown unmarked.
 */
export function highlightParts(text: string, query: string): TextPart[] {
  const words = query
    .split(/\s+/)
    .map((w) => w.replace(/["*()]/g, ""))
    .filter((w) => w.length > 0);
  if (words.length === 0 || text.length === 0) return text.length > 0 ? [{ text, match: false }] : [];
  const pattern = new RegExp(
    words
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("|"),
    "giu",
  );
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const at = m.index;
    if (at > last) parts.push({ text: text.slice(last, at), match: false });
    parts.push({ text: m[0], match: true });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}
