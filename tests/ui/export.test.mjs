// The Export dialog in headless Chromium with the Tauri back end mocked: opened by Ctrl+E,
// the toolbar and the native menu, closed by Escape; the report previewed in a frame that
// runs nothing; a CSV export with filters, its progress and the files written; a failure that
// says why. Run from ui/: `npm run test:browser`.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { ARTICLES, TEXTS } from "./fixtures.mjs";
import { emit, ipcCalls, launchBrowser, openApp, serveDist } from "./harness.mjs";

let browser;
let server;

before(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveDist({ csp: true })]);
});

after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

// An invented report whose text tries to run: the preview must show it and run nothing.
const HOSTILE_REPORT =
  "<!doctype html><html><body><h1>Dam study</h1><p dir=rtl>قال بيرغلوند إن السد سيكتمل</p>" +
  "<script>window.parent.__exportPwned = 1</script><img src=x onerror=\"window.parent.__exportPwned = 2\"></body></html>";

async function open(extra = {}) {
  const app = await openApp(browser.context, server.url, {
    articles: ARTICLES,
    texts: TEXTS,
    project: "/home/researcher/Projects/Dam study.parallax",
    exportHtml: HOSTILE_REPORT,
    ...extra,
  });
  await app.page.getByRole("heading", { level: 1, name: "Dam study.parallax" }).waitFor();
  return app;
}

/** The page's problems, less the browser's word that the preview's scripts were blocked. */
const unexpected = (problems) =>
  problems.filter((p) => !p.startsWith("console: Blocked script execution in 'about:srcdoc'"));

const dialog = (page) => page.getByRole("dialog", { name: "Export" });
const calls = async (page, cmd) => (await ipcCalls(page)).filter((c) => c.cmd === cmd);

describe("export dialog", () => {
  test("Ctrl+E opens it with an HTML preview in a sandboxed frame that runs nothing; Escape closes it", async () => {
    const { page, problems } = await open();
    try {
      await page.keyboard.press("Control+e");
      await dialog(page).waitFor();
      const frame = dialog(page).locator("iframe[title='Report preview']");
      await frame.waitFor();
      assert.equal(await frame.getAttribute("sandbox"), "", "the frame may do nothing");
      assert.ok((await frame.getAttribute("srcdoc")).includes("بيرغلوند"), "the report is the frame's document");
      assert.equal(
        await page.frameLocator("iframe[title='Report preview']").locator("h1").textContent(),
        "Dam study",
        "the report is shown",
      );
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.__exportPwned), undefined, "no script of the report ran");
      assert.match(await dialog(page).innerText(), /8 articles from 8 outlets, 16 statements/);
      assert.equal(
        await dialog(page).getByRole("textbox", { name: "Save to" }).inputValue(),
        "/home/researcher/Projects/Dam study.html",
        "the file is suggested beside the project",
      );
      const [request] = (await calls(page, "export_preview")).map((c) => c.args.request);
      assert.deepEqual(request, { format: "html", actors: [], outlets: [], tags: [], from: null, to: null });

      // the focus is inside the dialog, and Escape closes it (and does nothing else)
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute("value")),
        "html",
        "the focus starts on the chosen format",
      );
      // by keyboard: the arrow key picks the next format
      await page.keyboard.press("ArrowDown");
      assert.equal(await dialog(page).getByRole("radio", { name: /^PDF/ }).isChecked(), true);
      assert.equal(
        await dialog(page).getByRole("textbox", { name: "Save to" }).inputValue(),
        "/home/researcher/Projects/Dam study.pdf",
      );
      assert.ok(problems.length > 0, "the browser says it blocked the report's script");
      await page.keyboard.press("Escape");
      await dialog(page).waitFor({ state: "hidden" });
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await page.close();
    }
  });

  test("a CSV export of a selection shows progress, then the files written", async () => {
    const { page, problems } = await open({ exportGate: true });
    try {
      await page.getByRole("button", { name: "Export…" }).click();
      await dialog(page).waitFor();
      await dialog(page).getByRole("radio", { name: /^CSV/ }).check();
      assert.equal(
        await dialog(page).getByRole("textbox", { name: "Save to" }).inputValue(),
        "/home/researcher/Projects/Dam study-csv",
        "the suggested name follows the format",
      );
      await dialog(page).getByRole("textbox", { name: "Actors" }).fill("Berglund، سمير نصار");
      await dialog(page).getByRole("textbox", { name: "Outlets" }).fill("Reuters");
      await dialog(page).getByRole("textbox", { name: "Tags" }).fill("deadline");
      await dialog(page).getByText("The selection changed").waitFor();
      await dialog(page).getByRole("button", { name: "Update preview" }).click();
      await dialog(page).getByText("1 articles from 1 outlets").waitFor();
      const preview = dialog(page).getByRole("region", { name: "Preview" });
      const previewText = await preview.innerText();
      assert.match(previewText, /Writes 3 files: statements\.csv, actors\.csv, coverage\.csv/);
      assert.match(previewText, /2 statements/);
      assert.equal(await preview.locator("iframe").count(), 0, "data exports show counts, not a report");
      const last = (await calls(page, "export_preview")).at(-1).args.request;
      assert.deepEqual(last, {
        format: "csv",
        actors: ["Berglund", "سمير نصار"],
        outlets: ["Reuters"],
        tags: ["deadline"],
        from: null,
        to: null,
      });

      await dialog(page).getByRole("button", { name: "Export", exact: true }).click();
      const status = dialog(page).getByRole("status");
      await status.filter({ hasText: "Building the report" }).waitFor();
      assert.ok(await dialog(page).getByRole("progressbar", { name: "Export progress" }).isVisible());
      assert.ok(await dialog(page).getByRole("button", { name: "Export", exact: true }).isDisabled(), "one export at a time");
      await page.keyboard.press("Escape");
      await page.keyboard.press("Escape");
      await page.waitForTimeout(100);
      assert.ok(await dialog(page).isVisible(), "the dialog stays while the files are written");
      await page.evaluate(() => window.__releaseExport());
      await status.filter({ hasText: "Exported" }).waitFor();
      assert.match(await status.innerText(), /Dam study-csv\/statements\.csv.*Dam study-csv\/coverage\.csv/s);
      const [write] = await calls(page, "export_write");
      assert.equal(write.args.path, "/home/researcher/Projects/Dam study-csv");
      assert.equal(write.args.request.format, "csv");
      assert.deepEqual(write.args.request.tags, ["deadline"]);
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await page.close();
    }
  });

  test("the save dialog chooses the path; a failed export says why and keeps the dialog", async () => {
    const { page } = await open({
      dialog: { save: "/media/usb/dam-report.md" },
      errors: {
        export_write: { code: "io", message: "cannot write /media/usb/dam-report.md: Permission denied (os error 13)" },
      },
    });
    try {
      // from the native menu, as File › Export… sends it
      await emit(page, "menu", "export");
      await dialog(page).waitFor();
      await dialog(page).getByRole("radio", { name: /^Markdown/ }).check();
      await dialog(page).getByRole("button", { name: "Choose…" }).click();
      const path = dialog(page).getByRole("textbox", { name: "Save to" });
      await page.waitForFunction(() => document.querySelector("dialog input[spellcheck=false]")?.value.includes("usb"));
      assert.equal(await path.inputValue(), "/media/usb/dam-report.md");
      const [save] = await calls(page, "plugin:dialog|save");
      assert.deepEqual(save.args.options.filters, [{ name: "MD", extensions: ["md"] }]);

      await path.press("Enter");
      const alert = dialog(page).getByRole("alert");
      await alert.waitFor();
      assert.equal(
        await alert.innerText(),
        "Export failed: cannot write /media/usb/dam-report.md: Permission denied (os error 13)",
      );
      assert.ok(await dialog(page).isVisible());
      await dialog(page).getByRole("button", { name: "Close" }).click();
      await dialog(page).waitFor({ state: "hidden" });
    } finally {
      await page.close();
    }
  });
});
