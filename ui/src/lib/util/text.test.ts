import { describe, expect, test } from "vitest";

import { countLabel, dirAttribute, fileName, highlightParts, languageCode, paragraphs, parentDir } from "./text";

describe("paths", () => {
  test("file name and parent for either separator", () => {
    expect(fileName("/home/r/Elections 2024.parallax")).toBe("Elections 2024.parallax");
    expect(parentDir("/home/r/Elections 2024.parallax")).toBe("/home/r");
    expect(fileName("C:\\Users\\r\\study.parallax")).toBe("study.parallax");
    expect(parentDir("C:\\Users\\r\\study.parallax")).toBe("C:\\Users\\r");
    expect(fileName("/data/folder/")).toBe("folder");
    expect(parentDir("/file")).toBe("/");
    expect(parentDir("file")).toBe("");
    expect(fileName("/مقالات/الجزيرة.txt")).toBe("الجزيرة.txt");
  });
});

describe("labels", () => {
  test("counts and languages", () => {
    expect(countLabel(1, "article", "articles")).toBe("1 article");
    expect(countLabel(10_000, "article", "articles")).toBe("10,000 articles");
    expect(languageCode("ar")).toBe("AR");
    expect(languageCode("und")).toBe("—");
  });
});

describe("paragraphs", () => {
  test("splits at blank lines, keeps single line breaks, drops empty ones", () => {
    expect(paragraphs("one\r\nline two\r\n\r\n\r\ntwo\n \nthree\n\n")).toEqual(["one\nline two", "two", "three"]);
    expect(paragraphs("")).toEqual([]);
  });
});

describe("highlightParts", () => {
  test("marks every word of the query, case-insensitively", () => {
    expect(highlightParts("The Plan and the plan", "plan")).toEqual([
      { text: "The ", match: false },
      { text: "Plan", match: true },
      { text: " and the ", match: false },
      { text: "plan", match: true },
    ]);
  });

  test("Arabic words and regex characters in the query", () => {
    expect(highlightParts("خطة الإعمار (2024)", "الإعمار (2024")).toEqual([
      { text: "خطة ", match: false },
      { text: "الإعمار", match: true },
      { text: " (", match: false },
      { text: "2024", match: true },
      { text: ")", match: false },
    ]);
  });

  test("nothing to mark", () => {
    expect(highlightParts("text", "   ")).toEqual([{ text: "text", match: false }]);
    expect(highlightParts("", "x")).toEqual([]);
  });

  test("markup in a snippet stays text in the parts", () => {
    const parts = highlightParts("<img src=x onerror=alert(1)> plan", "plan");
    expect(parts[0]).toEqual({ text: "<img src=x onerror=alert(1)> ", match: false });
  });
});

describe("dirAttribute", () => {
  test("takes the direction from the language, not the first letter", () => {
    expect(dirAttribute("ar")).toBe("rtl");
    expect(dirAttribute("en")).toBe("ltr");
  });

  test("leaves an unknown language to the text", () => {
    expect(dirAttribute("und")).toBe("auto");
    expect(dirAttribute("")).toBe("auto");
  });
});
