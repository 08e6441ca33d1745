import { expect, test } from "vitest";

import { retarget, splitList, suggestedPath, toRequest } from "./exportForm";

test("filters are lists separated by Latin or Arabic commas, blanks dropped", () => {
  expect(splitList("Berglund, سمير نصار ،  مجلس الحوض الشمالي,,  ")).toEqual([
    "Berglund",
    "سمير نصار",
    "مجلس الحوض الشمالي",
  ]);
  expect(splitList("   ")).toEqual([]);
});

test("the request carries the lists and leaves empty dates out", () => {
  expect(
    toRequest({ format: "csv", actors: "Rania Mansour", outlets: "", tags: "deadline, water", from: " ", to: "2024-03-06" }),
  ).toEqual({
    format: "csv",
    actors: ["Rania Mansour"],
    outlets: [],
    tags: ["deadline", "water"],
    from: null,
    to: "2024-03-06",
  });
});

test("the suggested path sits beside the project and is named after it", () => {
  expect(suggestedPath("/home/r/Projects/Dam study.parallax", "html")).toBe("/home/r/Projects/Dam study.html");
  expect(suggestedPath("/home/r/Projects/Dam study.parallax", "csv")).toBe("/home/r/Projects/Dam study-csv");
  expect(suggestedPath("C:\\Users\\r\\dam.parallax", "xlsx")).toBe("C:\\Users\\r\\dam.xlsx");
  expect(suggestedPath("/study.parallax", "md")).toBe("/study.md");
});

test("changing the format changes the suggested ending, not a name the user chose", () => {
  expect(retarget("/t/dam.html", "html", "pdf")).toBe("/t/dam.pdf");
  expect(retarget("/t/dam.html", "html", "csv")).toBe("/t/dam-csv");
  expect(retarget("/t/dam-csv", "csv", "json")).toBe("/t/dam.json");
  expect(retarget("/t/my report.txt", "html", "md")).toBe("/t/my report.txt");
});
