// The analyst's workbench in headless Chromium with the Tauri back end mocked: the view
// tabs, the Actors view (merge, undo, rename, alias), the Compare view (matrix, claims side by
// side, word differences, omissions, Arabic right to left) and notes and tags (from the
// reader's statements, from actors, the Notes view with its tag filter), all by keyboard as
// well as by mouse. Run from ui/: `npm run test:browser`.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { ARABIC_CLAIM, ARABIC_TITLE, ARTICLES, TEXTS, WORKBENCH } from "./fixtures.mjs";
import { ipcCalls, launchBrowser, openApp, serveDist } from "./harness.mjs";

let browser;
let server;

before(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveDist({ csp: true })]);
});

after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

const fixture = () => ({ articles: ARTICLES, texts: TEXTS, workbench: WORKBENCH });

async function open() {
  const app = await openApp(browser.context, server.url, fixture());
  await app.page.getByRole("heading", { level: 1, name: "Elections 2024.parallax" }).waitFor();
  return app;
}

const tab = (page, name) => page.getByRole("tab", { name });
const actorItems = (page) => page.getByRole("list", { name: "Actor list" }).locator(":scope > li");
const commands = async (page, cmd) => (await ipcCalls(page)).filter((c) => c.cmd === cmd);

describe("view tabs", () => {
  test("arrow keys and Ctrl+number move between Library, Actors, Compare and Notes", async () => {
    const { page, problems } = await open();
    try {
      assert.equal(await tab(page, "Library").getAttribute("aria-selected"), "true");
      await tab(page, "Library").focus();
      await page.keyboard.press("ArrowRight");
      assert.equal(await tab(page, "Actors").getAttribute("aria-selected"), "true");
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Actors", "focus follows");
      await page.getByRole("region", { name: "Actors" }).waitFor();
      await page.keyboard.press("Control+3");
      await page.getByRole("region", { name: "Compare" }).waitFor();
      await page.keyboard.press("End");
      await page.keyboard.press("Control+4");
      await page.getByRole("region", { name: "Notes" }).waitFor();
      await page.keyboard.press("Control+1");
      await page.getByRole("region", { name: "Article list" }).waitFor();
      assert.ok(await page.getByRole("region", { name: "Article list" }).isVisible());
      const outline = await tab(page, "Library").evaluate((el) => {
        el.focus();
        return getComputedStyle(el).outlineStyle;
      });
      assert.notEqual(outline, "none", "a focused tab shows its focus");
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});

describe("actors", () => {
  test("lists actors with aliases and counts per outlet; merge two, then undo", async () => {
    const { page, problems } = await open();
    try {
      await tab(page, "Actors").click();
      await actorItems(page).first().waitFor();
      assert.equal(await actorItems(page).count(), 3);
      const spokesman = actorItems(page).filter({ hasText: "Government spokesman" });
      const text = await spokesman.innerText();
      assert.ok(text.includes("المتحدث باسم الحكومة"), "the Arabic alias is listed");
      assert.match(text, /Reuters 1/);

      await page.getByRole("checkbox", { name: "Select Government spokesman to merge" }).check();
      // by keyboard: Tab to the next actor's box, Space ticks it
      await page.getByRole("checkbox", { name: "Select The president to merge" }).focus();
      await page.keyboard.press("Space");
      await page.getByRole("button", { name: "Merge 2 selected" }).click();
      await page.waitForFunction(() => document.querySelectorAll('[aria-label="Actor list"] > li').length === 2);
      const merges = await commands(page, "edit_actor");
      assert.deepEqual(merges.at(-1).args.edit, { op: "merge", a: "government spokesman", b: "the president" });
      const merged = await page.getByRole("list", { name: "Actor list" }).innerText();
      assert.ok(merged.includes("الرئيس"), `the merged actor has both names: ${merged}`);

      await page.getByRole("button", { name: "Undo last actor edit" }).click();
      await page.waitForFunction(() => document.querySelectorAll('[aria-label="Actor list"] > li').length === 3);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test("renames an actor and adds an alias from its details", async () => {
    const { page, problems } = await open();
    try {
      await tab(page, "Actors").click();
      await page.getByRole("button", { name: "The opposition", exact: true }).click();
      await page.getByLabel("Alias").fill("المعارضة");
      await page.getByRole("button", { name: "Add alias" }).click();
      await page.getByText("Also: المعارضة").waitFor();
      await page.getByLabel("Name", { exact: true }).fill("Opposition bloc");
      await page.getByLabel("Name", { exact: true }).press("Enter");
      await page.getByRole("button", { name: "Opposition bloc", exact: true }).waitFor();
      const edits = (await commands(page, "edit_actor")).map((c) => c.args.edit);
      assert.deepEqual(edits, [
        { op: "add_alias", actor: "opposition", alias: "المعارضة" },
        { op: "rename", actor: "opposition", name: "Opposition bloc" },
      ]);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});

describe("compare", () => {
  test("a matrix cell opens the actor's claims side by side, one column per outlet", async () => {
    const { page, problems } = await open();
    try {
      await tab(page, "Compare").click();
      const matrix = page.getByRole("table", { name: "Statements per actor and outlet" });
      await matrix.waitFor();
      assert.deepEqual(await matrix.locator("thead th").allInnerTexts(), ["Actor", "BBC News", "Reuters", "الجزيرة"]);
      await page.getByRole("button", { name: "Government spokesman in الجزيرة: 1 statements" }).click();

      const group = page.getByRole("article", { name: "Claim group 0" });
      await group.waitFor();
      const columns = group.getByRole("group");
      assert.deepEqual(await columns.evaluateAll((cs) => cs.map((c) => c.getAttribute("aria-label"))), [
        "BBC News",
        "Reuters",
        "الجزيرة",
      ]);
      const omitted = group.getByRole("group", { name: "BBC News" });
      assert.match(await omitted.innerText(), /Omitted/);
      const arabic = group.getByRole("group", { name: "الجزيرة" }).locator("p.text");
      assert.equal(await arabic.evaluate((p) => getComputedStyle(p).direction), "rtl");
      assert.equal(await arabic.locator("ins").innerText(), "مؤمَّن بالكامل", "the words only this outlet has are marked");
      const english = group.getByRole("group", { name: "Reuters" }).locator("p.text");
      assert.equal(await english.evaluate((p) => getComputedStyle(p).direction), "ltr");
      assert.deepEqual((await commands(page, "actor_groups")).at(-1).args, { actor: "government spokesman" });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});

describe("notes and tags", () => {
  test("a note and a tag on a statement from the reader appear in the Notes view, filtered by tag", async () => {
    const { page, problems } = await open();
    try {
      await page.getByRole("gridcell", { name: ARABIC_TITLE }).click();
      const statements = page.getByRole("region", { name: "Statements" });
      await statements.getByText(ARABIC_CLAIM).waitFor();
      assert.equal(await statements.locator("p.said").evaluate((p) => getComputedStyle(p).direction), "rtl");
      await statements.getByRole("button", { name: "Note or tag the statement #12" }).click();
      const note = page.getByRole("textbox", { name: "Note", exact: true });
      await note.waitFor();
      assert.ok(await note.evaluate((el) => el === document.activeElement), "the note box takes the focus");
      // invented note, with markup that must stay text
      await note.fill("يقول **الوزير** إن <img src=x onerror=window.__pwned=1> التمويل جاهز");
      await page.getByRole("button", { name: "Add note" }).click();
      await page.getByRole("button", { name: "Note or tag the statement #12" }).click();
      await page.getByRole("textbox", { name: "New tag" }).fill("funding");
      await page.getByRole("textbox", { name: "New tag" }).press("Enter");
      await page.getByRole("list", { name: "Tags" }).getByText("funding").waitFor();
      await page.keyboard.press("Escape");

      await tab(page, "Notes").click();
      const list = page.getByRole("list", { name: "Notes list" });
      await list.getByText("statement:12").first().waitFor();
      const item = await list.locator("li").first().innerText();
      assert.ok(item.includes("<img src=x onerror=window.__pwned=1>"), "the note is shown as text");
      assert.equal(await page.evaluate(() => window.__pwned), undefined, "nothing in a note runs");
      assert.equal(await list.locator("img").count(), 0);

      const setNote = (await commands(page, "set_note")).at(-1).args;
      assert.equal(setNote.target, "statement:12");

      // a second target with another tag, then the filter
      await page.getByRole("textbox", { name: "Target" }).fill("article:2");
      await page.getByRole("textbox", { name: "Note text" }).fill("Compare with the agency copy.");
      await page.getByRole("form", { name: "Add a note" }).getByRole("button", { name: "Add note" }).click();
      await list.getByText("article:2").first().waitFor();
      assert.equal(await list.locator(":scope > li").count(), 2);
      await page.getByRole("group", { name: "Filter by tag" }).getByRole("button", { name: "funding" }).click();
      await page.waitForFunction(() => document.querySelectorAll('[aria-label="Notes list"] > li').length === 1);
      assert.ok((await list.innerText()).includes("statement:12"));

      await page.getByRole("searchbox", { name: "Search notes" }).fill("agency");
      await page.getByRole("searchbox", { name: "Search notes" }).press("Enter");
      const found = page.getByRole("region", { name: "Notes found" });
      await found.getByText("1 note found").waitFor();
      assert.ok((await found.innerText()).includes("article:2"));
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test("a tag on an actor is added from the Actors view and removed again", async () => {
    const { page, problems } = await open();
    try {
      await tab(page, "Actors").click();
      const item = actorItems(page).filter({ hasText: "The president" });
      await item.getByRole("button", { name: "Note / tag" }).click();
      await page.getByRole("textbox", { name: "New tag" }).fill("head of state");
      await page.getByRole("button", { name: "Add tag" }).click();
      await page.getByRole("button", { name: "Remove tag head of state" }).click();
      await page.waitForFunction(() => !document.querySelector('[aria-label="Remove tag head of state"]'));
      const calls = (await ipcCalls(page)).filter((c) => c.cmd === "add_tag" || c.cmd === "remove_tag");
      assert.deepEqual(
        calls.map((c) => [c.cmd, c.args.target, c.args.tag]),
        [
          ["add_tag", "actor:the president", "head of state"],
          ["remove_tag", "actor:the president", "head of state"],
        ],
      );
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});

describe("undo and redo", () => {
  const stored = (page, target) =>
    page.evaluate((t) => {
      const a = window.__workbench.annotations.find((x) => x.target === t);
      return a ? { note: a.note, tags: a.tags } : { note: null, tags: [] };
    }, target);
  const said = (page) => page.locator(".history-said");

  test("Ctrl+Z and Ctrl+Shift+Z take back and redo notes and tags, not the typing in a field", async () => {
    const { page, problems } = await open();
    try {
      await page.getByRole("gridcell", { name: ARABIC_TITLE }).click();
      const statements = page.getByRole("region", { name: "Statements" });
      await statements.getByText(ARABIC_CLAIM).waitFor();
      await statements.getByRole("button", { name: "Note or tag the statement #12" }).click();
      // invented note
      await page.getByRole("textbox", { name: "Note", exact: true }).fill("Berglund gave the same figure in May");
      await page.getByRole("button", { name: "Add note" }).click();
      await statements.getByRole("button", { name: "Note or tag the statement #12" }).click();
      const note = page.getByRole("textbox", { name: "Note", exact: true });
      await note.fill("Berglund gave the same figure in April");
      await page.getByRole("button", { name: "Save note" }).click();
      await page.waitForFunction(() =>
        window.__workbench.annotations.some((a) => a.note === "Berglund gave the same figure in April"),
      );
      await statements.getByRole("button", { name: "Note or tag the statement #12" }).click();
      await page.getByRole("textbox", { name: "New tag" }).fill("deadline");
      await page.getByRole("textbox", { name: "New tag" }).press("Enter");
      await page.getByRole("list", { name: "Tags" }).getByText("deadline").waitFor();

      // Ctrl+Z in the tag field is the field's own undo: no edit is taken back
      await page.getByRole("textbox", { name: "New tag" }).press("Control+z");
      await page.waitForTimeout(200);
      assert.deepEqual(await stored(page, "statement:12"), { note: "Berglund gave the same figure in April", tags: ["deadline"] });
      await page.keyboard.press("Escape");
      await tab(page, "Library").focus();

      await page.keyboard.press("Control+z");
      await said(page).getByText("Undone: add the tag «deadline» to statement:12").waitFor();
      assert.deepEqual((await stored(page, "statement:12")).tags, []);
      await page.keyboard.press("Control+z");
      await said(page).getByText("Undone: edit the note of statement:12").waitFor();
      assert.equal((await stored(page, "statement:12")).note, "Berglund gave the same figure in May");
      await page.keyboard.press("Control+z");
      await said(page).getByText("Undone: add a note to statement:12").waitFor();
      assert.equal((await stored(page, "statement:12")).note, null, "the note is gone");
      await page.keyboard.press("Control+z");
      await said(page).getByText("Nothing to undo").waitFor();

      await page.keyboard.press("Control+Shift+z");
      await said(page).getByText("Redone: add a note to statement:12").waitFor();
      await page.keyboard.press("Control+Shift+Z");
      await said(page).getByText("Redone: edit the note of statement:12").waitFor();
      await page.getByRole("button", { name: "Redo", exact: true }).click();
      await said(page).getByText("Redone: add the tag «deadline» to statement:12").waitFor();
      assert.deepEqual(await stored(page, "statement:12"), { note: "Berglund gave the same figure in April", tags: ["deadline"] });
      assert.ok(await page.getByRole("button", { name: "Redo", exact: true }).isDisabled(), "nothing left to redo");

      // a new edit after an undo drops what could be redone
      await page.keyboard.press("Control+z");
      await said(page).getByText("Undone: add the tag").waitFor();
      await tab(page, "Notes").click();
      await page.getByRole("textbox", { name: "Target" }).fill("article:2");
      await page.getByRole("textbox", { name: "Note text" }).fill("Rania Mansour is quoted at length");
      await page.getByRole("form", { name: "Add a note" }).getByRole("button", { name: "Add note" }).click();
      await page.getByRole("list", { name: "Notes list" }).getByText("article:2").first().waitFor();
      assert.ok(await page.getByRole("button", { name: "Redo", exact: true }).isDisabled());
      await tab(page, "Notes").focus();
      await page.keyboard.press("Control+z");
      await said(page).getByText("Undone: add a note to article:2").waitFor();
      assert.equal((await stored(page, "article:2")).note, null);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test("an actor merge is undone by Ctrl+Z and redone by Ctrl+Shift+Z", async () => {
    const { page, problems } = await open();
    try {
      await tab(page, "Actors").click();
      await actorItems(page).first().waitFor();
      await page.getByRole("checkbox", { name: "Select Government spokesman to merge" }).check();
      await page.getByRole("checkbox", { name: "Select The president to merge" }).check();
      await page.getByRole("button", { name: "Merge 2 selected" }).click();
      await page.waitForFunction(() => document.querySelectorAll('[aria-label="Actor list"] > li').length === 2);
      await tab(page, "Actors").focus();

      await page.keyboard.press("Control+z");
      await said(page).getByText("Undone: merge the actors").waitFor();
      await page.waitForFunction(() => document.querySelectorAll('[aria-label="Actor list"] > li').length === 3);
      await page.keyboard.press("Control+Shift+z");
      await said(page).getByText("Redone: merge the actors").waitFor();
      await page.waitForFunction(() => document.querySelectorAll('[aria-label="Actor list"] > li').length === 2);
      const edits = (await commands(page, "edit_actor")).map((c) => c.args.edit);
      assert.equal(edits.length, 2, "the redo applies the merge again");
      assert.deepEqual(edits[1], edits[0]);
      assert.equal((await commands(page, "undo_actor_edit")).length, 1);

      // the Actors view's own button takes the merge back, and the stack forgets it
      await page.getByRole("button", { name: "Undo last actor edit" }).click();
      await page.waitForFunction(() => document.querySelectorAll('[aria-label="Actor list"] > li').length === 3);
      assert.ok(await page.getByRole("button", { name: "Undo", exact: true }).isDisabled());
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});

describe("statement corrections", () => {
  test("a false statement is removed from the reader, and Ctrl+Z brings it back", async () => {
    const { page, problems } = await open();
    try {
      await page.getByRole("gridcell", { name: ARABIC_TITLE }).click();
      const statements = page.getByRole("region", { name: "Statements" });
      await statements.getByText(ARABIC_CLAIM).waitFor();
      await statements.getByRole("button", { name: "Correct the statement #12" }).click();
      const form = page.getByRole("group", { name: "Correct the statement #12" });
      assert.equal(await form.getByRole("combobox", { name: "Actor" }).inputValue(), "المتحدث باسم الحكومة");
      await form.getByRole("button", { name: "Not a statement" }).click();
      await statements.waitFor({ state: "detached" });
      assert.deepEqual((await commands(page, "correct_statement")).at(-1).args.edit, { op: "delete", statement: 12 });

      await page.locator("body").click({ position: { x: 5, y: 5 } });
      await page.keyboard.press("Control+z");
      await page.getByRole("region", { name: "Statements" }).getByText(ARABIC_CLAIM).waitFor();
      assert.equal((await commands(page, "undo_statement_correction")).length, 1);
      await page.keyboard.press("Control+Shift+z");
      await page.getByRole("region", { name: "Statements" }).waitFor({ state: "detached" });
      assert.equal((await commands(page, "redo_statement_correction")).length, 1);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test("words selected in the article become a statement by the actor typed", async () => {
    const { page, problems } = await open();
    try {
      await page.getByRole("gridcell", { name: ARABIC_TITLE }).click();
      await page.getByRole("region", { name: "Statements" }).getByText(ARABIC_CLAIM).waitFor();
      // nothing selected: the button says what to do
      await page.getByRole("button", { name: "Add statement from selected words" }).click();
      await page.getByText("Select the words of the statement").waitFor();
      // select the opposition's words in the article's text, as a reader would with the mouse
      const words = "وعود انتخابية";
      await page.evaluate((w) => {
        const walker = document.createTreeWalker(document.querySelector(".text"), NodeFilter.SHOW_TEXT);
        let node = walker.nextNode();
        while (node && !node.textContent.includes(w)) node = walker.nextNode();
        const at = node.textContent.indexOf(w);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + w.length);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
      }, words);
      await page.getByRole("button", { name: "Add statement from selected words" }).click();
      const form = page.getByRole("group", { name: "Add a statement" });
      await form.getByText(words).waitFor();
      await form.getByRole("combobox", { name: "Said by" }).fill("المعارضة");
      await form.getByRole("combobox", { name: "Kind" }).selectOption("indirect");
      await form.getByRole("textbox", { name: "Reporting verb" }).fill("وصفتها");
      await form.getByRole("button", { name: "Add statement" }).click();
      const statements = page.getByRole("region", { name: "Statements" });
      await statements.getByText(words).waitFor();
      assert.deepEqual((await commands(page, "correct_statement")).at(-1).args.edit, {
        op: "add",
        article: 1,
        words,
        actor: "المعارضة",
        actor_kind: null,
        kind: "indirect",
        cue: "وصفتها",
      });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
