/**
 * npm run build: data pipeline, then Eleventy (which builds the browser assets first)
 * into a staging folder that replaces _site/ only when everything succeeded.
 */
import { join } from "node:path";
import type { BuildReport } from "../src/site/build-report.ts";
import { takeBuildReport } from "../src/site/build-report-output.ts";
import { buildReportLines } from "../src/site/build-report-text.ts";
import { atlasSite } from "../src/site/eleventy.ts";
import { atlasEleventy } from "./lib/atlas-eleventy.ts";
import { replaceDirectory } from "./lib/atomic.ts";
import { runCli } from "./lib/cli.ts";
import { pruneUnlinked } from "./lib/content-cache.ts";
import { findProblemError, leaveProblemsToUs } from "./lib/eleventy-problems.ts";

export interface BuildOptions {
  root: string;
  /** Output folder relative to root (default _site). */
  outDir?: string;
  /** Eleventy input folder relative to root (default src). */
  input?: string;
  quiet?: boolean;
  /** Run the data pipeline first (default true). False builds from the generated/ already there (test fixtures, benchmarks). */
  pipeline?: boolean;
  log?: (line: string) => void;
}

export async function buildSite(options: BuildOptions): Promise<{ pages: number; ms: number; report?: BuildReport }> {
  const { root, log = console.log } = options;
  const started = performance.now();
  let rebuilt: string[] | undefined;
  if (options.pipeline !== false) {
    // Loaded only when it runs: the pipeline's modules (turf…) take ~0.7 s to load.
    const { runPipeline } = await import("./lib/pipeline.ts");
    ({ rebuilt } = await runPipeline({ root, mirror: process.env.BOUNDARIES_MIRROR || undefined, log: (l) => log(`data: ${l}`) }));
  }
  let pages = 0;
  const previous = process.env.ATLAS_SKIP_DATA;
  process.env.ATLAS_SKIP_DATA = "1";
  try {
    await replaceDirectory(join(root, options.outDir ?? "_site"), async (staging) => {
      const site = atlasEleventy(join(root, options.input ?? "src"), staging, {
        quietMode: options.quiet ?? true,
        configPath: join(root, ".eleventy.js"),
      });
      leaveProblemsToUs(site.eleventy);
      try {
        await site.render();
        pages = atlasSite().writer.all().length;
        const m = atlasSite().made();
        log(
          `cache: ${m.figuresDrawn} figure${m.figuresDrawn === 1 ? "" : "s"} drawn, ${m.pagesWritten} of ${m.pagesWritten + m.pagesLinked} files written (the others unchanged), ${m.cardsDrawn} of ${m.cards} share cards drawn`,
        );
        log(
          `steps: ${Object.entries(m.steps)
            .map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`)
            .join(", ")}`,
        );
      } catch (error) {
        throw findProblemError(error) ?? error;
      }
    });
  } finally {
    if (previous === undefined) delete process.env.ATLAS_SKIP_DATA;
    else process.env.ATLAS_SKIP_DATA = previous;
  }
  // Pages and share cards of earlier builds that the new output does not link to.
  for (const kind of ["pages", "share-cards"]) await pruneUnlinked(join(root, ".cache", kind), pages);
  const ms = Math.round(performance.now() - started);
  log(`site: ${pages} pages written to ${options.outDir ?? "_site"}/ in ${ms} ms`);
  // Written by the Eleventy plugin (src/site/build-report-output.ts) into the output folder.
  const report = takeBuildReport();
  if (report)
    for (const line of buildReportLines(report, { reportPath: `${options.outDir ?? "_site"}/build-report.html`, rebuilt })) log(line);
  return { pages, ms, report };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // ATLAS_SKIP_DATA=1: build the pages from the generated/ already there, without the pipeline.
  await runCli(() => buildSite({ root: process.cwd(), pipeline: process.env.ATLAS_SKIP_DATA !== "1" }));
}
