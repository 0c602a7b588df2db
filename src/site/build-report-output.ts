/**
 * Writes the build report once Eleventy has written the pages: `build-report.html` and the
 * data manifest published at `/data/manifest.json` with each dataset's `used_by` (the
 * pipeline's `generated/manifest.json` stays as it wrote it). The report is also kept for
 * `scripts/build.ts`, which prints it in the terminal.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writePiecesAtomicSync } from "../../scripts/lib/json-pieces.ts";
import { type PageLoad, type PageRefs, pageLoads } from "../../scripts/lib/page-weight.ts";
import { type Problem, ProblemError } from "../../scripts/lib/problems.ts";
import type { FigureRef } from "../figures/site-figures.ts";
import type { Manifest } from "../lib/manifest.ts";
import { type BuildReport, collectBuildReport, publishedManifest, type ReportInput } from "./build-report.ts";
import { buildReportChunks, REPORT_URL } from "./build-report-page.ts";
import { fontManifest, pageFontProblems } from "./fonts.ts";

// Kept on globalThis rather than in this module: the build script and the Eleventy config
// may load two copies of the site's code (a scratch copy of src/ built by the project's
// scripts/build.ts), and both must see the same report.
const KEY = Symbol.for("seoul-district-atlas.build-report");
const slot = globalThis as { [KEY]?: BuildReport };

/** The report of the last build in this process (then forgotten), if one was written. */
export function takeBuildReport(): BuildReport | undefined {
  const report = slot[KEY];
  delete slot[KEY];
  return report;
}

type WrittenPage = ReportInput["results"][number] & { refs?: PageRefs };

/** What the HTML pages among `pages` load (their weights), and the characters on them that their edition's fonts lack. */
export async function measurePages(outDir: string, pages: WrittenPage[]): Promise<{ weights: PageLoad[]; problems: Problem[] }> {
  const html = pages.filter((p) => p.outputPath.endsWith(".html"));
  const weights = await pageLoads(
    outDir,
    html.map((p) => p.url),
    new Map(html.flatMap((p) => (p.refs ? [[p.url, p.refs] as const] : []))),
  );
  // Every character of every page in its edition's font (a character Pretendard lacks stops the build).
  const problems = pageFontProblems(
    html.flatMap((p) => (p.refs?.chars !== undefined ? [{ url: p.url, lang: p.refs.lang ?? "en", text: p.refs.chars }] : [])),
    fontManifest(),
  );
  return { weights, problems };
}

export async function writeBuildReport(options: {
  root: string;
  outDir: string;
  manifest: () => Manifest;
  figures: () => FigureRef[];
  /** Texts figures lack in a page's language (SiteFigures.warnings()). */
  figureWarnings?: () => ReportInput["figureWarnings"];
  /** The pages written, with what each HTML page loads (read by the page writer, so the report need not read them back). */
  pages: WrittenPage[];
  /**
   * A build in shards: the pages this process wrote, which it weighs (the others are in
   * `measured`); without it, every page of `pages` is weighed.
   */
  weigh?: WrittenPage[];
  /** What the other shards measured of their pages (`measurePages`, kept by `reportedWeights`), in page order. */
  measured?: { weights: PageLoad[]; problems: Problem[] };
  scheduled?: ReportInput["scheduled"];
}): Promise<BuildReport> {
  const { outDir, measured } = options;
  const manifest = options.manifest();
  const own = await measurePages(outDir, options.weigh ?? options.pages);
  // A page written by two shards (an embed page) is weighed once, where it comes first.
  const weights = measured ? [...new Map([...measured.weights, ...own.weights].map((w) => [w.url, w])).values()] : own.weights;
  const report = collectBuildReport({
    root: options.root,
    manifest,
    figures: options.figures(),
    figureWarnings: options.figureWarnings?.(),
    results: options.pages,
    scheduled: options.scheduled,
    weights,
    // A page written by two shards has its problems found by both: each once.
    pageProblems: [...new Map([...(measured?.problems ?? []), ...own.problems].map((p) => [JSON.stringify(p), p])).values()],
    siteUrl: process.env.SITE_URL || undefined,
    preview: process.env.ATLAS_PREVIEW === "1",
  });
  writePiecesAtomicSync(join(outDir, REPORT_URL), buildReportChunks(report, new Date()));
  await mkdir(join(outDir, "data"), { recursive: true });
  await writeFile(join(outDir, "data", "manifest.json"), `${JSON.stringify(publishedManifest(manifest, report), null, 2)}\n`);
  slot[KEY] = report;
  // The report is written first: it shows what each page loads.
  if (report.errors.length) throw new ProblemError(report.errors, "Pages the site cannot publish as they are");
  return report;
}
