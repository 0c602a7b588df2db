/**
 * npm run build: data pipeline, then Eleventy (which builds the browser assets first)
 * into a staging folder that replaces _site/ only when everything succeeded.
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildReport } from "../src/site/build-report.ts";
import { siteUrlProblem } from "../src/site/site-url.ts";
import { replaceDirectory } from "./lib/atomic.ts";
import {
  buildInputsKey,
  editedInPlace,
  outputFileEntries,
  outputFiles,
  outputUnchanged,
  readStamp,
  writeStamp,
} from "./lib/build-stamp.ts";
import { runCli } from "./lib/cli.ts";
import { collectNow, tightenHeap } from "./lib/memory.ts";
import { ProblemError } from "./lib/problems.ts";
import { isPageFactsFile, pageFactsFile, planShards, shardSize } from "./lib/shards.ts";

export interface BuildOptions {
  root: string;
  /** Output folder relative to root (default _site). */
  outDir?: string;
  /** Eleventy input folder relative to root (default src). */
  input?: string;
  quiet?: boolean;
  /** Run the data pipeline first (default true). False builds from the generated/ already there (test fixtures, benchmarks). */
  pipeline?: boolean;
  /**
   * Keep the output as it is when nothing the build reads changed since the last build into
   * it and nobody touched the output since (default true; scripts/lib/build-stamp.ts).
   * `ATLAS_FULL_BUILD=1` sets it false.
   */
  reuse?: boolean;
  log?: (line: string) => void;
}

/**
 * `entries`, with a full collection every `every` of them. The stamp's walk over the output
 * (90,000 files on 10,000 stories: a name, a path and a file's status each) comes at the end
 * of the build, on top of what the build still holds, and its garbage was the build's peak.
 */
function* collectingEvery<T>(entries: Iterable<T>, every: number): Generator<T> {
  let n = 0;
  for (const entry of entries) {
    if (++n % every === 0) collectNow();
    yield entry;
  }
}

/** The page writer's facts files in `cache` (src/site/page-writer.ts): one per shard of a build in shards, one for a build in one process. */
function factsFiles(cache: string): string[] {
  return existsSync(cache) ? readdirSync(cache).filter(isPageFactsFile) : [];
}

export async function buildSite(options: BuildOptions): Promise<{ pages: number; ms: number; report?: BuildReport; reused?: boolean }> {
  const { root, log = console.log } = options;
  const started = performance.now();
  // An address the site cannot be published at stops the build before it does any work.
  const badAddress = siteUrlProblem(process.env.SITE_URL);
  if (badAddress) throw new ProblemError([badAddress], "The site cannot be built for that address");
  let rebuilt: string[] | undefined;
  if (options.pipeline !== false) {
    // Loaded only when it runs: the pipeline's modules (turf…) take ~0.7 s to load.
    const { runPipeline } = await import("./lib/pipeline.ts");
    ({ rebuilt } = await runPipeline({ root, mirror: process.env.BOUNDARIES_MIRROR || undefined, log: (l) => log(`data: ${l}`) }));
  }
  const outDir = options.outDir ?? "_site";
  const output = join(root, outDir);
  // Nothing changed since the last build into this folder, which nobody touched since: keep it.
  const stampFile = join(root, ".cache", "build", `${outDir.replace(/[^A-Za-z0-9_.-]/g, "_")}.json`);
  const input = join(root, options.input ?? "src");
  const key = buildInputsKey(root, input, [...new Set([join(root, "scripts"), dirname(fileURLToPath(import.meta.url))])], {
    input: options.input ?? "src",
    outDir,
  });
  const reuse = options.reuse ?? process.env.ATLAS_FULL_BUILD !== "1";
  let last = readStamp<BuildReport>(stampFile);
  // The output as it is now, read once: unchanged since the last build, or edited in place.
  let now = last ? outputFiles(output) : {};
  if (reuse && last?.key === key && outputUnchanged(now, last.files)) {
    const ms = Math.round(performance.now() - started);
    log(
      `site: nothing changed since the last build (sources, data, code, settings and ${outDir}/ as they were): ${last.pages} pages kept in ${outDir}/ (${ms} ms; ATLAS_FULL_BUILD=1 builds again anyway)`,
    );
    // The lines as the last build printed them (without data rebuilt: the data step rebuilt nothing that changed).
    if (last.lines && !rebuilt?.length) for (const line of last.lines) log(line);
    else if (last.report) {
      const { buildReportLines } = await import("../src/site/build-report-text.ts");
      for (const line of buildReportLines(last.report, { reportPath: `${outDir}/build-report.html`, rebuilt })) log(line);
    }
    return { pages: last.pages, ms, report: last.report, reused: true };
  }
  rmSync(stampFile, { force: true });
  // A file of the output edited in place changed the cache entry it is a hard link of: drop the caches the output links into.
  const edited = last ? editedInPlace(now, last.files) : [];
  if (edited.length) {
    log(
      `${edited.length} file${edited.length === 1 ? "" : "s"} of ${outDir}/ edited in place since the last build (${edited.slice(0, 3).join(", ")}${edited.length > 3 ? ", …" : ""}): the files of ${outDir}/ are hard links into .cache/, so the page, share-card and search caches are made again (replace a built file, never edit it)`,
    );
    const cache = join(root, ".cache");
    for (const kind of ["pages", ...factsFiles(cache), "share-cards", "pagefind"])
      rmSync(join(cache, kind), { recursive: true, force: true });
  }
  // Not kept while the site is built: on 10,000 stories, 50,000 files' sizes and times each.
  last = undefined;
  now = {};
  let pages = 0;
  let report: BuildReport | undefined;
  // An archive larger than a shard is built in shards, one process each (scripts/lib/shards.ts).
  const plan = planShards(input, join(root, ".cache", "shards"), shardSize());
  const [{ pruneUnlinked }, { buildInShards, madeLines }] = await Promise.all([
    import("./lib/content-cache.ts"),
    import("./lib/shard-run.ts"),
  ]);
  const previous = process.env.ATLAS_SKIP_DATA;
  process.env.ATLAS_SKIP_DATA = "1";
  try {
    await replaceDirectory(
      output,
      async (staging) => {
        if (plan) {
          // What the stamp's check read (every input file, every output file's size and time) is garbage now.
          collectNow();
          ({ pages, report } = await buildInShards(plan, { root, input, output: staging, log }));
          // The site's shard ran in this process: its garbage is not kept beside the stamp's file list.
          collectNow();
          return;
        }
        // Loaded only for a build that runs here: Eleventy and the site's code take seconds to load.
        const [{ takeBuildReport }, { atlasSite }, { atlasEleventy }, { findProblemError, leaveProblemsToUs }] = await Promise.all([
          import("../src/site/build-report-output.ts"),
          import("../src/site/eleventy.ts"),
          import("./lib/atlas-eleventy.ts"),
          import("./lib/eleventy-problems.ts"),
        ]);
        const site = atlasEleventy(input, staging, {
          quietMode: options.quiet ?? true,
          configPath: join(root, ".eleventy.js"),
        });
        leaveProblemsToUs(site.eleventy);
        try {
          await site.render();
          pages = atlasSite().writer.all().length;
          for (const line of madeLines(atlasSite().made())) log(line);
        } catch (error) {
          throw findProblemError(error) ?? error;
        }
        // Written by the Eleventy plugin (src/site/build-report-output.ts) into the output folder.
        report = takeBuildReport();
      },
      { background: true },
    );
  } finally {
    if (previous === undefined) delete process.env.ATLAS_SKIP_DATA;
    else process.env.ATLAS_SKIP_DATA = previous;
  }
  // Pages and share cards of earlier builds that the new output does not link to.
  for (const kind of ["pages", "share-cards"]) await pruneUnlinked(join(root, ".cache", kind), pages);
  // The page facts of shards this build did not have (fewer shards than before, or none).
  const used = plan ? plan.shards.map((_, i) => pageFactsFile(i)).concat(pageFactsFile(plan.shards.length)) : [pageFactsFile()];
  for (const file of factsFiles(join(root, ".cache"))) if (!used.includes(file)) rmSync(join(root, ".cache", file), { force: true });
  const ms = Math.round(performance.now() - started);
  log(`site: ${pages} pages written to ${outDir}/ in ${ms} ms`);
  const [{ buildReportLines }, { briefReport }] = await Promise.all([
    import("../src/site/build-report-text.ts"),
    import("../src/site/build-report.ts"),
  ]);
  const reportPath = `${outDir}/build-report.html`;
  const printed = report ? buildReportLines(report, { reportPath, rebuilt }) : [];
  // Kept without the data step's lines: a build with nothing to do ran no data step that changed anything.
  const lines = report && rebuilt?.length ? buildReportLines(report, { reportPath }) : printed;
  writeStamp(stampFile, {
    key,
    files: collectingEvery(outputFileEntries(output), 25_000),
    pages,
    report: report && briefReport(report),
    lines,
  });
  for (const line of printed) log(line);
  return { pages, ms, report };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // A build from the command line keeps its heap close to what it holds (scripts/lib/memory.ts).
  tightenHeap();
  // ATLAS_SKIP_DATA=1: build the pages from the generated/ already there, without the pipeline.
  await runCli(() => buildSite({ root: process.cwd(), pipeline: process.env.ATLAS_SKIP_DATA !== "1" }));
}
