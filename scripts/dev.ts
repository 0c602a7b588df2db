/**
 * npm start: the live preview at http://localhost:8080/. One build process
 * (scripts/preview/worker.ts) stays alive between saves and rebuilds only what a change
 * touches — one page for its text or a figure spec, the bundles for browser code, the
 * datasets and the pages that show them for a file in data/ — into .cache/preview/, which
 * this server serves with live reload. The search index and share cards are left out (the
 * preview's pages say so). A failed build shows its problems (file:line, what is wrong,
 * how to fix it) in the terminal and on every page, until a save fixes it. A change to the
 * site's own TypeScript (layouts, figure kinds, build code) starts a new build process,
 * which takes over once it has built the site: Node cannot unload modules it has imported.
 */
import { type ChildProcess, fork } from "node:child_process";
import { statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import chokidar from "chokidar";
import { build as esbuild } from "esbuild";
import { LANGS } from "../src/lib/i18n/index.ts";
import { FEATURE_STYLES } from "../src/site/assets-manifest.ts";
import { FONT_FAMILY } from "../src/site/fonts.ts";
import type { FailureReport } from "./lib/cli.ts";
import { ERROR_CSS, ERROR_JS, errorPage } from "./lib/error-page.ts";
import { formatProblem } from "./lib/problems.ts";
import type { WorkerMessage } from "./preview/worker.ts";

const root = process.cwd();
const argPort = process.argv.indexOf("--port");
const port = Number(argPort > 0 ? process.argv[argPort + 1] : (process.env.PORT ?? 8080));
const outDir = join(root, ".cache", "preview");
const workerScript = fileURLToPath(new URL("./preview/worker.ts", import.meta.url));
/** The page updater every preview page loads (scripts/preview/client.ts), bundled once. */
const CLIENT_JS = (
  await esbuild({
    entryPoints: [fileURLToPath(new URL("./preview/client.ts", import.meta.url))],
    bundle: true,
    format: "iife",
    target: "es2022",
    write: false,
    logLevel: "silent",
  })
).outputFiles[0]!.text;

/**
 * The note on the preview's pages (src/site/page-writer.ts), kept out of the site's CSS; in the
 * site's font, which draws its Korean (a system without a Korean font showed empty boxes).
 */
const PREVIEW_CSS = `
.atlas-preview-note { position: sticky; bottom: 0; margin: 0; padding: 0.4rem 1rem; font: 14px/1.4 "${FONT_FAMILY}", system-ui, sans-serif;
  background: #fff7d6; color: #1a1a1a; border-top: 1px solid #e0c97a; z-index: 1000; }
@media (prefers-color-scheme: dark) { .atlas-preview-note { background: #3a3214; color: #f5f0e0; border-color: #6b5d2a; } }
`;

function log(line: string): void {
  console.log(`[atlas] ${line}`);
}

let failure: FailureReport | undefined;
/**
 * What /__atlas/status reports: tests and the benchmark wait for the preview to be idle;
 * the benchmark reads when the last change was seen and when its reload was sent (epoch ms).
 */
const status = {
  builds: 0,
  busy: 0,
  last: undefined as WorkerMessage | undefined,
  worker: 0,
  seenAt: 0,
  reloadedAt: 0,
};

function reload(event: Parameters<typeof server.reload>[0]): void {
  server.reload(event);
  status.reloadedAt = Date.now();
}

/**
 * Every open page loads the error page: through the dev server's reload client, and through
 * the pages' own updaters (scripts/preview/client.ts), whose socket may be open before it.
 */
function showFailure(): void {
  reload({});
  server.sendUpdateNotification({ type: "eleventy.msg", message: "The build failed", atlas: { failed: true } });
}

const server = EleventyDevServer.getServer("atlas", outDir, {
  port,
  liveReload: true,
  domDiff: false,
  showVersion: false,
  // Bundles keep their names between saves in the preview: never from the browser's cache.
  headers: { "Cache-Control": "no-cache" },
  onRequest: {
    "/__atlas/error.css": () => ({ headers: { "content-type": "text/css" }, body: ERROR_CSS }),
    "/__atlas/error.js": () => ({ headers: { "content-type": "text/javascript" }, body: ERROR_JS }),
    "/__atlas/preview.css": () => ({ headers: { "content-type": "text/css" }, body: PREVIEW_CSS }),
    "/__atlas/preview.js": () => ({ headers: { "content-type": "text/javascript" }, body: CLIENT_JS }),
    "/__atlas/status": () => ({
      headers: { "content-type": "application/json", "cache-control": "no-store" },
      body: JSON.stringify({ ...status, failing: !!failure }),
    }),
    // While the last build failed, every page shows the problem instead of stale content.
    "/*": ({ url }: { url: URL }) => {
      if (!failure) return undefined;
      if (!(url.pathname.endsWith("/") || url.pathname.endsWith(".html"))) return undefined;
      return { status: 500, headers: { "content-type": "text/html; charset=utf-8" }, body: errorPage(failure) };
    },
  },
});

/** The preview's stylesheets (named without a hash: build-assets.ts), reloaded in place after a CSS edit. */
const STYLESHEETS = [...LANGS.map((lang) => `site-${lang}.css`), ...FEATURE_STYLES.map((f) => `${f}-style.css`)];

/** A build process; the current one answers changes, a new one takes over once it has built. */
let current: ChildProcess | undefined;
let next: ChildProcess | undefined;
/** Changes saved while a new build process starts: sent to it once it has built. */
let held: string[] = [];

function startWorker(reason: string): void {
  log(`${current ? "site code changed" : "starting"} (${reason}): building the site…`);
  const child = fork(workerScript, [], {
    cwd: root,
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ATLAS_PREVIEW: "1" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  status.worker++;
  status.busy++;
  next = child;
  child.on("message", (m: WorkerMessage | { type: "ready" }) => {
    if (m.type === "ready") return;
    if (child === next) {
      // The new process has built the site: it replaces the old one.
      const old = current;
      current = child;
      next = undefined;
      old?.kill();
      if (held.length) send(held.splice(0));
    }
    if (child === current) done(m);
  });
  child.on("exit", (code, signal) => {
    if (child !== current && child !== next) return;
    if (child === next) next = undefined;
    else current = undefined;
    status.busy = 0;
    failure = {
      problems: [],
      crash: `the preview's build process stopped (${signal ?? `exit code ${code}`}); save a file to start it again`,
    };
    log(failure.crash!);
    showFailure();
  });
}

function send(files: string[]): void {
  for (const f of files) sentAt.set(f, { mtime: mtimeOf(f), at: Date.now() });
  if (!current) startWorker(files[0] ?? "restart");
  else {
    status.busy++;
    current.send({ type: "changes", files });
  }
}

function done(m: WorkerMessage): void {
  status.last = m;
  status.busy = Math.max(0, status.busy - 1);
  status.builds++;
  if (status.busy === 0 && !next) modifiedSinceSent();
  if (m.type === "failed") {
    failure = m.failure;
    for (const p of m.failure.problems) console.error(formatProblem(p));
    if (m.failure.crash) console.error(m.failure.crash);
    log(`build failed after ${m.ms} ms: the browser shows the problem until it is fixed`);
    showFailure();
    return;
  }
  const recovered = !!failure;
  failure = undefined;
  log(
    `${m.how === "full" ? "built the site" : `rebuilt ${m.how}`} in ${m.ms} ms, ${m.written.length} file${m.written.length === 1 ? "" : "s"} written — http://localhost:${port}/`,
  );
  if (m.how === "assets" && m.stylesheetsOnly && !recovered)
    reload({ files: STYLESHEETS, subtype: "css", build: { stylesheets: STYLESHEETS.map((f) => `/assets/${f}`) } });
  else if (recovered || m.how === "assets") reload({ files: m.written });
  else if (m.written.length) update(m.written);
}

/**
 * Tell the open pages which files a save rewrote: each page's updater (scripts/preview/client.ts)
 * changes the page in place if it is one of them, or reloads it if it cannot; pages no save
 * touched stay as they are. Sent as the dev server's "message" (its own client logs it).
 */
function update(written: string[]): void {
  const files = written.map((f) => `/${relative(outDir, f).split(sep).join("/")}`);
  server.sendUpdateNotification({
    type: "eleventy.msg",
    message: `Rebuilt ${files.length} file${files.length === 1 ? "" : "s"}`,
    atlas: { written: files },
  });
  status.reloadedAt = Date.now();
}

/** The site's own code: a change needs a new build process. */
function isSiteCode(rel: string): boolean {
  if (rel === ".eleventy.js" || rel === "package-lock.json") return true;
  if (rel.startsWith("src/assets/")) return false;
  return /^(src\/.*|scripts\/(lib|preview)\/.*)\.(ts|mjs|js)$/.test(rel);
}

let timer: NodeJS.Timeout | undefined;
const changed = new Set<string>();
// The watcher is ready before the first build and before the server answers: a save made as
// soon as the first page is served is never missed (chokidar reports nothing until its first
// scan of the folders is done).
/**
 * When each file sent to the build process was last modified, as sent, and when it was sent.
 * Chokidar drops a second change to a file within 50 ms of the first, so a save made right
 * after another (say, the fix of a spec the last save broke, made as soon as the error page
 * shows) could be lost: once the build process is idle, and again a little later (past that
 * window), a file modified since it was sent is sent again.
 */
const sentAt = new Map<string, { mtime: number; at: number }>();
const DROP_WINDOW_MS = 50;

function mtimeOf(rel: string): number {
  try {
    return statSync(join(root, rel)).mtimeMs;
  } catch {
    return -1;
  }
}

function modifiedSinceSent(): void {
  const again: string[] = [];
  for (const [rel, sent] of sentAt) {
    if (mtimeOf(rel) !== sent.mtime) again.push(rel);
    // Past the window in which chokidar drops changes: a later save is reported as usual.
    if (mtimeOf(rel) !== sent.mtime || Date.now() - sent.at > 4 * DROP_WINDOW_MS) sentAt.delete(rel);
  }
  if (again.length) saw(again);
  else if (sentAt.size) setTimeout(() => status.busy === 0 && !next && modifiedSinceSent(), DROP_WINDOW_MS + 20);
}

function saw(files: string[]): void {
  if (!changed.size) status.seenAt = Date.now();
  for (const f of files) changed.add(f);
  clearTimeout(timer);
  // Editors write a file in several steps: wait for the burst to end.
  timer = setTimeout(() => {
    const files = [...changed];
    changed.clear();
    const code = files.filter(isSiteCode);
    if (code.length) {
      held = [];
      startWorker(code.length === 1 ? code[0]! : `${code.length} files`);
    } else if (next) held.push(...files);
    else send(files);
  }, 15);
}

const watcher = chokidar
  .watch(["src", "data", "scripts", ".eleventy.js", "package-lock.json"], {
    cwd: root,
    ignoreInitial: true,
    // Paths arrive absolute: judge them inside the project, so that a project in a folder
    // whose name starts with a dot is still watched.
    ignored: (path: string) => {
      const rel = relative(root, resolve(root, path)).split(sep).join("/");
      return rel.startsWith("data/raw") || /(^|\/)\.|~$|\.swp$/.test(rel);
    },
  })
  .on("all", (_event: string, path: string) => saw([relative(root, resolve(root, path)).split(sep).join("/")]));
await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
startWorker("start");
server.serve(port);
