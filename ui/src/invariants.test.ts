// Rules of the UI's layout that are cheap to check on every run (see ../README.md).

import { describe, expect, test } from "vitest";

const sources = import.meta.glob<string>(["./**/*.ts", "./**/*.svelte", "!./**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});

describe("source invariants", () => {
  test("the glob sees the sources", () => {
    expect(Object.keys(sources)).toContain("./lib/ipc/index.ts");
    expect(Object.keys(sources)).toContain("./App.svelte");
  });

  test("only lib/ipc imports @tauri-apps", () => {
    const offenders = Object.entries(sources)
      .filter(([path, code]) => !path.startsWith("./lib/ipc/") && /from\s+["']@tauri-apps\//.test(code))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  test("nothing renders raw HTML", () => {
    const offenders = Object.entries(sources)
      .filter(([, code]) => /\{@html\b|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(code))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  test("no inline style attributes, which a strict CSP would block", () => {
    const offenders = Object.entries(sources)
      .filter(([path, code]) => path.endsWith(".svelte") && /\sstyle=["{]/.test(code))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });
});
