/**
 * The preview's build process, started by `npm start` (scripts/dev.ts) and kept alive
 * between saves. It holds Eleventy (its templates, data and collections, read once), the
 * atlas's dataset store, figure cache and page writer, and esbuild's contexts, and answers
 * each batch of changed files with the least work that brings the preview up to date:
 *
 * - a story's text or a figure spec (front matter unchanged, same figures by id and title):
 *   that page alone is rendered again through Eleventy's own template and layouts, its
 *   figures drawn or taken from the cache, and written with the embed pages that changed
 *   (and the feed, which holds the newest stories' text);
 * - browser code: esbuild's `rebuild()`; the pages name the bundles without a hash;
 * - a file in data/: the data pipeline (`runPipeline`, which rebuilds only the datasets
 *   whose inputs changed), then the pages whose figures read those datasets (what the
 *   manifest publishes as `used_by`) and the pages that are not Markdown (district pages,
 *   the about page, which show rows without a figure), written only where they changed;
 * - anything else (a new or deleted page, front matter, the last build failed): Eleventy
 *   renders every page again, and the writer rewrites only the files whose content changed.
 *
 * The site's own TypeScript (layouts, figure kinds, this code) is not reloaded here: the
 * preview replaces this process (modules cannot be unloaded from a Node process).
 */
import { readFileSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { FEED_ENTRIES } from "../../src/feed.11ty.ts";
import { LANGS } from "../../src/lib/i18n/index.ts";
import { type AtlasSite, atlasSite } from "../../src/site/eleventy.ts";
import { allStoryNumberProblems, checkStoryData, type StoryData } from "../../src/site/story-front-matter.ts";
import { isStoryPath } from "../../src/site/story-schedule.ts";
import { type PageData, storiesNewestFirst } from "../../src/site/types.ts";
import { atlasEleventy } from "../lib/atlas-eleventy.ts";
import type { FailureReport } from "../lib/cli.ts";
import { findProblemError, leaveProblemsToUs } from "../lib/eleventy-problems.ts";
import { isProblemError, ProblemError } from "../lib/problems.ts";

/** What the worker tells the preview server. */
export type WorkerMessage =
  | { type: "built"; how: "full" | "pages" | "assets" | "data"; ms: number; written: string[]; stylesheetsOnly?: boolean }
  | { type: "failed"; ms: number; failure: FailureReport };

/** A page of Eleventy's last build, as its template map holds it (the parts the worker uses). */
interface PageEntry {
  rawInput: string;
  templateContent: unknown;
  inputPath: string;
  url: string;
  data: { page: { rawInput?: string } };
  template: {
    /** Eleventy's memo of the page's rendering, without and with its layouts. */
    _cacheRenderedPromise?: unknown;
    _cacheRenderedTransformsAndLayoutsPromise?: unknown;
    renderPageEntryWithoutLayout(page: PageEntry): Promise<string>;
    renderPageEntry(page: PageEntry): Promise<string>;
  };
}

interface MapEntry {
  inputPath: string;
  _pages?: PageEntry[];
}

interface Internals {
  writer: { templateMap?: { getMap(): MapEntry[] } };
}

const root = process.cwd();
const outDir = join(root, ".cache", "preview");
const site = atlasEleventy("src", relative(root, outDir), { quietMode: true, configPath: join(root, ".eleventy.js") });
leaveProblemsToUs(site.eleventy);
let atlas: AtlasSite | undefined;
/** Front matter (the text above each Markdown page's body) at the last full build: a page whose front matter changes needs a full build. */
let heads = new Map<string, string>();
/** The datasets each page that is not Markdown read when the preview last rendered it alone (learnt at the first data edit). */
let reads = new Map<string, string[]>();
/** The last build failed: in the pages of these files (rendered alone), or anywhere ("all": the next build is a full one). */
let failing: Set<string> | "all" = "all";

function send(message: WorkerMessage | { type: "ready" }): void {
  process.send?.(message);
}

function failureOf(error: unknown): FailureReport {
  const problem = findProblemError(error);
  if (problem && isProblemError(problem)) return { problems: problem.problems };
  return { problems: [], crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

function entries(): MapEntry[] {
  return (site.eleventy as unknown as Internals).writer.templateMap?.getMap() ?? [];
}

const abs = (inputPath: string) => resolve(root, inputPath);

async function fullBuild(): Promise<string[]> {
  await site.render();
  atlas ??= atlasSite();
  heads = new Map();
  reads = new Map();
  for (const entry of entries()) {
    const page = entry._pages?.length === 1 ? entry._pages[0]! : undefined;
    if (!page || !entry.inputPath.endsWith(".md")) continue;
    const text = readFileSync(abs(entry.inputPath), "utf8");
    // The body Eleventy rendered is the file's end: what is above it is the front matter.
    if (text.endsWith(page.rawInput)) heads.set(abs(entry.inputPath), text.slice(0, text.length - page.rawInput.length));
  }
  return atlas.writer.takeWritten();
}

/** Render one page of the last build again, through its own template and layouts (the writer writes it). */
async function renderAgain(page: PageEntry): Promise<void> {
  // Only the memos: Template.resetCaches({ render: true }) would also drop the template's
  // engine, and a TypeScript template would be imported again (hundreds of milliseconds).
  delete page.template._cacheRenderedPromise;
  delete page.template._cacheRenderedTransformsAndLayoutsPromise;
  const t0 = performance.now();
  page.templateContent = await page.template.renderPageEntryWithoutLayout(page);
  T(`  content ${page.url}`, t0);
  await page.template.renderPageEntry(page);
  T(`  layout+write ${page.url}`, t0);
}

function pageOf(path: string): PageEntry | undefined {
  const entry = entries().find((e) => abs(e.inputPath) === path);
  return entry?._pages?.length === 1 ? entry._pages[0] : undefined;
}

/** URLs of the stories the feeds hold (each edition's newest), as the feed templates pick them. */
function feedStories(): Set<string> {
  const feed = entries().find((e) => e.inputPath.endsWith("feed.11ty.ts"))?._pages?.[0];
  const collections = (feed?.data as { collections?: PageData["collections"] } | undefined)?.collections;
  if (!collections) return new Set();
  return new Set(
    LANGS.flatMap((lang) =>
      storiesNewestFirst(collections, lang)
        .slice(0, FEED_ENTRIES)
        .map((s) => s.url),
    ),
  );
}

const figureNames = (file: string) =>
  atlas!.figures
    .ofPage(file)
    .map((f) => `${f.id}\0${f.title}`)
    .join("\n");

const T = process.env.ATLAS_PREVIEW_TIMING
  ? (label: string, t0: number) => console.error(`[t] ${label} ${Math.round(performance.now() - t0)} ms`)
  : () => {};

/** The file's text, or undefined when it was deleted. */
function readSaved(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Render the changed Markdown pages again, if each can be rendered alone (its front matter
 * unchanged); false when a full build is needed. A page whose figures changed id or title
 * is listed elsewhere (district pages): then every page that is not Markdown is rendered
 * again too (the writer rewrites those that changed).
 */
async function renderPages(paths: string[]): Promise<boolean> {
  const t0 = performance.now();
  const pages: { page: PageEntry; body: string; figures: string }[] = [];
  for (const path of paths) {
    const page = pageOf(path);
    const head = heads.get(path);
    let text = readSaved(path);
    // A save caught halfway (the file emptied, not yet written) is read again.
    for (
      let wait = 0;
      text !== undefined && head !== undefined && !text.startsWith(head) && text.length < head.length && wait < 5;
      wait++
    ) {
      await new Promise((r) => setTimeout(r, 20));
      text = readSaved(path);
    }
    if (!page || head === undefined || text === undefined || !text.startsWith(head)) return false;
    pages.push({ page, body: text.slice(head.length), figures: figureNames(path) });
  }
  // A story's text is checked as the full build checks it: every number it gives stands in the data.
  for (const { page } of pages) if (isStoryPath(page.inputPath)) checkStoryData(page.data as unknown as StoryData);
  T("found", t0);
  for (const { page, body } of pages) {
    page.rawInput = body;
    page.data.page.rawInput = body;
    await renderAgain(page);
  }
  T("rendered", t0);
  // An English page's figures are drawn in Korean too: their /ko/embed/ pages and map files,
  // and the Korean pages that show them (`use:`), rendered again when a drawing changed.
  const redrawn = new Set<string>();
  for (const { page } of pages)
    for (const f of atlas!.figures.koreanDrawings(abs(page.inputPath), join(root, "src")))
      if (await atlas!.writer.embed(f.key)) redrawn.add(f.id);
  const edited = new Set(pages.map(({ page }) => abs(page.inputPath)));
  const korean: PageEntry[] = [];
  for (const file of atlas!.figures.pagesUsing([...redrawn])) {
    const page = edited.has(abs(file)) ? undefined : pageOf(abs(file));
    if (page) korean.push(page);
  }
  for (const page of korean) await renderAgain(page);
  T("korean", t0);
  const listed = pages.some(({ page, figures }) => figureNames(abs(page.inputPath)) !== figures);
  // The data catalogue lists the figures by title, from the `figures` global data.
  if (listed) atlas!.listFigures();
  const inFeed = [...pages.map(({ page }) => page), ...korean].some((page) => feedStories().has(page.url));
  for (const entry of entries()) {
    // The feed holds the newest stories' text; other templates list figures by title.
    if (entry.inputPath.endsWith(".md") || !(listed || (inFeed && entry.inputPath.endsWith("feed.11ty.ts")))) continue;
    for (const page of entry._pages ?? []) await renderAgain(page);
  }
  T("others", t0);
  return true;
}

/** Copy the data files of the site (downloads) that changed (as Eleventy's passthrough copy does). */
async function copyData(names: string[]): Promise<void> {
  const store = atlas!.store;
  await mkdir(join(outDir, "data"), { recursive: true });
  for (const name of names) {
    const info = store.info(name);
    if (!info) continue;
    for (const file of [info.files.csv, info.files.geojson])
      if (file) await copyFile(join(store.dir, file.path), join(outDir, "data", file.path));
  }
  await copyFile(join(store.dir, "sources.json"), join(outDir, "data", "sources.json"));
}

async function handle(files: string[]): Promise<void> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const paths = files.map((f) => resolve(root, f));
  const rel = (p: string) => relative(root, p).split("\\").join("/");
  const data = paths.filter((p) => rel(p).startsWith("data/"));
  const assets = paths.filter((p) => rel(p).startsWith("src/assets/"));
  const pages = paths.filter((p) => rel(p).startsWith("src/") && p.endsWith(".md") && !rel(p).startsWith("src/_"));
  const other = paths.filter((p) => !data.includes(p) && !assets.includes(p) && !pages.includes(p));
  // After a failure, a full build — unless it failed in pages rendered alone and only they changed.
  const before = failing;
  const full = other.length > 0 || before === "all" || [...before].some((f) => !pages.includes(f));
  // Until this build succeeds: a failure anywhere but in pages rendered alone needs a full build next.
  failing = "all";
  try {
    if (full) {
      const written = await fullBuild();
      failing = new Set();
      return send({ type: "built", how: "full", ms: ms(), written });
    }
    const a = atlas!;
    a.writer.takeWritten();
    a.writer.startBatch();
    if (data.length) {
      const { runPipeline } = await import("../lib/pipeline.ts");
      const { rebuilt } = await runPipeline({ root, mirror: process.env.BOUNDARIES_MIRROR || undefined, log: () => {} });
      T("pipeline", started);
      a.store.reset();
      if (rebuilt.length) {
        // An edited row can take away a number any story gives, whether or not a figure of
        // that story reads the dataset: every story's numbers are checked again, as the
        // full build checks them.
        const numbers = allStoryNumberProblems(join(root, "src"), a.store.dir);
        if (numbers.length) throw new ProblemError(numbers, "Stories give numbers the edited data no longer holds");
        // The district pages are made from the districts dataset (Eleventy's pagination): a full build.
        if (rebuilt.includes("districts")) {
          const written = await fullBuild();
          failing = new Set();
          return send({ type: "built", how: "full", ms: ms(), written });
        }
        await copyData(rebuilt);
        // The pages whose figures read the datasets (the dataset → figure → page graph),
        // the feed if it holds one of them, and the pages that are not Markdown and read
        // one of the datasets themselves (district pages, the about page): written only
        // where their content changed.
        const using = new Set(a.figures.pagesReading(rebuilt).map((file) => resolve(root, file)));
        const inFeed = [...using].some((path) => feedStories().has(pageOf(path)?.url ?? ""));
        // Markdown pages first: the feed holds their content.
        for (const markdown of [true, false]) {
          for (const entry of entries()) {
            if (entry.inputPath.endsWith(".md") !== markdown || (markdown && !using.has(abs(entry.inputPath)))) continue;
            const isFeed = entry.inputPath.endsWith("feed.11ty.ts");
            for (const page of entry._pages ?? []) {
              const known = reads.get(page.url);
              if (!markdown && known && !known.some((d) => d === "*" || rebuilt.includes(d)) && !(isFeed && inFeed)) continue;
              const t = performance.now();
              const recording = a.store.record();
              await renderAgain(page);
              const read = recording.stop();
              if (!markdown) reads.set(page.url, read);
              T(`  ${page.url}`, t);
            }
          }
        }
        await a.writer.finish();
        await a.figures.flush();
        T("pages", started);
        failing = new Set();
        if (!assets.length && !pages.length) return send({ type: "built", how: "data", ms: ms(), written: a.writer.takeWritten() });
      }
    }
    if (assets.length) await a.assets!.build(outDir);
    if (pages.length) {
      failing = new Set(pages);
      const alone = await renderPages(pages);
      if (alone) {
        await a.writer.finish();
        await a.figures.flush();
      } else failing = "all";
      const written = alone ? a.writer.takeWritten() : await fullBuild();
      failing = new Set();
      return send({ type: "built", how: alone ? "pages" : "full", ms: ms(), written });
    }
    failing = new Set();
    const stylesheetsOnly = assets.length > 0 && assets.every((p) => p.endsWith(".css"));
    send({ type: "built", how: assets.length ? "assets" : "data", ms: ms(), written: [], stylesheetsOnly });
  } catch (error) {
    send({ type: "failed", ms: ms(), failure: failureOf(error) });
  }
}

// The preview server went away (stopped, or replaced this process): so does this process.
process.on("disconnect", () => process.exit(0));

let queue: Promise<void> = Promise.resolve();
process.on("message", (message: { type: "changes"; files: string[] }) => {
  if (message.type === "changes") queue = queue.then(() => handle(message.files));
});
send({ type: "ready" });
queue = queue.then(() => handle([]));
