// What a user of the Parallax window notices, checked in real headless Chromium against the
// built UI with the Tauri back end mocked. Run from ui/: `npm run test:browser`.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import {
  ARABIC_TEXT,
  ARABIC_TITLE,
  ARTICLES,
  ENGLISH_TEXT,
  HOSTILE_TEXT,
  HOSTILE_TITLE,
  TEXTS,
} from "./fixtures.mjs";
import { emit, ipcCalls, launchBrowser, openApp, serveDist, uiDir } from "./harness.mjs";

const SCREENSHOT = process.env.UI_SHOT ?? "/tmp/ui-shot.png";

let browser;
let server;
let cspServer;

before(async () => {
  [browser, server, cspServer] = await Promise.all([launchBrowser(), serveDist(), serveDist({ csp: true })]);
});

after(async () => {
  await Promise.all([browser?.close(), server?.close(), cspServer?.close()]);
});

const project = { articles: ARTICLES, texts: TEXTS };

/** The rendered rows of the article table. */
const rows = (page) => page.locator('[role="grid"] [role="row"][data-id]');
const rowTitled = (page, title) => rows(page).filter({ has: page.getByRole("gridcell", { name: title, exact: true }) });
const pane = (page) => page.getByRole("region", { name: "Reading pane" });

async function open(fixture = project, { csp = false } = {}) {
  const app = await openApp(browser.context, (csp ? cspServer : server).url, fixture);
  return app;
}

describe("article list and reading pane", () => {
  test("shows the project and its articles, Arabic titles right-to-left", async () => {
    const { page, problems } = await open();
    try {
      await page.getByRole("heading", { level: 1, name: "Elections 2024.parallax" }).waitFor();
      assert.match(await page.locator("header").innerText(), /8 articles/);
      await rows(page).first().waitFor();
      assert.equal(await rows(page).count(), ARTICLES.length);

      const arabic = page.getByRole("gridcell", { name: ARABIC_TITLE });
      const english = page.getByRole("gridcell", { name: ARTICLES[1].title });
      const direction = (l) => l.evaluate((el) => getComputedStyle(el).direction);
      assert.equal(await direction(arabic), "rtl", "an Arabic title must read right to left");
      assert.equal(await direction(english), "ltr");
      assert.equal(await direction(page.getByRole("gridcell", { name: "الجزيرة" })), "rtl");
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test("clicking a row shows the full article, each Arabic paragraph right-to-left", async () => {
    const { page, problems } = await open();
    try {
      await rowTitled(page, ARABIC_TITLE).click();
      const reading = pane(page);
      await reading.getByRole("heading", { name: ARABIC_TITLE }).waitFor();
      const text = await reading.innerText();
      for (const paragraph of ARABIC_TEXT.split("\n\n")) assert.ok(text.includes(paragraph), `pane shows: ${paragraph}`);
      assert.ok(text.includes("سارة المصري"), "author shown");
      assert.ok(text.includes("https://www.aljazeera.net/news/2024/3/12/خطة-الإعمار"), "URL shown as text");
      assert.equal(await reading.locator("a").count(), 0, "the URL is not a link that would navigate the app");
      const dirs = await reading.locator(".text p").evaluateAll((ps) => ps.map((p) => getComputedStyle(p).direction));
      assert.deepEqual(dirs, ["rtl", "rtl", "rtl"]);
      assert.equal(await rowTitled(page, ARABIC_TITLE).getAttribute("aria-selected"), "true");

      await rowTitled(page, ARTICLES[1].title).click();
      await reading.getByRole("heading", { name: ARTICLES[1].title }).waitFor();
      assert.ok((await reading.innerText()).includes(ENGLISH_TEXT.split("\n\n")[1]));
      assert.equal(await reading.locator(".text p").first().evaluate((p) => getComputedStyle(p).direction), "ltr");
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test("keyboard: arrows move the cursor, Enter opens, Home and End jump", async () => {
    const { page } = await open();
    try {
      await rows(page).first().waitFor();
      const grid = page.getByRole("grid");
      await grid.focus();
      await page.keyboard.press("ArrowDown"); // first row
      await page.keyboard.press("ArrowDown"); // second row
      await page.keyboard.press("Enter");
      await pane(page).getByRole("heading", { name: ARTICLES[1].title }).waitFor();
      const active = await grid.getAttribute("aria-activedescendant");
      assert.equal(active, "article-row-2");

      await page.keyboard.press("End");
      await page.keyboard.press("Enter");
      await pane(page).getByRole("heading", { name: ARTICLES.at(-1).title }).waitFor();
      await page.keyboard.press("Home");
      await page.keyboard.press("Enter");
      await pane(page).getByRole("heading", { name: ARABIC_TITLE }).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("role")), "grid", "focus stays on the table");
    } finally {
      await page.close();
    }
  });

  test("clicking a column header sorts, again reverses, a third time restores", async () => {
    const { page } = await open();
    try {
      await rows(page).first().waitFor();
      const dates = () => rows(page).locator(".date").allInnerTexts();
      const header = page.getByRole("columnheader", { name: /Date/ });
      await header.getByRole("button").click();
      assert.equal(await header.getAttribute("aria-sort"), "ascending");
      assert.deepEqual(await dates(), [
        "2024-02-28", "2024-03-10", "2024-03-12", "2024-03-12", "2024-03-13", "2024-03-14", "2024-03-15", "—",
      ]);
      await header.getByRole("button").click();
      assert.equal(await header.getAttribute("aria-sort"), "descending");
      assert.equal((await dates())[0], "2024-03-15");
      assert.equal((await dates()).at(-1), "—", "undated articles stay last");
      await header.getByRole("button").click();
      assert.equal(await header.getAttribute("aria-sort"), "none");
      assert.equal(await rows(page).first().locator(".title").innerText(), ARABIC_TITLE);
    } finally {
      await page.close();
    }
  });

  test("10,000 articles: only the visible rows exist, and scrolling reaches the last one", async () => {
    const { page, problems } = await open({ bulk: 10_000 });
    try {
      await page.locator("header").getByText("10,000 articles").waitFor();
      await rows(page).first().waitFor();
      const rendered = await rows(page).count();
      assert.ok(rendered > 10 && rendered < 60, `rendered ${rendered} rows for 10,000 articles`);
      assert.equal(await page.getByRole("grid").getAttribute("aria-rowcount"), "10001");

      const viewport = page.locator(".viewport");
      await viewport.evaluate((el) => (el.scrollTop = el.scrollHeight));
      const last = page.getByRole("gridcell", { name: "مقال رقم 10000", exact: true });
      await last.waitFor();
      assert.ok(await last.isVisible(), "the last article is on screen after scrolling to the end");
      assert.ok((await rows(page).count()) < 60, "scrolling does not pile up rows");

      // Sorting 10,000 rows by title answers within a frame budget a user would not notice.
      const header = page.getByRole("columnheader", { name: /Title/ }).getByRole("button");
      const elapsed = await header.evaluate(async (button) => {
        const start = performance.now();
        button.click();
        await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
        return performance.now() - start;
      });
      assert.ok(elapsed < 2000, `sorting 10,000 rows took ${Math.round(elapsed)} ms`);
      await header.click();
      await header.click(); // back to the back end's order

      // The keyboard gets there too, and back.
      await page.getByRole("grid").focus();
      await page.keyboard.press("Home");
      await page.getByRole("gridcell", { name: "Article number 1", exact: true }).waitFor();
      await page.keyboard.press("End");
      await page.keyboard.press("Enter");
      await pane(page).getByRole("heading", { name: "مقال رقم 10000" }).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});

describe("article details", () => {
  test("title, outlet, author and date are corrected from the reader, shown in the list, undone and redone", async () => {
    const { page, problems } = await open();
    try {
      const original = ARTICLES[1];
      await rowTitled(page, original.title).click();
      await pane(page).getByRole("heading", { name: original.title }).waitFor();
      await pane(page).getByRole("button", { name: "Edit details" }).click();
      const form = pane(page).getByRole("form", { name: "Article details" });
      assert.equal(await form.getByRole("textbox", { name: "Title" }).inputValue(), original.title);
      assert.ok(
        await form.getByRole("textbox", { name: "Title" }).evaluate((el) => el === document.activeElement),
        "the title takes the focus",
      );
      // invented corrections, one with markup that must stay text
      await form.getByRole("textbox", { name: "Title" }).fill("Berglund opens the <i>canal</i>");
      await form.getByRole("textbox", { name: "Outlet" }).fill("صحيفة الوادي");
      await form.getByRole("textbox", { name: "Author" }).fill("");
      await form.getByLabel("Published").fill("2024-03-20");
      await form.getByRole("button", { name: "Save details" }).click();
      await form.waitFor({ state: "detached" });

      await pane(page).getByRole("heading", { name: "Berglund opens the <i>canal</i>" }).waitFor();
      assert.equal(await pane(page).locator("h2 i").count(), 0, "the title is text");
      const row = rowTitled(page, "Berglund opens the <i>canal</i>");
      await row.waitFor();
      const rowText = await row.innerText();
      assert.ok(rowText.includes("صحيفة الوادي") && rowText.includes("2024-03-20"), rowText);
      const [call] = (await ipcCalls(page)).filter((c) => c.cmd === "edit_article_metadata");
      assert.deepEqual(call.args, {
        id: original.id,
        edit: { title: "Berglund opens the <i>canal</i>", outlet: "صحيفة الوادي", author: null, published_at: "2024-03-20" },
      });

      await page.getByRole("grid").focus();
      await page.keyboard.press("Control+z");
      await pane(page).getByRole("heading", { name: original.title }).waitFor();
      await rowTitled(page, original.title).waitFor();
      assert.ok((await pane(page).innerText()).includes(original.author), "the author is back");
      await page.keyboard.press("Control+Shift+z");
      await pane(page).getByRole("heading", { name: "Berglund opens the <i>canal</i>" }).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test("a correction the back end refuses says why and keeps the form", async () => {
    const { page } = await open({
      ...project,
      errors: { edit_article_metadata: { code: "io", message: "the project is read-only: study.parallax" } },
    });
    try {
      await rowTitled(page, ARTICLES[1].title).click();
      await pane(page).getByRole("button", { name: "Edit details" }).click();
      const form = pane(page).getByRole("form", { name: "Article details" });
      await form.getByRole("textbox", { name: "Outlet" }).fill("Valley Courier");
      await form.getByRole("textbox", { name: "Outlet" }).press("Enter");
      await form.getByRole("alert").waitFor();
      assert.equal(await form.getByRole("alert").innerText(), "Not saved: the project is read-only: study.parallax");
      await form.getByRole("textbox", { name: "Outlet" }).press("Escape");
      await form.waitFor({ state: "detached" });
      assert.ok(await pane(page).getByRole("button", { name: "Undo", exact: true }).count() === 0);
      assert.ok(await page.getByRole("button", { name: "Undo", exact: true }).isDisabled(), "nothing stored, nothing to undo");
    } finally {
      await page.close();
    }
  });
});

describe("search", () => {
  test("a name finds the articles naming that actor in the other script, marked as such", async () => {
    // the fixture's Arabic articles name the reconstruction ministry; the English query
    // reaches them only through the actor registry (the fake back end plays its part)
    const arabicName = "الإعمار";
    const { page, problems } = await open({ ...project, otherScript: { Reconstruction: arabicName } });
    try {
      await rows(page).first().waitFor();
      await page.getByRole("searchbox", { name: "Search articles" }).fill("Reconstruction");
      await page.getByRole("grid", { name: "Search results" }).waitFor();
      const marked = rows(page).filter({ has: page.locator(".via") });
      await marked.first().waitFor();
      assert.ok((await marked.count()) >= 1, "hits found through the other script are there");
      const label = await marked.first().locator(".via").innerText();
      assert.match(label, /names «الإعمار»/, "the hit says by which name it was found");
      assert.equal(
        await marked.first().locator("mark").first().innerText(),
        arabicName,
        "the other script's name is what is highlighted",
      );
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test("the reader marks the searched words, and the other script's name a hit came through", async () => {
    // invented articles: the English one names Berglund twice and carries markup as text;
    // the Arabic one names him once as the fake registry knows him, once with a tatweel
    const row = (id, title, lang) => ({
      id,
      title,
      outlet: "Valley Courier",
      author: null,
      lang,
      published_at: "2025-06-11",
      source: `/corpus/${id}.txt`,
      format: "text",
      imported_at: "2025-06-12T08:00:00Z",
    });
    const english = "Tomas Berglund said the <b>canal</b> opens in May.\n\nBERGLUND added that <img src=x onerror=\"window.__pwned=1\"> was a typo.";
    const arabic = "قال توماس بيرغلوند إن القناة ستفتح في مايو.\n\nوأضاف بيرغلـوند أن مجلس الحوض الشمالي وافق.";
    const fixture = {
      articles: [row(1, "Canal opens in May", "en"), row(2, "القناة تفتح في مايو", "ar")],
      texts: { 1: { text: english }, 2: { text: arabic } },
      otherScript: { berglund: "بيرغلوند" },
    };
    const { page, problems } = await open(fixture, { csp: true });
    try {
      await rows(page).first().waitFor();
      await page.getByRole("searchbox", { name: "Search articles" }).fill("berglund");
      await page.getByRole("grid", { name: "Search results" }).waitFor();
      await rows(page).nth(1).waitFor();

      await rowTitled(page, "Canal opens in May").click();
      const marks = pane(page).locator(".text mark");
      await marks.first().waitFor();
      assert.deepEqual(await marks.allInnerTexts(), ["Berglund", "BERGLUND"], "every place, whatever the case");
      assert.match(await pane(page).getByRole("status").innerText(), /2 places marked for “berglund”/);
      const text = await pane(page).locator(".text").innerText();
      assert.ok(text.includes("the <b>canal</b> opens"), "markup in the article shows as text");
      assert.equal(await pane(page).locator(".text b, .text img").count(), 0, "and is never parsed");
      assert.equal(await page.evaluate(() => window.__pwned), undefined);

      await rowTitled(page, "القناة تفتح في مايو").click();
      await pane(page).getByText("قال توماس").waitFor();
      assert.deepEqual(
        await pane(page).locator(".text mark").allInnerTexts(),
        ["بيرغلوند", "بيرغلـوند"],
        "the name the hit came through, also written with a tatweel",
      );

      // without a search, nothing is marked
      await page.getByRole("searchbox", { name: "Search articles" }).press("Escape");
      await page.getByRole("grid", { name: "Articles" }).waitFor();
      await page.waitForFunction(() => document.querySelectorAll(".text mark").length === 0);
      assert.ok((await pane(page).locator(".text").innerText()).includes("بيرغلـوند"), "the text stays verbatim");
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test("hits replace the list while a query is present; Esc restores it", async () => {
    const { page, problems } = await open();
    try {
      await rows(page).first().waitFor();
      await page.keyboard.press("Control+f");
      const field = page.getByRole("searchbox", { name: "Search articles" });
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("type")), "search", "Ctrl+F focuses search");
      await field.fill("الإعمار");
      await page.getByRole("grid", { name: "Search results" }).waitFor();
      await page.getByText("3 hits").waitFor();
      assert.equal(await rows(page).count(), 3);
      assert.ok((await rows(page).first().locator(".snippet").innerText()).length > 0, "a hit shows its snippet");
      assert.ok((await rows(page).locator("mark").count()) > 0, "the query is marked in snippets");
      const searches = (await ipcCalls(page)).filter((c) => c.cmd === "search_articles");
      assert.deepEqual(searches.at(-1).args, { query: "الإعمار" });

      await field.press("Escape");
      await page.getByRole("grid", { name: "Articles" }).waitFor();
      assert.equal(await field.inputValue(), "");
      assert.equal(await rows(page).count(), ARTICLES.length);

      await field.fill("no such words anywhere");
      await page.getByText(/No articles match/).waitFor();
      await page.getByRole("grid").focus();
      await page.keyboard.press("Escape");
      assert.equal(await rows(page).count(), ARTICLES.length, "Esc on the table clears the search too");
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});

describe("import", () => {
  const importFixture = {
    ...project,
    import: {
      gate: true,
      files: [
        { path: "/home/researcher/drop/aljazeera-2024-03-20.html", status: "imported", message: null, article_ids: [9] },
        { path: "/home/researcher/drop/reuters-plan.txt", status: "duplicate", message: "same text as article 2", article_ids: [2] },
        { path: "/home/researcher/drop/scan.pdf", status: "failed", message: "scan.pdf: no text layer (scanned document?)", article_ids: [] },
      ],
      added: [
        {
          id: 9, title: "وزير المالية: لا ضرائب جديدة لتمويل الخطة", outlet: "الجزيرة", author: null, lang: "ar",
          published_at: "2024-03-20", source: "/home/researcher/drop/aljazeera-2024-03-20.html", format: "html",
          imported_at: "2025-03-02T10:00:00Z",
        },
      ],
    },
  };

  test("a drop imports the dropped paths with progress, then lists each file's outcome", async () => {
    const { page, problems } = await open(importFixture);
    try {
      await rows(page).first().waitFor();
      await emit(page, "tauri://drag-enter", { paths: ["/home/researcher/drop"], position: { x: 300, y: 300 } });
      await page.getByText("Drop to import into").waitFor();
      await emit(page, "tauri://drag-leave", null);
      await page.getByText("Drop to import into").waitFor({ state: "detached" });

      const dropped = ["/home/researcher/drop", "/home/researcher/notes/extra.txt"];
      await emit(page, "tauri://drag-over", { position: { x: 310, y: 300 } });
      await emit(page, "tauri://drag-drop", { paths: dropped, position: { x: 320, y: 300 } });
      await page.getByText("Drop to import into").waitFor({ state: "detached" });

      const progress = page.getByRole("region", { name: "Import progress" });
      await progress.waitFor();
      assert.match(await progress.innerText(), /0 of 3 files/);
      assert.match(await progress.innerText(), /aljazeera-2024-03-20\.html/);
      assert.equal(await progress.locator("progress").getAttribute("max"), "3");
      assert.equal(await progress.locator("[aria-live]").count(), 1, "progress is announced");
      const imports = (await ipcCalls(page)).filter((c) => c.cmd === "import_paths");
      assert.deepEqual(imports, [{ cmd: "import_paths", args: { paths: dropped } }]);

      await page.evaluate(() => window.__releaseImport());
      const results = page.getByRole("region", { name: "Import results" });
      await results.waitFor();
      assert.match(await results.getByRole("status").innerText(), /1 imported · 1 duplicate · 1 failed/);
      const items = results.getByRole("listitem");
      assert.equal(await items.count(), 3);
      const failed = items.filter({ hasText: "scan.pdf" });
      assert.match(await failed.innerText(), /Failed/);
      assert.match(await failed.innerText(), /no text layer \(scanned document\?\)/);
      assert.match(await items.filter({ hasText: "reuters-plan.txt" }).innerText(), /Duplicate/);

      // The list and the count now include the new article.
      await page.getByRole("gridcell", { name: "وزير المالية: لا ضرائب جديدة لتمويل الخطة" }).waitFor();
      await page.locator("header").getByText("9 articles").waitFor();

      await items.filter({ hasText: "aljazeera-2024-03-20.html" }).getByRole("button", { name: "Show" }).click();
      await pane(page).getByRole("heading", { name: "وزير المالية: لا ضرائب جديدة لتمويل الخطة" }).waitFor();

      await results.getByRole("button", { name: "Dismiss" }).click();
      await results.waitFor({ state: "detached" });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test("the results list folds away and back, the summary line stays", async () => {
    const fixture = { ...importFixture, import: { ...importFixture.import, gate: false } };
    const { page, problems } = await open(fixture);
    try {
      await rows(page).first().waitFor();
      await emit(page, "tauri://drag-drop", { paths: ["/home/researcher/drop"], position: { x: 300, y: 300 } });
      const results = page.getByRole("region", { name: "Import results" });
      await results.getByRole("listitem").first().waitFor();
      await results.getByRole("button", { name: "Hide files" }).click();
      assert.equal(await results.getByRole("listitem").count(), 0, "the list is folded away");
      assert.match(await results.getByRole("status").innerText(), /1 imported/);
      const toggle = results.getByRole("button", { name: "Show files" });
      assert.equal(await toggle.getAttribute("aria-expanded"), "false");
      await toggle.click();
      assert.equal(await results.getByRole("listitem").count(), 3);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test("Cancel stops the import; the summary says where it stopped", async () => {
    const { page, problems } = await open(importFixture);
    try {
      await rows(page).first().waitFor();
      await emit(page, "tauri://drag-drop", { paths: ["/home/researcher/drop"], position: { x: 300, y: 300 } });
      const progress = page.getByRole("region", { name: "Import progress" });
      await progress.getByRole("button", { name: "Cancel" }).click();
      await progress.getByRole("button", { name: "Cancelling…" }).waitFor();
      assert.ok((await ipcCalls(page)).some((c) => c.cmd === "cancel_import"), "the back end was asked to stop");
      await page.evaluate(() => window.__releaseImport());
      const results = page.getByRole("region", { name: "Import results" });
      await results.waitFor();
      const status = await results.getByRole("status").innerText();
      assert.match(status, /Import cancelled/);
      assert.match(status, /after 1 of 3 files/);
      assert.equal(await results.getByRole("listitem").count(), 1, "only the file handled before Cancel");
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test("after an import the sentence vectors are computed with progress, and Stop keeps what was done", async () => {
    const fixture = {
      ...importFixture,
      import: { ...importFixture.import, gate: false },
      embedding: { model: "e5-test", needed: 100, embedded: 10, gate: true },
    };
    const { page, problems } = await open(fixture);
    try {
      // on opening, the 90 statements an earlier run left are computed
      const panel = page.getByRole("region", { name: "Sentence vector progress" });
      await panel.waitFor();
      await panel.getByText("32 of 90 statements").waitFor();
      await panel.getByRole("button", { name: "Stop" }).click();
      await panel.waitFor({ state: "detached" });
      assert.ok((await ipcCalls(page)).some((c) => c.cmd === "cancel_embedding"), "the back end was asked to stop");
      // an import starts it again for what is left (58), and it runs to the end
      await page.evaluate(() => (window.__embedGate = false));
      await emit(page, "tauri://drag-drop", { paths: ["/home/researcher/drop"], position: { x: 300, y: 300 } });
      await page.getByRole("region", { name: "Import results" }).waitFor();
      await page.waitForFunction(
        () => window.__ipcCalls.filter((c) => c.cmd === "embed_pending").length === 2,
      );
      await panel.waitFor({ state: "detached" });
      const progress = await page.evaluate(() => window.__embedProgress);
      assert.deepEqual(progress.at(-1), { done: 58, total: 58 }, "the second run computed the rest");
      const runs = (await ipcCalls(page)).filter((c) => c.cmd === "embed_pending").length;
      assert.equal(runs, 2, "once on opening, once after the import");
      // after each run the analysis is prepared, so the comparison views open at once
      assert.ok((await page.evaluate(() => window.__prepared)) >= 2);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test("without a sentence model the window says claims are compared by their words only", async () => {
    const missing = "no sentence model at /home/researcher/.cache/parallax/models/e5-small-q4.bin: claims are aligned by their words only";
    const { page, problems } = await open({ ...project, embedding: { model: null, needed: 12, embedded: 0, missing: [missing] } });
    try {
      const banner = page.getByRole("region", { name: "What this machine lacks" });
      await banner.getByText(missing).waitFor();
      assert.equal(await page.getByRole("region", { name: "Sentence vector progress" }).count(), 0, "nothing to compute without a model");
      assert.ok(!(await ipcCalls(page)).some((c) => c.cmd === "embed_pending"));
      await banner.getByRole("button", { name: /Dismiss/ }).click();
      await banner.waitFor({ state: "detached" });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test("Ctrl+I and the menu show the native dialogs and act on what was picked", async () => {
    const fixture = {
      ...importFixture,
      import: { ...importFixture.import, gate: false },
      dialog: { open: ["/home/researcher/picked/a.txt"], save: "/home/researcher/New study.parallax" },
    };
    const { page, problems } = await open(fixture);
    try {
      await rows(page).first().waitFor();
      await page.keyboard.press("Control+i");
      await page.getByRole("region", { name: "Import results" }).waitFor();
      const calls = await ipcCalls(page);
      const dialog = calls.find((c) => c.cmd === "plugin:dialog|open");
      assert.equal(dialog.args.options.multiple, true);
      assert.deepEqual(calls.find((c) => c.cmd === "import_paths").args, { paths: ["/home/researcher/picked/a.txt"] });

      await emit(page, "menu", "new_project");
      await page.getByRole("heading", { level: 1, name: "New study.parallax" }).waitFor();
      const save = (await ipcCalls(page)).find((c) => c.cmd === "plugin:dialog|save");
      assert.deepEqual(save.args.options.filters, [{ name: "Parallax project", extensions: ["parallax"] }]);
      assert.deepEqual((await ipcCalls(page)).find((c) => c.cmd === "new_project").args, {
        path: "/home/researcher/New study.parallax",
      });
      await page.getByText("This project has no articles yet").waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});

describe("untrusted data and failures", () => {
  test("markup in article titles and text is shown as text and never runs", async () => {
    const fixture = {
      articles: [
        { ...ARTICLES[1], id: 1, title: HOSTILE_TITLE, outlet: "<b>Outlet</b>", author: "<svg onload=window.__pwned=5>" },
      ],
      texts: { 1: { url: "javascript:window.__pwned=6", text: HOSTILE_TEXT } },
    };
    const { page } = await open(fixture);
    try {
      const cell = page.getByRole("gridcell", { name: HOSTILE_TITLE, exact: true });
      await cell.waitFor();
      await cell.click();
      const reading = pane(page);
      await reading.getByRole("heading", { name: HOSTILE_TITLE }).waitFor();
      const text = await reading.innerText();
      assert.ok(text.includes("<script>window.__pwned=2</script>"), "script tag shown literally");
      assert.ok(text.includes('<img src=x onerror="window.__pwned=3"><b>bold?</b>'), "img tag shown literally");
      assert.ok(text.includes("<svg onload=window.__pwned=5>"), "author shown literally");
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(await page.locator("img, script:not([src]), iframe, b, svg[onload]").count(), 0);
      assert.equal(await reading.locator("img").count(), 0);
    } finally {
      await page.close();
    }
  });

  test("a failing command shows its message instead of failing silently", async () => {
    const fixture = {
      ...project,
      errors: {
        list_articles: { code: "io", message: "cannot read /home/researcher/Elections 2024.parallax: permission denied" },
        search_articles: { code: "invalid_input", message: "unbalanced quote in query" },
      },
    };
    const { page } = await open(fixture);
    try {
      const alert = page.getByRole("alert").filter({ hasText: "permission denied" });
      await alert.waitFor();
      assert.match(await alert.innerText(), /Could not load the article list/);
      await alert.getByRole("button", { name: /Dismiss/ }).click();
      await alert.waitFor({ state: "detached" });

      await page.getByRole("searchbox").fill('"open');
      await page.getByRole("alert").filter({ hasText: "unbalanced quote in query" }).waitFor();
    } finally {
      await page.close();
    }
  });

  test("an article that cannot be loaded says so in the reading pane", async () => {
    const fixture = { ...project, errors: { get_article: { code: "not_found", message: "article 1 was deleted" } } };
    const { page } = await open(fixture);
    try {
      await rowTitled(page, ARABIC_TITLE).click();
      await pane(page).getByRole("alert").filter({ hasText: "article 1 was deleted" }).waitFor();
    } finally {
      await page.close();
    }
  });

  test("an empty project explains drag-and-drop", async () => {
    const { page } = await open({ articles: [] });
    try {
      await page.getByText("This project has no articles yet").waitFor();
      assert.match(await page.locator("main").innerText(), /Drag files or whole folders onto this window/);
    } finally {
      await page.close();
    }
  });

  test("runs under the release CSP with no violations", async () => {
    const { page, problems } = await open(project, { csp: true });
    try {
      await page.evaluate(() => {
        window.__violations = [];
        document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await rowTitled(page, ARABIC_TITLE).click();
      await pane(page).getByRole("heading", { name: ARABIC_TITLE }).waitFor();
      await page.getByRole("searchbox").fill("plan");
      await page.getByRole("grid", { name: "Search results" }).waitFor();
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(problems.filter((p) => /Content Security Policy/i.test(p)), []);
      assert.equal(await page.locator(".viewport").evaluate((el) => el.scrollHeight > 0), true);
    } finally {
      await page.close();
    }
  });
});

describe("layout and Arabic typography", () => {
  const mixed = {
    ...project,
    articles: [
      ...ARTICLES,
      // an English title that starts with an Arabic name, an Arabic one that starts with Latin
      { ...ARTICLES[1], id: 10, title: "إدريس حلبي says the dam on the river will open again next week after repairs" },
      { ...ARTICLES[0], id: 11, title: "ZTV: الوزير يعد بفتح بوابات السد خلال عشرة أيام لإنقاذ بساتين الوادي" },
    ],
  };
  const fontOf = (locator) => locator.evaluate((el) => getComputedStyle(el).fontFamily);
  const firstFont = (stack) => stack.split(",")[0].trim().replace(/^["']|["']$/g, "");

  test("Arabic text is set in an Arabic face first, English in a Latin one", async () => {
    const { page, problems } = await open(mixed);
    try {
      await rows(page).first().waitFor();
      assert.equal(firstFont(await fontOf(page.getByRole("gridcell", { name: ARABIC_TITLE }))), "Noto Sans Arabic");
      assert.equal(firstFont(await fontOf(page.getByRole("gridcell", { name: ARTICLES[1].title }))), "Noto Sans");
      await rowTitled(page, ARABIC_TITLE).click();
      const paragraph = pane(page).locator("p", { hasText: "أعلن الرئيس" });
      await paragraph.waitFor();
      assert.equal(firstFont(await fontOf(paragraph)), "Noto Naskh Arabic", "Arabic body text in Naskh");
      assert.equal(
        firstFont(await fontOf(pane(page).getByRole("heading", { level: 2 }))),
        "Noto Sans Arabic",
        "the Arabic title too",
      );
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test("mixed-direction titles are isolated and take their direction from the article's language", async () => {
    const { page, problems } = await open(mixed);
    try {
      await rows(page).first().waitFor();
      const style = (title) =>
        page.getByRole("gridcell", { name: title }).evaluate((el) => {
          const s = getComputedStyle(el);
          return { direction: s.direction, unicodeBidi: s.unicodeBidi, overflow: s.textOverflow };
        });
      const english = await style(mixed.articles.at(-2).title);
      assert.deepEqual(english, { direction: "ltr", unicodeBidi: "isolate", overflow: "ellipsis" },
        "an English title that starts with an Arabic name reads, and is cut, left to right");
      const arabic = await style(mixed.articles.at(-1).title);
      assert.deepEqual(arabic, { direction: "rtl", unicodeBidi: "isolate", overflow: "ellipsis" },
        "an Arabic title that starts with Latin letters reads, and is cut, right to left");
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test("a column is resized by its handle, and the width is remembered per project", async () => {
    const here = { ...project, project: "/home/researcher/Projects/Resized.parallax" };
    const width = (page) => page.locator(".column.outlet").evaluate((el) => el.getBoundingClientRect().width);
    const first = await open(here);
    let before;
    try {
      const { page } = first;
      await rows(page).first().waitFor();
      before = await width(page);
      const handle = page.getByRole("separator", { name: "Resize the Outlet column" });
      const box = await handle.boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      assert.ok(Math.abs((await width(page)) - (before + 60)) <= 2, `wider by 60 px: ${before} -> ${await width(page)}`);
      // the keyboard moves it too
      await handle.focus();
      await page.keyboard.press("ArrowRight");
      assert.ok(Math.abs((await width(page)) - (before + 50)) <= 2, "ArrowRight narrows it by 10 px");
      assert.deepEqual(first.problems, []);
    } finally {
      await first.page.close();
    }
    const again = await open(here);
    try {
      await rows(again.page).first().waitFor();
      assert.ok(Math.abs((await width(again.page)) - (before + 50)) <= 2, "the same project keeps its widths");
    } finally {
      await again.page.close();
    }
    const other = await open({ ...project, project: "/home/researcher/Projects/Other.parallax" });
    try {
      await rows(other.page).first().waitFor();
      assert.ok(Math.abs((await width(other.page)) - before) <= 2, "another project has its own");
    } finally {
      await other.page.close();
    }
  });
});

test("the production bundle carries no IPC mocks", () => {
  const assets = join(uiDir, "dist", "assets");
  for (const file of readdirSync(assets).filter((f) => f.endsWith(".js"))) {
    const code = readFileSync(join(assets, file), "utf8");
    assert.ok(!code.includes("mockIPC") && !code.includes("__TAURI_MOCKS__"), `${file} contains mock code`);
  }
});

test("screenshot with Arabic and English articles", async () => {
  const { page } = await open({
    ...project,
    import: {
      files: [
        { path: "/home/researcher/drop/aljazeera-2024-03-20.html", status: "imported", message: null, article_ids: [1] },
        { path: "/home/researcher/drop/scan.pdf", status: "failed", message: "scan.pdf: no text layer (scanned document?)", article_ids: [] },
      ],
    },
  });
  try {
    await rowTitled(page, ARABIC_TITLE).click();
    await pane(page).getByRole("heading", { name: ARABIC_TITLE }).waitFor();
    await emit(page, "tauri://drag-drop", { paths: ["/home/researcher/drop"], position: { x: 1, y: 1 } });
    await page.getByRole("region", { name: "Import results" }).waitFor();
    await page.getByRole("grid").focus();
    await page.screenshot({ path: SCREENSHOT });
  } finally {
    await page.close();
  }
});
