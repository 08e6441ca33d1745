import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import type { ArticleRow, ImportSummary, SearchHit } from "../ipc";

vi.mock("../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../ipc")>()),
  searchArticles: vi.fn(),
  importPaths: vi.fn(),
  listArticles: vi.fn(),
  getArticle: vi.fn(),
  projectInfo: vi.fn(),
  openProject: vi.fn(),
  chooseProjectToOpen: vi.fn(),
  chooseFilesToImport: vi.fn(),
}));

const ipc = await import("../ipc");
const { search, SEARCH_DELAY_MS } = await import("./search.svelte");
const { importer } = await import("./importer.svelte");
const { notices } = await import("./notices.svelte");
const { articles } = await import("./articles.svelte");
const { table } = await import("./table.svelte");
const { reader } = await import("./reader.svelte");
const { project } = await import("./project.svelte");
const commands = await import("./commands");

function row(id: number, title = `t${id}`): ArticleRow {
  return {
    id,
    title,
    outlet: null,
    author: null,
    lang: "en",
    published_at: null,
    source: "",
    format: "text",
    imported_at: "",
  };
}

/** A promise the test resolves or rejects when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

beforeEach(() => {
  vi.mocked(ipc.searchArticles).mockReset();
  vi.mocked(ipc.importPaths).mockReset();
  vi.mocked(ipc.listArticles).mockReset();
  vi.mocked(ipc.getArticle).mockReset();
  vi.mocked(ipc.projectInfo).mockReset();
  vi.mocked(ipc.openProject).mockReset();
  vi.mocked(ipc.chooseProjectToOpen).mockReset();
  vi.mocked(ipc.chooseFilesToImport).mockReset();
  search.clear();
  notices.clear();
  importer.dismiss();
  table.sort = null;
  vi.spyOn(console, "error").mockImplementation(() => {});
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("search", () => {
  test("waits for typing to pause, then asks once", async () => {
    vi.useFakeTimers();
    vi.mocked(ipc.searchArticles).mockResolvedValue([]);
    search.setQuery("p");
    search.setQuery("pl");
    search.setQuery("plan");
    expect(search.active).toBe(true);
    expect(ipc.searchArticles).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(ipc.searchArticles).toHaveBeenCalledTimes(1);
    expect(ipc.searchArticles).toHaveBeenCalledWith("plan");
  });

  test("an answer to an older query never replaces a newer one", async () => {
    const older = deferred<SearchHit[]>();
    const newer = deferred<SearchHit[]>();
    vi.mocked(ipc.searchArticles).mockReturnValueOnce(older.promise).mockReturnValueOnce(newer.promise);
    search.setQuery("pla");
    const first = search.run();
    search.setQuery("plan");
    const second = search.run();
    newer.resolve([{ article: row(2), snippet: "plan", via: null }]);
    await second;
    older.resolve([{ article: row(1), snippet: "pla", via: null }]);
    await first;
    expect(search.hits.map((h) => h.article.id)).toEqual([2]);
    expect(search.answered).toBe("plan");
    expect(search.searching).toBe(false);
  });

  test("a failed search keeps the error for the UI; clearing forgets it", async () => {
    vi.mocked(ipc.searchArticles).mockRejectedValue(new ipc.CommandError("search_articles", { code: "invalid_input", message: "bad query" }));
    search.setQuery('"');
    await search.run();
    expect(search.error).toEqual({ code: "invalid_input", message: "bad query" });
    search.clear();
    expect(search.error).toBeNull();
    expect(search.active).toBe(false);
  });

  test("an answer arriving after the query was cleared is dropped", async () => {
    const pending = deferred<SearchHit[]>();
    vi.mocked(ipc.searchArticles).mockReturnValue(pending.promise);
    search.setQuery("plan");
    const run = search.run();
    search.clear();
    pending.resolve([{ article: row(1), snippet: "", via: null }]);
    await run;
    expect(search.hits).toEqual([]);
  });
});

describe("importer", () => {
  const summary: ImportSummary = {
    files: [{ path: "/a.pdf", status: "failed", message: "no text layer", article_ids: [] }],
    cancelled: null,
    imported: 0,
    duplicates: 0,
    failed: 1,
  };

  test("runs, reports progress, then keeps the summary until dismissed", async () => {
    const pending = deferred<ImportSummary>();
    vi.mocked(ipc.importPaths).mockReturnValue(pending.promise);
    importer.progressed({ done: 5, total: 9, current: "/ignored" });
    expect(importer.progress).toBeNull();

    const run = importer.run(["/a.pdf"]);
    expect(importer.phase).toBe("running");
    importer.progressed({ done: 0, total: 1, current: "/a.pdf" });
    expect(importer.progress).toEqual({ done: 0, total: 1, current: "/a.pdf" });

    pending.resolve(summary);
    expect(await run).toBe(summary);
    expect(importer.phase).toBe("finished");
    expect(importer.summary).toBe(summary);
    expect(importer.progress).toBeNull();
    importer.dismiss();
    expect(importer.phase).toBe("idle");
  });

  test("a second import while one runs is refused with a visible notice", async () => {
    const pending = deferred<ImportSummary>();
    vi.mocked(ipc.importPaths).mockReturnValue(pending.promise);
    const run = importer.run(["/a"]);
    expect(await importer.run(["/b"])).toBeNull();
    expect(notices.items.map((n) => n.title)).toEqual(["An import is already running"]);
    expect(ipc.importPaths).toHaveBeenCalledTimes(1);
    pending.resolve(summary);
    await run;
  });

  test("an import that fails as a whole is reported, not swallowed", async () => {
    vi.mocked(ipc.importPaths).mockRejectedValue({ code: "invalid_project", message: "project is read-only" });
    expect(await importer.run(["/a"])).toBeNull();
    expect(importer.phase).toBe("idle");
    expect(notices.items).toMatchObject([{ title: "The import failed", code: "invalid_project", message: "project is read-only" }]);
  });
});

describe("table", () => {
  test("shows the list, or the hits while a query is present, in the chosen order", async () => {
    vi.mocked(ipc.listArticles).mockResolvedValue([row(1, "b"), row(2, "a"), row(3, "c")]);
    await articles.refresh();
    expect(table.entries.map((e) => e.row.id)).toEqual([1, 2, 3]);
    table.sortBy("title");
    expect(table.entries.map((e) => e.row.id)).toEqual([2, 1, 3]);

    vi.mocked(ipc.searchArticles).mockResolvedValue([
      { article: row(3, "c"), snippet: "…c…", via: null },
      { article: row(1, "b"), snippet: "…b…", via: null },
    ]);
    search.setQuery("x");
    await search.run();
    expect(table.showingHits).toBe(true);
    expect(table.entries.map((e) => [e.row.id, e.snippet])).toEqual([
      [1, "…b…"],
      [3, "…c…"],
    ]);
    table.sort = null;
    expect(table.entries.map((e) => e.row.id)).toEqual([3, 1]);
    search.clear();
    expect(table.entries).toHaveLength(3);
  });

  test("an article hit twice is listed once, at its best rank", async () => {
    vi.mocked(ipc.searchArticles).mockResolvedValue([
      { article: row(3), snippet: "first", via: null },
      { article: row(1), snippet: "other", via: null },
      { article: row(3), snippet: "second", via: null },
    ]);
    search.setQuery("x");
    await search.run();
    expect(table.entries.map((e) => [e.row.id, e.snippet])).toEqual([
      [3, "first"],
      [1, "other"],
    ]);
  });

  test("the cursor follows its article through re-sorting", async () => {
    vi.mocked(ipc.listArticles).mockResolvedValue([row(1, "b"), row(2, "a")]);
    await articles.refresh();
    table.activate(0);
    expect(table.activeId).toBe(1);
    table.sortBy("title");
    expect(table.activeIndex).toBe(1);
  });

  test("a list that cannot be loaded becomes a notice", async () => {
    vi.mocked(ipc.listArticles).mockRejectedValue({ code: "io", message: "disk gone" });
    await articles.refresh();
    expect(notices.items).toMatchObject([{ code: "io", message: "disk gone" }]);
    expect(articles.loading).toBe(false);
  });
});

describe("reader", () => {
  test("the last article asked for wins", async () => {
    const slow = deferred<Awaited<ReturnType<typeof ipc.getArticle>>>();
    vi.mocked(ipc.getArticle)
      .mockReturnValueOnce(slow.promise)
      .mockResolvedValueOnce({ article: row(2), url: null, text: "two" });
    const first = reader.show(1);
    await reader.show(2);
    slow.resolve({ article: row(1), url: null, text: "one" });
    await first;
    expect(reader.selectedId).toBe(2);
    expect(reader.detail?.text).toBe("two");
  });

  test("a failure is kept for the pane to show", async () => {
    vi.mocked(ipc.getArticle).mockRejectedValue({ code: "not_found", message: "article 9 was deleted" });
    await reader.show(9);
    expect(reader.error).toEqual({ code: "not_found", message: "article 9 was deleted" });
    expect(reader.detail).toBeNull();
  });
});

describe("notices", () => {
  test("the same failure twice in a row is shown once; dismiss removes one", () => {
    notices.report("Could not open", { code: "io", message: "gone" });
    notices.report("Could not open", { code: "io", message: "gone" });
    notices.report("Could not save", "disk full");
    expect(notices.items.map((n) => n.message)).toEqual(["gone", "disk full"]);
    notices.dismiss(notices.items[0]!.id);
    expect(notices.items.map((n) => n.message)).toEqual(["disk full"]);
  });

  test("a notice stays with the project it was raised in", () => {
    notices.report("Could not start", "raised before any project was open");
    notices.switchProject(null, "/a.parallax");
    expect(notices.items.map((n) => n.message)).toEqual(["raised before any project was open"]);
    notices.report("Search failed", "index damaged");
    notices.switchProject("/a.parallax", "/b.parallax");
    expect(notices.items, "b has none of a's notices").toEqual([]);
    notices.report("Import failed", "read-only");
    notices.switchProject("/b.parallax", "/a.parallax");
    expect(notices.items.map((n) => n.message)).toEqual(["raised before any project was open", "index damaged"]);
    notices.switchProject("/a.parallax", "/b.parallax");
    expect(notices.items.map((n) => n.message)).toEqual(["read-only"]);
  });
});

describe("commands", () => {
  test("asking for the Open dialog twice at once shows it once", async () => {
    const choice = deferred<string | null>();
    vi.mocked(ipc.chooseProjectToOpen).mockReturnValue(choice.promise);
    vi.mocked(ipc.openProject).mockResolvedValue({ path: "/p/b.parallax", article_count: 0 });
    vi.mocked(ipc.listArticles).mockResolvedValue([]);
    const first = commands.openProject();
    const second = commands.runMenuAction("open_project");
    choice.resolve("/p/b.parallax");
    await Promise.all([first, second]);
    expect(ipc.chooseProjectToOpen).toHaveBeenCalledTimes(1);
    expect(ipc.openProject).toHaveBeenCalledWith("/p/b.parallax");
    expect(project.info).toEqual({ path: "/p/b.parallax", article_count: 0 });
  });

  test("a cancelled dialog does nothing; a dialog that fails is reported", async () => {
    vi.mocked(ipc.chooseProjectToOpen).mockResolvedValueOnce(null).mockRejectedValueOnce("dialog.open not allowed");
    await commands.openProject();
    expect(ipc.openProject).not.toHaveBeenCalled();
    expect(notices.items).toEqual([]);
    await commands.openProject();
    expect(notices.items).toMatchObject([{ title: "Could not show the Open project dialog", message: "dialog.open not allowed" }]);
  });

  test("importing picked files refreshes the count and the list", async () => {
    vi.mocked(ipc.chooseFilesToImport).mockResolvedValue(["/a.txt"]);
    vi.mocked(ipc.importPaths).mockResolvedValue({
      files: [{ path: "/a.txt", status: "imported", message: null, article_ids: [7] }],
      cancelled: null,
      imported: 1,
      duplicates: 0,
      failed: 0,
    });
    vi.mocked(ipc.projectInfo).mockResolvedValue({ path: "/p/b.parallax", article_count: 1 });
    vi.mocked(ipc.listArticles).mockResolvedValue([row(7)]);
    await commands.importFiles();
    expect(ipc.importPaths).toHaveBeenCalledWith(["/a.txt"]);
    expect(project.info?.article_count).toBe(1);
    expect(articles.rows.map((r) => r.id)).toEqual([7]);
    expect(importer.phase).toBe("finished");
  });
});
