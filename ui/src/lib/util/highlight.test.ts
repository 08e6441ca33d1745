import { expect, test } from "vitest";

import { markTerms, searchWords } from "./highlight";

const marked = (text: string, terms: string[]) =>
  markTerms(text, terms)
    .filter((p) => p.match)
    .map((p) => p.text);

test("case does not matter, and the text comes back whole", () => {
  const text = "Tomas Berglund said the BERGLUND plan is ready.";
  expect(marked(text, ["berglund"])).toEqual(["Berglund", "BERGLUND"]);
  expect(
    markTerms(text, ["berglund"])
      .map((p) => p.text)
      .join(""),
  ).toBe(text);
});

test("Arabic diacritics, tatweel and hamza forms do not matter; the marks keep them", () => {
  const text = "وقالَ سميرُ نصّار إنّ المجلـس أكّد الموعد";
  expect(marked(text, ["نصار"])).toEqual(["نصّار"]);
  expect(marked(text, ["المجلس"])).toEqual(["المجلـس"]);
  expect(marked(text, ["اكد"])).toEqual(["أكّد"]);
  expect(marked(text, ["سمير"])).toEqual(["سميرُ"]);
});

test("a name of several words is marked as one; overlapping terms merge", () => {
  const text = "مجلس الحوض الشمالي قال إن الحوض جاف";
  expect(marked(text, ["مجلس الحوض الشمالي", "الحوض"])).toEqual(["مجلس الحوض الشمالي", "الحوض"]);
});

test("no term, or none found, leaves the text unmarked", () => {
  expect(markTerms("Rania Mansour", [])).toEqual([{ text: "Rania Mansour", match: false }]);
  expect(markTerms("Rania Mansour", ["Berglund", " "])).toEqual([{ text: "Rania Mansour", match: false }]);
  expect(markTerms("", ["x"])).toEqual([]);
});

test("search syntax is not a word to mark", () => {
  expect(searchWords('"Rania Mansour" AND dam*  (canal)')).toEqual(["Rania", "Mansour", "dam", "canal"]);
});
