// The real desktop app, end to end: the release binary (with the UI embedded) runs in a real
// WebKitGTK webview under Xvfb, driven through tauri-driver + WebKitWebDriver over plain
// W3C WebDriver HTTP. It opens a fresh project, takes a file dropped on the window (the
// `tauri://drag-drop` event the webview receives from a native drop), imports it and shows
// it in the article list; and the window basics of issue 15: File › Quit (its Ctrl+Q
// accelerator, and the menu itself opened with F10, pressed through X with xdotool), a path
// that is not a project, a new project named without an extension, cancelling an import of
// 2,000 files, resizing a column; and the analyst's workbench (Compare, merging two actors
// and undoing it, a note and a tag on a statement, found by search after a restart), which
// writes a screenshot of each view into $E2E_SCREENSHOTS when it is set, with Ctrl+Z and
// Ctrl+Shift+Z taking a tag back and putting it back; and an article's outlet corrected in the
// reader, then the Export dialog writing an HTML report and a CSV export to a temporary folder.
//
// Run by `make test-e2e` (needs DISPLAY, TAURI_DRIVER, DESKTOP_BIN and xdotool).

import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = resolve(here, "../fixtures");
const DRIVER = process.env.TAURI_DRIVER ?? "tauri-driver";
const APP = process.env.DESKTOP_BIN;
const PORT = 4444 + Math.floor(Math.random() * 500) * 2;
const BASE = `http://127.0.0.1:${PORT}`;
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

let driver;
let session;
let work;
let appsStarted = 0;

async function wd(method, path, body) {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}

const run = (script, args = []) => wd("POST", `/session/${session}/execute/sync`, { script, args });

async function waitFor(what, fn, timeoutMs = 20000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what} (last: ${last})`);
}

/** Starts the app on `args` in a new WebDriver session (ending the previous one). */
async function startApp(args) {
  await endApp();
  const created = await wd("POST", "/session", {
    capabilities: { alwaysMatch: { "tauri:options": { application: APP, args } } },
  });
  session = created.sessionId;
  appsStarted += 1;
}

async function endApp() {
  if (session) await wd("DELETE", `/session/${session}`).catch(() => {});
  session = undefined;
}

const headerText = () => run("return document.querySelector('header')?.innerText ?? ''");
const bodyText = () => run("return document.body.innerText");

async function find(css) {
  const el = await wd("POST", `/session/${session}/element`, { using: "css selector", value: css });
  return el[ELEMENT];
}

before(async () => {
  assert.ok(APP, "DESKTOP_BIN must name the release desktop binary");
  work = mkdtempSync(join(tmpdir(), "parallax-e2e-"));
  driver = spawn(DRIVER, ["--port", String(PORT), "--native-port", String(PORT + 1)], {
    env: { ...process.env, XDG_DATA_HOME: join(work, "data") },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  await waitFor("tauri-driver", async () => (await fetch(`${BASE}/status`)).ok);
  await startApp([join(work, "study.parallax")]);
});

after(async () => {
  await endApp();
  if (driver) {
    try {
      process.kill(-driver.pid, "SIGTERM");
    } catch {}
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

test("a file dropped on the window is imported and shown in the list", async () => {
  if (appsStarted > 1) await startApp([join(work, "study.parallax")]);
  // The window opened the project given on the command line: an empty one.
  await waitFor("the project header", async () =>
    (await run("return document.querySelector('header')?.innerText ?? ''")).includes("study.parallax"),
  );

  const article = join(work, "ar-wadinews-orchards.txt");
  copyFileSync(join(fixtures, "extra/ar-wadinews-orchards.txt"), article);
  const junk = join(work, "junk.pdf");
  writeFileSync(junk, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00, 0x13]));

  // What WebKitGTK delivers for a native drop: the drag-drop event with the dropped paths.
  await run(
    `window.__TAURI_INTERNALS__.invoke("plugin:event|emit", {
       event: "tauri://drag-drop",
       payload: { type: "drop", paths: arguments[0], position: { x: 300, y: 300 } },
     });
     return true;`,
    [[article, junk]],
  );

  const title = "تعهد اتحاد مزارعي الزيرين";
  const row = await waitFor("the imported article in the list", async () => {
    const rows = await run(
      "return [...document.querySelectorAll('[role=grid] [role=row][data-id]')].map(r => r.innerText)",
    );
    return rows.find((r) => r.includes(title));
  });
  assert.match(row, /\bar\b/i, "the row shows the article's language");

  const results = await run("return document.body.innerText");
  assert.match(results, /junk\.pdf/, "the per-file results name the broken file");

  // Opening the row shows the verbatim Arabic text, right to left.
  const el = await wd("POST", `/session/${session}/element`, {
    using: "css selector",
    value: "[role=grid] [role=row][data-id]",
  });
  await wd("POST", `/session/${session}/element/${el[ELEMENT]}/click`, {});
  const dir = await waitFor("the reading pane", () =>
    run(`const p = [...document.querySelectorAll('[dir=auto], [dir=rtl]')].find(e => e.innerText.includes('يتعيّن'));
         return p ? getComputedStyle(p).direction : null;`),
  );
  assert.equal(dir, "rtl");

  if (process.env.E2E_SCREENSHOT) {
    const png = await wd("GET", `/session/${session}/screenshot`);
    writeFileSync(process.env.E2E_SCREENSHOT, Buffer.from(png, "base64"));
  }
});

test("a path that is not a project: the notice names the reason", async () => {
  const notes = join(work, "notes.txt");
  writeFileSync(notes, "shopping list, not a project\n".repeat(50));
  await startApp([notes]);
  const text = await waitFor("the notice", async () => {
    const body = await bodyText();
    return body.includes("Could not open the project") ? body : null;
  });
  assert.match(text, /is not a Parallax project/, "the core's reason, not only 'no project is open'");
  assert.doesNotMatch(text, /no project is open/);
});

test("a new project named without an extension gets .parallax", async () => {
  await startApp([join(work, "study.parallax")]);
  await waitFor("the project header", async () => (await headerText()).includes("study.parallax"));
  // what the save dialog hands back when the user types a bare name
  const bare = join(work, "fresh study");
  await run(
    `return window.__TAURI_INTERNALS__.invoke("new_project", { path: arguments[0] }).then(() => true);`,
    [bare],
  );
  assert.ok(existsSync(`${bare}.parallax`), "the project file is 'fresh study.parallax'");
  assert.ok(!existsSync(bare), "no file without the extension");
});

test("an import of 2,000 files can be cancelled; what was stored stays", async () => {
  const folder = join(work, "many");
  mkdirSync(folder);
  // articles of some length, so that the import runs long enough to be cancelled by a click
  const body = (i) =>
    Array.from(
      { length: 60 },
      (_, k) =>
        `Minister Samir Nassar said that gate ${i}-${k} of the Zerin dam would open on Monday, ` +
        `and Rania Mansour told farmers in village ${k} that the union would watch the release.`,
    ).join("\n\n");
  for (let i = 0; i < 2000; i++) {
    writeFileSync(join(folder, `a${String(i).padStart(4, "0")}.txt`), `Report ${i}\n\n${body(i)}\n`);
  }
  await startApp([join(work, "cancel.parallax")]);
  await waitFor("the project header", async () => (await headerText()).includes("cancel.parallax"));
  await run(
    `window.__TAURI_INTERNALS__.invoke("plugin:event|emit", {
       event: "tauri://drag-drop",
       payload: { type: "drop", paths: arguments[0], position: { x: 300, y: 300 } },
     });
     return true;`,
    [[folder]],
  );
  await waitFor("progress past the first files", async () => {
    const m = (await bodyText()).match(/(\d+) of 2,000 files/);
    return m && Number(m[1]) >= 20;
  }, 60000);
  const cancel = await waitFor("the Cancel button", () => find("[aria-label='Import progress'] button.cancel"));
  await wd("POST", `/session/${session}/element/${cancel}/click`, {});
  let seen = "";
  const status = await waitFor("the cancelled summary", async () => {
    seen = await bodyText();
    return /Import cancelled/.test(seen) ? seen : null;
  }, 60000).catch((e) => {
    throw new Error(`${e.message}; the window shows:\n${seen}`);
  });
  const stopped = Number(status.match(/after ([\d,]+) of 2,000 files/)[1].replace(/,/g, ""));
  assert.ok(stopped > 0 && stopped < 2000, `stopped part-way: ${stopped}`);
  const imported = Number(status.match(/(\d+) imported/)[1]);
  assert.equal(imported, stopped, "every file handled before Cancel was stored");
  await waitFor("the header count", async () => (await headerText()).includes(`${stopped} articles`));
});

test("a column is resized by dragging its handle", async () => {
  await startApp([join(work, "cancel.parallax")]);
  await waitFor("the rows", async () =>
    (await run("return document.querySelectorAll('[role=grid] [role=row][data-id]').length")) > 0,
  );
  const width = () => run("return document.querySelector('.column.outlet').getBoundingClientRect().width");
  const before = await width();
  const handle = await find("[role=separator][aria-label='Resize the Outlet column']");
  await wd("POST", `/session/${session}/actions`, {
    actions: [
      {
        type: "pointer",
        id: "mouse",
        parameters: { pointerType: "mouse" },
        actions: [
          { type: "pointerMove", origin: { [ELEMENT]: handle }, x: 0, y: 0 },
          { type: "pointerDown", button: 0 },
          { type: "pointerMove", origin: "pointer", x: -40, y: 0, duration: 100 },
          { type: "pointerMove", origin: "pointer", x: -40, y: 0, duration: 100 },
          { type: "pointerUp", button: 0 },
        ],
      },
    ],
  });
  const after = await width();
  assert.ok(Math.abs(after - (before + 80)) <= 3, `the Outlet column is 80 px wider: ${before} -> ${after}`);
});

/** Presses `chord` (WebDriver key values, e.g. Control and "z") together, then releases it. */
async function keys(chord) {
  await wd("POST", `/session/${session}/actions`, {
    actions: [
      {
        type: "key",
        id: "keyboard",
        actions: [
          ...chord.map((value) => ({ type: "keyDown", value })),
          ...[...chord].reverse().map((value) => ({ type: "keyUp", value })),
        ],
      },
    ],
  });
}

/** Clicks the first element matching `css` whose text contains `text` (any when empty). */
async function clickText(css, text = "") {
  const ok = await run(
    `const el = [...document.querySelectorAll(arguments[0])].find(e => e.innerText.includes(arguments[1]));
     if (!el) return false;
     el.scrollIntoView({ block: "center" });
     el.click();
     return true;`,
    [css, text],
  );
  assert.ok(ok, `an element ${css} with "${text}" to click`);
}

/** Types into the first element matching `css` (through WebDriver, as a user would). */
async function typeInto(css, text) {
  const el = await waitFor(`the field ${css}`, () => find(css));
  await wd("POST", `/session/${session}/element/${el}/clear`, {});
  await wd("POST", `/session/${session}/element/${el}/value`, { text });
}

async function screenshot(name) {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const png = await wd("GET", `/session/${session}/screenshot`);
  writeFileSync(join(dir, name), Buffer.from(png, "base64"));
}

/** Sentence vectors stored in a project file (read with Python's sqlite3, read-only). */
function storedVectors(project) {
  const out = execFileSync("python3", [
    "-c",
    "import sqlite3,sys; c=sqlite3.connect('file:'+sys.argv[1]+'?mode=ro', uri=True); print(c.execute('select count(*) from statement_vectors').fetchone()[0])",
    project,
  ]);
  return Number(String(out).trim());
}

const actorCount = () => run("return document.querySelectorAll('[aria-label=\\'Actor list\\'] > li').length");

test("the workbench: compare, merge and undo actors, a note and a tag that survive a restart", async () => {
  const project = join(work, "workbench.parallax");
  await startApp([project]);
  await waitFor("the project header", async () => (await headerText()).includes("workbench.parallax"));
  await run(
    `window.__TAURI_INTERNALS__.invoke("plugin:event|emit", {
       event: "tauri://drag-drop",
       payload: { type: "drop", paths: arguments[0], position: { x: 300, y: 300 } },
     });
     return true;`,
    [[join(fixtures, "story")]],
  );
  await waitFor("the five story articles", async () => (await headerText()).includes("5 articles"), 120000);
  await screenshot("view-library.png");
  // the app uses the sentence model `make deps` installed, as the CLI does: after the import
  // it computes the statements' vectors in the background and stores them in the project
  await waitFor(
    "sentence vectors stored by the app",
    async () => !(await headerText()).includes("Preparing claim comparison") && storedVectors(project) > 0,
    120000,
  );

  // Compare: the matrix, then one actor's claims side by side
  await clickText("[role=tab]", "Compare");
  await waitFor("the coverage matrix", () => find("table.matrix tbody tr"), 120000);
  await clickText("table.matrix tbody th button");
  await waitFor("an actor's claim groups", () => find("article.group .column"), 120000);
  await screenshot("view-compare.png");

  // Actors: merge the first two, then undo
  await clickText("[role=tab]", "Actors");
  await waitFor("the actors", async () => (await actorCount()) > 2, 120000);
  const before = await actorCount();
  await run(
    `const boxes = document.querySelectorAll("[aria-label='Actor list'] > li input[type=checkbox]");
     boxes[0].click(); boxes[1].click(); return true;`,
  );
  await clickText("button", "Merge 2 selected");
  await waitFor("one actor fewer", async () => (await actorCount()) === before - 1, 120000);
  await screenshot("view-actors.png");
  await clickText("button", "Undo last actor edit");
  await waitFor("the actors back", async () => (await actorCount()) === before, 120000);

  // a note on a statement from the reader, and a tag on it
  await clickText("[role=tab]", "Library");
  await clickText("[role=grid] [role=row][data-id]");
  await waitFor("the article's statements", () => find("[aria-label=Statements] li button"), 60000);
  await clickText("[aria-label=Statements] li button", "Note / tag");
  await typeInto("textarea[aria-label=Note]", "الوزيرة أكدت الموعد مرة أخرى");
  await clickText("button", "Add note");
  await waitFor("the editor to close", async () => !(await run("return !!document.querySelector('textarea[aria-label=Note]')")));
  await clickText("[aria-label=Statements] li button", "Note / tag");
  await typeInto("input[aria-label='New tag']", "deadline");
  await clickText("button", "Add tag");
  await waitFor("the tag", async () => (await bodyText()).includes("deadline"));

  // Ctrl+Z (outside a text field) takes the tag back, Ctrl+Shift+Z puts it back
  await run("document.getElementById('tab-library').focus(); return true;");
  await keys(["\uE009", "z"]);
  await waitFor("the tag undone", async () => !(await bodyText()).includes("deadline"));
  await keys(["\uE009", "\uE008", "z"]);
  await waitFor("the tag redone", async () => (await bodyText()).includes("deadline"));

  // correct the statement's actor in the reader: an invented name no article uses
  await clickText("[aria-label=Statements] li button", "Correct");
  await typeInto("input[aria-label=Actor]", "Layla Haddad");
  await clickText("button", "Change actor");
  await waitFor("the corrected actor", async () =>
    (await run("return document.querySelector('[aria-label=Statements] li .who')?.innerText ?? ''")).includes("Layla Haddad"),
  60000);

  // restart the app on the same project: the note is found by search, Arabic folded
  await startApp([project]);
  await waitFor("the project header", async () => (await headerText()).includes("workbench.parallax"));
  await clickText("[role=tab]", "Notes");
  await waitFor("the notes list", async () => (await bodyText()).includes("deadline"), 60000);
  await typeInto("input[aria-label='Search notes']", "اكدت");
  await clickText("[role=tabpanel] form[role=search] button", "Search");
  const found = await waitFor("the note found", async () => {
    const text = await run("return document.querySelector('[aria-label=\\'Notes found\\']')?.innerText ?? ''");
    return text.includes("1 note found") ? text : null;
  });
  assert.match(found, /statement:\d+/);
  assert.ok(found.includes("الوزيرة أكدت الموعد"), "the note as written");
  await screenshot("view-notes.png");

  // the correction is still there after the restart
  await clickText("[role=tab]", "Library");
  await clickText("[role=grid] [role=row][data-id]");
  await waitFor("the corrected statement after a restart", async () =>
    (await run("return document.querySelector('[aria-label=Statements] li .who')?.innerText ?? ''")).includes("Layla Haddad"),
  60000);
});

test("article details corrected in the reader; the Export dialog writes an HTML report and a CSV export with the statement's text escaped", async () => {
  const project = join(work, "export.parallax");
  await startApp([project]);
  await waitFor("the project header", async () => (await headerText()).includes("export.parallax"));
  // an invented article whose statement holds markup and an ampersand
  const article = join(work, "en-canal-markup.txt");
  writeFileSync(
    article,
    "Canal works begin in the valley\n\n" +
      "Engineer Rania Mansour said that the <b>new canal</b> & the old dam would both be ready by May.\n\n" +
      "The works employ two hundred people from the valley.\n",
  );
  await run(
    `window.__TAURI_INTERNALS__.invoke("plugin:event|emit", {
       event: "tauri://drag-drop",
       payload: { type: "drop", paths: arguments[0], position: { x: 300, y: 300 } },
     });
     return true;`,
    [[article]],
  );
  await waitFor("the article", async () => (await headerText()).includes("1 article"), 60000);

  // correct its outlet (a text file names none) in the reader: the exports carry it
  await clickText("[role=grid] [role=row][data-id]");
  await clickText("button", "Edit details");
  const outletField = await run(
    `const f = document.querySelector("form[aria-label='Article details']");
     return [...f.querySelectorAll("label")].findIndex(l => l.innerText.startsWith("Outlet"));`,
  );
  assert.ok(outletField >= 0, "an Outlet field");
  await typeInto(`form[aria-label='Article details'] label:nth-of-type(${outletField + 1}) input`, "Valley Courier");
  await clickText("form[aria-label='Article details'] button", "Save details");
  await waitFor("the corrected outlet in the list", async () =>
    (await run("return document.querySelector('[role=grid]')?.innerText ?? ''")).includes("Valley Courier"),
  );

  const dialogText = () => run("return document.querySelector('dialog[open]')?.innerText ?? ''");
  const exportTo = async (format, path) => {
    await run(
      `document.querySelector("input[name=export-format][value=" + arguments[0] + "]").click(); return true;`,
      [format],
    );
    await typeInto("dialog footer input[type=text]", path);
    await clickText("dialog footer button.primary", "Export");
    const done = await waitFor(`the ${format} export`, async () => {
      const text = await dialogText();
      if (text.includes("Export failed")) throw new Error(text);
      return text.includes("Exported") ? text : null;
    }, 120000);
    return done;
  };

  await clickText("[role=toolbar] button", "Export…");
  await waitFor("the preview", async () => (await dialogText()).includes("1 articles from 1 outlets"), 60000);
  assert.ok(await run("return !!document.querySelector('dialog iframe[sandbox=\"\"]')"), "the report is previewed in a sandboxed frame");
  // the sandboxed frame cannot be read from the window: give it a moment to render its
  // document for the screenshot
  await new Promise((r) => setTimeout(r, 1000));
  await screenshot("export-dialog.png");

  const out = join(work, "exports");
  mkdirSync(out);
  // a name without an extension gets the format's
  await exportTo("html", join(out, "canal-report"));
  const html = readFileSync(join(out, "canal-report.html"), "utf8");
  assert.ok(
    html.includes("the &lt;b&gt;new canal&lt;/b&gt; &amp; the old dam would both be ready by May"),
    "the statement is in the report, escaped",
  );
  assert.ok(!html.includes("<b>new canal"), "no markup of the article survives into the report");

  await exportTo("csv", join(out, "canal-csv"));
  const csv = readFileSync(join(out, "canal-csv", "statements.csv"), "utf8");
  assert.ok(csv.includes("the <b>new canal</b> & the old dam would both be ready by May"), "the statement as text");
  assert.ok(csv.includes("Valley Courier"), "with the corrected outlet");
  for (const file of ["actors.csv", "coverage.csv"]) {
    assert.ok(existsSync(join(out, "canal-csv", file)), `${file} written`);
  }

  // Escape closes the dialog
  await wd("POST", `/session/${session}/actions`, {
    actions: [
      {
        type: "key",
        id: "keyboard",
        actions: [
          { type: "keyDown", value: "\uE00C" },
          { type: "keyUp", value: "\uE00C" },
        ],
      },
    ],
  });
  await waitFor("the dialog to close", async () => !(await run("return !!document.querySelector('dialog[open]')")));
});

/** Starts the app, presses `keys` on its window through X (not through WebDriver), and
 * waits for it to exit. */
async function quitWith(keys) {
  await startApp([join(work, "study.parallax")]);
  await waitFor("the project header", async () => (await headerText()).includes("study.parallax"));
  const running = () => {
    try {
      execFileSync("pgrep", ["-f", `^${APP}`], { stdio: "pipe" });
      return true;
    } catch {
      return false;
    }
  };
  assert.ok(running(), "the app runs");
  const window = execFileSync("xdotool", ["search", "--sync", "--onlyvisible", "--name", "Parallax"])
    .toString()
    .trim()
    .split("\n")[0];
  // no window manager under Xvfb: focus the window directly, then type through XTEST
  execFileSync("xdotool", ["windowfocus", "--sync", window]);
  for (const key of keys) {
    execFileSync("xdotool", ["key", "--clearmodifiers", key]);
    await new Promise((r) => setTimeout(r, 300));
  }
  await waitFor("the app to exit", async () => !running(), 10000);
  // the driver still counts the session until it is deleted
  await endApp();
}

test("File › Quit from the menu ends the app", async () => {
  // F10 opens the menu bar's File menu, Up wraps to its last item (Quit), Return picks it
  await quitWith(["F10", "Up", "Return"]);
});

test("Ctrl+Q ends the app", async () => {
  await quitWith(["ctrl+q"]);
});
