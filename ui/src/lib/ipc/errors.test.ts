import { describe, expect, test } from "vitest";

import { CommandError, isMenuAction, toIpcError } from ".";

describe("toIpcError", () => {
  test("keeps the back end's {code, message}", () => {
    expect(toIpcError({ code: "not_found", message: "no article 3" })).toEqual({ code: "not_found", message: "no article 3" });
    expect(toIpcError(new CommandError("get_article", { code: "io", message: "x" }))).toEqual({ code: "io", message: "x" });
  });

  test("turns strings, Errors and oddities into readable messages", () => {
    expect(toIpcError("command list_articles not found")).toEqual({ code: "internal", message: "command list_articles not found" });
    expect(toIpcError(new TypeError("window.__TAURI_INTERNALS__ is undefined"))).toEqual({
      code: "internal",
      message: "window.__TAURI_INTERNALS__ is undefined",
    });
    expect(toIpcError({ message: "half an error" })).toEqual({ code: "internal", message: "half an error" });
    expect(toIpcError(undefined).message).toBe("unexpected error: undefined");
  });
});

test("menu actions are recognised by name only", () => {
  expect(isMenuAction("import_folder")).toBe(true);
  expect(isMenuAction("export")).toBe(true);
  expect(isMenuAction("quit")).toBe(false);
  expect(isMenuAction(3)).toBe(false);
});
