import { describe, expect, test } from "vitest";

import { navigate, rowWindow, rowsPerPage, scrollTopToReveal } from "./virtualWindow";

describe("rowWindow", () => {
  test("at the top renders the visible rows plus overscan below", () => {
    expect(rowWindow(10_000, 30, 0, 300, 5)).toEqual({ start: 0, end: 16, offset: 0, totalHeight: 300_000 });
  });

  test("in the middle renders overscan on both sides", () => {
    const w = rowWindow(10_000, 30, 3000, 300, 5);
    expect(w.start).toBe(95);
    expect(w.end).toBe(116);
    expect(w.offset).toBe(95 * 30);
  });

  test("at the end includes the last row and never runs past it", () => {
    const w = rowWindow(10_000, 30, 300_000 - 300, 300, 5);
    expect(w.end).toBe(10_000);
    expect(w.end - w.start).toBeLessThan(30);
  });

  test("a scroll position past the end (list shrank) is clamped", () => {
    const w = rowWindow(20, 30, 100_000, 300, 2);
    expect(w.end).toBe(20);
    expect(w.start).toBe(8);
  });

  test("an empty list or an unmeasured viewport", () => {
    expect(rowWindow(0, 30, 0, 300)).toEqual({ start: 0, end: 0, offset: 0, totalHeight: 0 });
    const unmeasured = rowWindow(100, 30, 0, 0, 0);
    expect(unmeasured.end).toBeGreaterThan(0);
  });

  test("the rendered count does not depend on the list length", () => {
    const small = rowWindow(1_000, 34, 5000, 600);
    const large = rowWindow(1_000_000, 34, 5000, 600);
    expect(large.end - large.start).toBe(small.end - small.start);
  });
});

describe("scrollTopToReveal", () => {
  test("a visible row needs no scroll", () => {
    expect(scrollTopToReveal(5, 30, 0, 300)).toBe(0);
  });

  test("a row above scrolls it to the top edge", () => {
    expect(scrollTopToReveal(2, 30, 300, 300)).toBe(60);
  });

  test("a row below scrolls it to the bottom edge", () => {
    expect(scrollTopToReveal(10, 30, 0, 300)).toBe(330 - 300);
  });
});

describe("navigate", () => {
  test("arrows step and stop at the ends", () => {
    expect(navigate("ArrowDown", -1, 10, 5)).toBe(0);
    expect(navigate("ArrowDown", 3, 10, 5)).toBe(4);
    expect(navigate("ArrowDown", 9, 10, 5)).toBe(9);
    expect(navigate("ArrowUp", 0, 10, 5)).toBe(0);
    expect(navigate("ArrowUp", 4, 10, 5)).toBe(3);
  });

  test("Home, End and pages", () => {
    expect(navigate("Home", 7, 10, 5)).toBe(0);
    expect(navigate("End", 0, 10, 5)).toBe(9);
    expect(navigate("PageDown", 7, 10, 5)).toBe(9);
    expect(navigate("PageUp", 3, 10, 5)).toBe(0);
  });

  test("an empty list has no row to move to", () => {
    expect(navigate("End", 0, 0, 5)).toBe(-1);
  });

  test("rowsPerPage keeps one row of context", () => {
    expect(rowsPerPage(30, 300)).toBe(9);
    expect(rowsPerPage(30, 10)).toBe(1);
  });
});
