// The real desktop app, end to end: the release binary (with the UI embedded) runs in a real
// WebKitGTK webview under Xvfb, driven through tauri-driver + WebKitWebDriver over plain
// W3C WebDriver HTTP. It opens a fresh project, takes a file dropped on the window (the
// `tauri://drag-drop` event the webview receives from a native drop), imports it and shows
// it in the article list.
//
// Run by `make test-e2e` (needs DISPLAY, TAURI_DRIVER and DESKTOP_BIN).

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
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

before(async () => {
  assert.ok(APP, "DESKTOP_BIN must name the release desktop binary");
  work = mkdtempSync(join(tmpdir(), "parallax-e2e-"));
  driver = spawn(DRIVER, ["--port", String(PORT), "--native-port", String(PORT + 1)], {
    env: { ...process.env, XDG_DATA_HOME: join(work, "data") },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  await waitFor("tauri-driver", async () => (await fetch(`${BASE}/status`)).ok);
  const created = await wd("POST", "/session", {
    capabilities: {
      alwaysMatch: { "tauri:options": { application: APP, args: [join(work, "study.parallax")] } },
    },
  });
  session = created.sessionId;
});

after(async () => {
  if (session) await wd("DELETE", `/session/${session}`).catch(() => {});
  if (driver) {
    try {
      process.kill(-driver.pid, "SIGTERM");
    } catch {}
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

test("a file dropped on the window is imported and shown in the list", async () => {
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

  const title = "أكد اتحاد مزارعي الزيرين";
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
