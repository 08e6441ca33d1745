//! Marking searched words in verbatim article text, as the back end's search matches them:
//! case, Arabic diacritics, tatweel, hamza forms on alef, alef maqsura and taa marbuta do not
//! matter. The text itself is never changed: matching runs on a folded copy whose every
//! character remembers where it came from, and the parts returned are slices of the original.
//! Parts are plain strings for the template to put in text nodes and <mark> elements; nothing
//! here builds HTML.

import type { TextPart } from "./text";

/** Arabic marks and tatweel: dropped for matching. */
const DROPPED = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640\u200c-\u200f\u202a-\u202e\u2066-\u2069]/u;

const FOLDED: Record<string, string> = {
  "\u0623": "\u0627", // أ
  "\u0625": "\u0627", // إ
  "\u0622": "\u0627", // آ
  "\u0671": "\u0627", // ٱ
  "\u0649": "\u064a", // ى → ي
  "\u0629": "\u0647", // ة → ه
  "\u0624": "\u0648", // ؤ → و
  "\u0626": "\u064a", // ئ → ي
};

/** One character of the text folded, or "" when it is dropped for matching. */
function foldChar(c: string): string {
  if (DROPPED.test(c)) return "";
  return (FOLDED[c] ?? c).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** `text` folded, with the index in `text` of each folded code unit. */
function fold(text: string): { folded: string; from: number[] } {
  let folded = "";
  const from: number[] = [];
  let i = 0;
  for (const c of text) {
    const f = foldChar(c);
    folded += f;
    for (let k = 0; k < f.length; k++) from.push(i);
    i += c.length;
  }
  return { folded, from };
}

/** The words of a search query, without the search syntax (quotes, stars, brackets, operators). */
export function searchWords(query: string): string[] {
  return query
    .split(/\s+/)
    .map((w) => w.replace(/["*()^:]/g, ""))
    .filter((w) => w.length > 0 && !["AND", "OR", "NOT", "NEAR"].includes(w));
}

/**
 * Splits `text` into parts, marking every occurrence of one of `terms` (each term a word or a
 * name of several words, matched folded). Overlapping occurrences merge into one mark; the
 * longest term wins where two start at the same place.
 */
export function markTerms(text: string, terms: readonly string[]): TextPart[] {
  if (text.length === 0) return [];
  const { folded, from } = fold(text);
  const needles = [...new Set(terms.map((t) => fold(t.trim()).folded).filter((t) => t.trim().length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  // ranges in the original text, [start, end)
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    let at = folded.indexOf(needle);
    while (at >= 0) {
      const origin = (k: number) => from[k] ?? text.length;
      const start = origin(at);
      const lastUnit = at + needle.length - 1;
      // the end is after the whole original character (and the marks that follow it)
      let next = lastUnit + 1;
      while (next < from.length && origin(next) === origin(lastUnit)) next++;
      const end = origin(next);
      ranges.push([start, end]);
      at = folded.indexOf(needle, at + needle.length);
    }
  }
  if (ranges.length === 0) return [{ text, match: false }];
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const parts: TextPart[] = [];
  let done = 0;
  for (const [start, end] of merged) {
    if (start > done) parts.push({ text: text.slice(done, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    done = end;
  }
  if (done < text.length) parts.push({ text: text.slice(done), match: false });
  return parts;
}
