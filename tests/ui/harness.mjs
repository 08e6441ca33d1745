// Test harness for the UI in headless Chromium: serves the built UI (ui/dist), launches
// /usr/bin/chromium through playwright-core and stands in for the Rust back end with
// @tauri-apps/api/mocks, injected before the app's own scripts run.
//
// Dependencies are resolved from ui/node_modules (one `npm ci` in ui/ installs everything),
// so this folder needs no package.json of its own.

import { readFileSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const uiDir = resolve(here, "../../ui");
const distDir = join(uiDir, "dist");
const requireFromUi = createRequire(join(uiDir, "package.json"));

const { chromium } = requireFromUi("playwright-core");

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** The Content-Security-Policy the Tauri shell is expected to enforce on the release build. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self' ipc: http://ipc.localhost; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

// ---------------------------------------------------------------------------------------
// Static server for ui/dist

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** Serves ui/dist on a free localhost port; with `csp`, every response carries STRICT_CSP. */
export async function serveDist({ csp = false } = {}) {
  if (!existsSync(join(distDir, "index.html"))) {
    throw new Error(`ui/dist is missing: run "npm run build" in ${uiDir} first`);
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let file = normalize(join(distDir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(distDir + sep) && file !== distDir) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(distDir, "index.html");
    const headers = { "content-type": MIME[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" };
    if (csp) headers["content-security-policy"] = STRICT_CSP;
    res.writeHead(200, headers).end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

// ---------------------------------------------------------------------------------------
// Browser

export async function launchBrowser() {
  const userDataDir = mkdtempSync(join(tmpdir(), "parallax-ui-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    viewport: { width: 1280, height: 800 },
    locale: "en-US",
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------
// Tauri mocks

/**
 * @tauri-apps/api/mocks is a self-contained ES module (it imports nothing); turned into a
 * classic script it can run as an init script before any page script, which is what a real
 * Tauri webview does with its own IPC glue. It is never part of the production bundle.
 */
function tauriMocksScript() {
  const source = readFileSync(requireFromUi.resolve("@tauri-apps/api/mocks").replace(/\.cjs$/, ".js"), "utf8");
  const exportLine = /export\s*\{([^}]*)\};?\s*$/;
  const match = source.match(exportLine);
  if (!match) throw new Error("unexpected shape of @tauri-apps/api/mocks.js: no export list at the end");
  return `(() => {\n${source.replace(exportLine, "")}\nwindow.__TAURI_MOCKS__ = {${match[1]}};\n})();`;
}

const mocksScript = tauriMocksScript();

/**
 * A fake back end that runs inside the page: it answers the app's commands from `fixture`,
 * records every call in `window.__ipcCalls`, and emits events the way the shell does.
 * Serialised by Playwright, so it must not close over anything.
 */
function installFakeBackend(fixture) {
  const { mockIPC, mockWindows } = window.__TAURI_MOCKS__;
  mockWindows("main");

  const LANGS = ["ar", "en"];
  let articles = fixture.articles ?? [];
  if (fixture.bulk) {
    articles = [];
    for (let i = 1; i <= fixture.bulk; i++) {
      const lang = LANGS[i % 2];
      articles.push({
        id: i,
        title: lang === "ar" ? `مقال رقم ${i}` : `Article number ${i}`,
        outlet: lang === "ar" ? "الجزيرة" : "Reuters",
        author: null,
        lang,
        published_at: `2024-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
        source: `/corpus/article-${i}.txt`,
        format: "text",
        imported_at: "2025-01-01T00:00:00Z",
      });
    }
  }
  const texts = fixture.texts ?? {};
  const wb = {
    actors: JSON.parse(JSON.stringify(fixture.workbench?.actors ?? [])),
    coverage: fixture.workbench?.coverage ?? { outlets: [], rows: [] },
    groups: fixture.workbench?.groups ?? {},
    statements: fixture.workbench?.statements ?? {},
    annotations: JSON.parse(JSON.stringify(fixture.workbench?.annotations ?? [])),
    history: [],
  };
  window.__workbench = wb;
  const copy = (value) => JSON.parse(JSON.stringify(value));
  const annotationOf = (target) => {
    let a = wb.annotations.find((x) => x.target === target);
    if (!a) {
      a = { target, kind: target.split(":")[0], label: target, note: null, updated_at: null, tags: [] };
      wb.annotations.push(a);
    }
    return a;
  };
  let projectPath = fixture.project ?? "/home/researcher/Projects/Elections 2024.parallax";

  window.__ipcCalls = [];
  window.__importGate = null;
  window.__releaseImport = () => {};

  const emit = (event, payload) =>
    window.__TAURI_INTERNALS__.invoke("plugin:event|emit", { event, payload });
  window.__emit = emit;

  const info = () => ({ path: projectPath, article_count: articles.length });
  const fail = (command) => {
    const error = fixture.errors?.[command];
    if (error) throw error;
  };
  const detail = (id) => {
    const article = articles.find((a) => a.id === id);
    if (!article) throw { code: "not_found", message: `no article with id ${id}` };
    const extra = texts[id] ?? {};
    return { article, url: extra.url ?? null, text: extra.text ?? `Text of ${article.title}.` };
  };

  mockIPC(
    async (cmd, args) => {
      window.__ipcCalls.push({ cmd, args: JSON.parse(JSON.stringify(args ?? {})) });
      fail(cmd);
      switch (cmd) {
        case "project_info":
          return info();
        case "open_project":
        case "new_project":
          projectPath = args.path;
          if (cmd === "new_project") articles = [];
          return info();
        case "list_articles":
          return articles;
        case "get_article":
          return detail(args.id);
        case "edit_article_metadata": {
          const article = articles.find((a) => a.id === args.id);
          if (!article) throw { code: "not_found", message: `no article with id ${args.id}` };
          const e = args.edit;
          if (e.published_at !== null && !/^\d{4}-\d{2}-\d{2}$/.test(e.published_at)) {
            throw { code: "invalid_input", message: `the date "${e.published_at}" is not a date YYYY-MM-DD` };
          }
          const field = (v) => (v === null || v.trim() === "" ? null : v.trim());
          // a new object: the app holds the old one (a real back end's answers are copies)
          const updated = {
            ...article,
            title: e.title.trim(),
            outlet: field(e.outlet),
            author: field(e.author),
            published_at: e.published_at,
          };
          articles = articles.map((a) => (a.id === updated.id ? updated : a));
          return copy(updated);
        }
        case "search_articles": {
          const q = args.query.toLowerCase();
          const hits = articles
            .map((article) => ({ article, text: detail(article.id).text }))
            .filter(({ article, text }) => (article.title + " " + text).toLowerCase().includes(q))
            .map(({ article, text }) => {
              const at = Math.max(0, text.toLowerCase().indexOf(q));
              return { article, snippet: text.slice(Math.max(0, at - 30), at + 60), via: null };
            });
          // `fixture.otherScript`: { query: the actor's name in the other script }, as the
          // registry answers: the articles naming it that way follow, marked with the name
          const via = (fixture.otherScript ?? {})[args.query];
          if (via) {
            for (const article of articles) {
              const text = detail(article.id).text;
              const at = text.indexOf(via);
              if (at < 0 || hits.some((h) => h.article.id === article.id)) continue;
              hits.push({ article, snippet: text.slice(Math.max(0, at - 30), at + 60), via });
            }
          }
          return hits;
        }
        case "import_paths": {
          const plan = fixture.import ?? { files: [] };
          const total = plan.files.length;
          window.__cancelImport = false;
          let done = 0;
          for (; done < total; done++) {
            // like the core: Cancel stops before the next file is stored
            if (window.__cancelImport) break;
            await emit("import-progress", { done, total, current: plan.files[done].path });
            if (done === 0 && plan.gate) {
              await new Promise((ok) => (window.__releaseImport = ok));
            }
          }
          const cancelled = done < total ? { done, total } : null;
          await emit("import-progress", { done, total, current: "" });
          const files = plan.files.slice(0, done);
          if (!cancelled) articles = articles.concat(plan.added ?? []);
          const count = (status) => files.filter((f) => f.status === status).length;
          return {
            files,
            cancelled,
            imported: count("imported"),
            duplicates: count("duplicate"),
            failed: count("failed"),
          };
        }
        case "cancel_import":
          window.__cancelImport = true;
          return null;
        // the workbench: a small registry and alignment, edited in memory
        // answers are copies, as a real back end's are (the app must never share objects with it)
        case "list_actors":
          return copy(wb.actors);
        case "edit_actor": {
          const e = args.edit;
          wb.history.push(JSON.stringify(wb.actors));
          const find = (key) => {
            const actor = wb.actors.find((a) => a.key === key);
            if (!actor) throw { code: "not_found", message: `no actor is called "${key}"` };
            return actor;
          };
          if (e.op === "merge") {
            const a = find(e.a);
            const b = find(e.b);
            a.aliases = [...a.aliases, b.name, ...b.aliases];
            a.statements += b.statements;
            const counts = new Map(a.outlets.map((o) => [o.outlet, o.statements]));
            for (const o of b.outlets) counts.set(o.outlet, (counts.get(o.outlet) ?? 0) + o.statements);
            a.outlets = [...counts].sort().map(([outlet, statements]) => ({ outlet, statements }));
            a.mentions = [...a.mentions, ...b.mentions];
            wb.actors = wb.actors.filter((x) => x !== b);
          } else if (e.op === "rename") {
            find(e.actor).name = e.name;
          } else if (e.op === "add_alias") {
            find(e.actor).aliases.push(e.alias);
          } else if (e.op === "remove_alias") {
            const a = find(e.actor);
            a.aliases = a.aliases.filter((x) => x !== e.alias);
          } else if (e.op === "split") {
            const a = find(e.actor);
            const moved = a.mentions.filter((m) => e.mentions.includes(m.id));
            a.mentions = a.mentions.filter((m) => !e.mentions.includes(m.id));
            wb.actors.push({ ...a, key: e.name.toLowerCase(), name: e.name, aliases: [], mentions: moved });
          }
          wb.actors = [...wb.actors];
          return null;
        }
        case "undo_actor_edit": {
          const last = wb.history.pop();
          if (last === undefined) return false;
          wb.actors = JSON.parse(last);
          return true;
        }
        case "coverage_matrix":
          return wb.coverage;
        case "actor_groups":
          return wb.groups[args.actor] ?? [];
        case "article_statements":
          return wb.statements[args.id] ?? [];
        // statement corrections: applied to the fake's statements; undo restores the copy
        // taken before the latest one, redo applies the stored form again
        case "correct_statement":
        case "redo_statement_correction": {
          const edit = cmd === "correct_statement" ? args.edit : args.correction;
          wb.corrections ??= [];
          wb.corrections.push({ edit, before: copy(wb.statements) });
          const all = Object.values(wb.statements).flat();
          const target = all.find((s) => s.id === edit.statement);
          const article = edit.op === "add" ? edit.article : target?.article;
          if (edit.op !== "add" && !target) throw { code: "not_found", message: `no statement has id ${edit.statement}` };
          const rows = wb.statements[article] ?? [];
          if (edit.op === "delete") wb.statements[article] = rows.filter((s) => s.id !== edit.statement);
          if (edit.op === "set_actor") target.actor = target.speaker = edit.actor;
          if (edit.op === "set_kind") target.kind = edit.kind;
          if (edit.op === "set_words") target.text = edit.words;
          if (edit.op === "add") {
            const id = 100 + wb.corrections.length;
            wb.statements[article] = [
              ...rows,
              { id, article, actor: edit.actor, speaker: edit.actor, kind: edit.kind, cue: edit.cue, stance: "neutral", text: edit.words, start: 0, end: 0 },
            ];
          }
          const label = { delete: "statement deleted", add: `statement by ${edit.actor} added` }[edit.op] ?? edit.op;
          return cmd === "correct_statement" ? { correction: edit, label } : null;
        }
        case "undo_statement_correction": {
          const last = (wb.corrections ?? []).pop();
          if (!last) return null;
          wb.statements = last.before;
          return { correction: last.edit, label: "undone" };
        }
        case "list_annotations":
          return copy(wb.annotations.filter((a) => a.note !== null || a.tags.length > 0));
        case "annotation_of":
          return copy(annotationOf(args.target));
        case "set_note": {
          if (!/^(article|statement|actor|group):./.test(args.target)) {
            throw { code: "invalid_input", message: `"${args.target}" is not a target` };
          }
          const a = annotationOf(args.target);
          a.note = args.text.trim() === "" ? null : args.text;
          return null;
        }
        case "add_tag": {
          const a = annotationOf(args.target);
          if (!a.tags.includes(args.tag)) a.tags = [...a.tags, args.tag].sort();
          return null;
        }
        case "remove_tag": {
          const a = annotationOf(args.target);
          a.tags = a.tags.filter((t) => t !== args.tag);
          return null;
        }
        case "search_notes": {
          const q = args.query.toLowerCase();
          return wb.annotations
            .filter((a) => a.note !== null && a.note.toLowerCase().includes(q))
            .map((annotation) => copy({ annotation, snippet: annotation.note }));
        }
        // `fixture.embedding`: { model, needed, embedded, missing, gate } — the project's
        // sentence vectors; by default all there, nothing missing
        case "embedding_status": {
          const e = fixture.embedding ?? {};
          return {
            model: e.model === undefined ? "e5-test" : e.model,
            needed: e.needed ?? 0,
            embedded: e.embedded ?? 0,
            missing: e.missing ?? [],
          };
        }
        case "embed_pending": {
          const e = fixture.embedding ?? {};
          if (!e.model && e.model !== undefined) return { embedded: 0, cancelled: false };
          const total = (e.needed ?? 0) - (e.embedded ?? 0);
          window.__cancelEmbedding = false;
          let done = 0;
          while (done < total) {
            if (done > 0 && (window.__embedGate ?? e.gate)) await new Promise((ok) => (window.__releaseEmbed = ok));
            if (window.__cancelEmbedding) break;
            done = Math.min(total, done + 32);
            (window.__embedProgress ??= []).push({ done, total });
            await emit("embed-progress", { done, total });
          }
          e.embedded = (e.embedded ?? 0) + done;
          return { embedded: done, cancelled: done < total };
        }
        case "prepare_analysis":
          window.__prepared = (window.__prepared ?? 0) + 1;
          return null;
        case "cancel_embedding":
          window.__cancelEmbedding = true;
          window.__releaseEmbed?.();
          return null;
        // reports and exports: the preview counts the articles whose outlet matches, and
        // its HTML is `fixture.exportHtml` (hostile in the tests, to prove the frame runs nothing)
        case "export_preview": {
          const r = args.request;
          const chosen = articles.filter(
            (a) => r.outlets.length === 0 || r.outlets.some((o) => (a.outlet ?? "").includes(o)),
          );
          const outlets = [...new Set(chosen.map((a) => a.outlet ?? "unknown outlet"))].sort();
          const report = ["html", "pdf", "docx", "md"].includes(r.format);
          return {
            summary: `${chosen.length} articles from ${outlets.length} outlets, ${chosen.length * 2} statements by 3 actors in 2 claim groups`,
            articles: chosen.length,
            statements: chosen.length * 2,
            actors: 3,
            claim_groups: 2,
            outlets,
            files: r.format === "csv" ? ["statements.csv", "actors.csv", "coverage.csv"] : [`study.${r.format}`],
            html: report ? (fixture.exportHtml ?? "<h1>Report</h1>") : null,
          };
        }
        case "export_write": {
          const csv = args.request.format === "csv";
          const path = csv || /\.[a-z]+$/.test(args.path) ? args.path : `${args.path}.${args.request.format}`;
          await emit("export-progress", { stage: "building", path: "" });
          if (fixture.exportGate) await new Promise((ok) => (window.__releaseExport = ok));
          await emit("export-progress", { stage: "writing", path });
          return {
            files: csv ? ["statements.csv", "actors.csv", "coverage.csv"].map((f) => `${path}/${f}`) : [path],
            summary: "8 articles",
          };
        }
        case "plugin:dialog|open":
          return fixture.dialog?.open ?? null;
        case "plugin:dialog|save":
          return fixture.dialog?.save ?? null;
        default:
          throw { code: "internal", message: `the fake back end has no command ${cmd}` };
      }
    },
    { shouldMockEvents: true },
  );
}

/**
 * Opens the app in a new page with a fake back end built from `fixture`. Collects page errors
 * and console errors, which the tests assert are empty where nothing should fail.
 */
export async function openApp(context, appUrl, fixture = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  await page.addInitScript({ content: mocksScript });
  await page.addInitScript(installFakeBackend, fixture);
  await page.goto(appUrl);
  return { page, problems };
}

/** The commands the app sent to the fake back end, in order (without event plumbing). */
export async function ipcCalls(page) {
  const calls = await page.evaluate(() => window.__ipcCalls);
  return calls.filter((c) => !c.cmd.startsWith("plugin:event|"));
}

/** Emits a back-end event (as the Rust side or the shell would). */
export function emit(page, event, payload) {
  return page.evaluate(([e, p]) => window.__emit(e, p), [event, payload]);
}
