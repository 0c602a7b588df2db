/**
 * npm start: the live preview. Builds the site, serves _site/ with live reload, and
 * rebuilds when a story, a layout, browser code, a file in data/ or pipeline code changes.
 * Each rebuild runs `scripts/build.ts` in a fresh process, so every change to TypeScript
 * is picked up, and the data step re-runs only when its inputs changed. A failed build
 * shows its problems (file:line, what is wrong, how to fix it) in the terminal and in the
 * browser, and the preview recovers as soon as the file is fixed.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import chokidar from "chokidar";
import type { FailureReport } from "./lib/cli.ts";
import { ERROR_CSS, errorPage } from "./lib/error-page.ts";

const root = process.cwd();
const argPort = process.argv.indexOf("--port");
const port = Number(argPort > 0 ? process.argv[argPort + 1] : (process.env.PORT ?? 8080));
const errorFile = join(root, ".cache", "last-build-error.json");
// The build script beside this one (the project being previewed is the working folder).
const buildScript = fileURLToPath(new URL("./build.ts", import.meta.url));

let failure: FailureReport | undefined;
let building = false;
let again = false;

function log(line: string): void {
  console.log(`[atlas] ${line}`);
}

async function build(reason: string): Promise<void> {
  if (building) {
    again = true;
    return;
  }
  building = true;
  const started = performance.now();
  log(`building (${reason})…`);
  rmSync(errorFile, { force: true });
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", buildScript, "--error-file", errorFile], {
      cwd: root,
      stdio: "inherit",
      // A preview needs no public address (the build report does not ask for SITE_URL).
      env: { ...process.env, ATLAS_PREVIEW: "1" },
    });
    child.on("exit", (c) => resolve(c ?? 1));
  });
  const ms = Math.round(performance.now() - started);
  if (code === 0) {
    failure = undefined;
    log(`built in ${ms} ms — http://localhost:${port}/`);
  } else {
    failure = existsSync(errorFile)
      ? (JSON.parse(readFileSync(errorFile, "utf8")) as FailureReport)
      : { problems: [], crash: `the build exited with code ${code}` };
    log(`build failed after ${ms} ms: the browser shows the problem until it is fixed`);
  }
  building = false;
  server.reload({});
  if (again) {
    again = false;
    await build("changes during the last build");
  }
}

const server = EleventyDevServer.getServer("atlas", join(root, "_site"), {
  port,
  liveReload: true,
  domDiff: false,
  showVersion: false,
  // While the last build failed, every page shows the problem instead of stale content.
  onRequest: {
    "/__atlas/error.css": () => ({ headers: { "content-type": "text/css" }, body: ERROR_CSS }),
    "/*": ({ url }: { url: URL }) => {
      if (!failure) return undefined;
      if (!(url.pathname.endsWith("/") || url.pathname.endsWith(".html"))) return undefined;
      return { status: 500, headers: { "content-type": "text/html; charset=utf-8" }, body: errorPage(failure) };
    },
  },
});

let timer: NodeJS.Timeout | undefined;
const changed = new Set<string>();
// The watcher is ready before the first build and before the server answers: a save made as
// soon as the first page is served is never missed (chokidar reports nothing until its first
// scan of the folders is done).
const watcher = chokidar
  .watch(["src", "data", "scripts/lib", ".eleventy.js"], {
    cwd: root,
    ignoreInitial: true,
    // Paths arrive absolute: judge them inside the project, so that a project in a folder
    // whose name starts with a dot is still watched.
    ignored: (path: string) => {
      const rel = relative(root, resolve(root, path)).split(sep).join("/");
      return rel.startsWith("data/raw") || /(^|\/)\.|~$|\.swp$/.test(rel);
    },
  })
  .on("all", (_event: string, path: string) => {
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...changed];
      changed.clear();
      void build(files.length === 1 ? files[0]! : `${files.length} files changed`);
    }, 150);
  });
await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
await build("start");
server.serve(port);
