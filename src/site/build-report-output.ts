/**
 * Writes the build report once Eleventy has written the pages: `build-report.html` and the
 * data manifest published at `/data/manifest.json` with each dataset's `used_by` (the
 * pipeline's `generated/manifest.json` stays as it wrote it). The report is also kept for
 * `scripts/build.ts`, which prints it in the terminal.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { htmlLang, pageLoads, sitePages } from "../../scripts/lib/page-weight.ts";
import { ProblemError } from "../../scripts/lib/problems.ts";
import type { RenderedFigure } from "../figures/render.ts";
import type { Manifest } from "../lib/manifest.ts";
import { type BuildReport, collectBuildReport, publishedManifest, type ReportInput } from "./build-report.ts";
import { buildReportPage, REPORT_URL } from "./build-report-page.ts";
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

/** The HTML Eleventy wrote, by URL, so the report need not read it back from disk. */
function htmlByUrl(results: ReportInput["results"]): Map<string, string> {
  return new Map(results.filter((r) => r.outputPath.endsWith(".html") && typeof r.content === "string").map((r) => [r.url, r.content!]));
}

export async function writeBuildReport(options: {
  root: string;
  outDir: string;
  manifest: () => Manifest;
  figures: () => RenderedFigure[];
  /** Texts figures lack in a page's language (SiteFigures.warnings()). */
  figureWarnings?: () => ReportInput["figureWarnings"];
  results: ReportInput["results"];
  scheduled?: ReportInput["scheduled"];
}): Promise<BuildReport> {
  const { outDir } = options;
  const manifest = options.manifest();
  const pages = htmlByUrl(options.results);
  const report = collectBuildReport({
    root: options.root,
    manifest,
    figures: options.figures(),
    figureWarnings: options.figureWarnings?.(),
    results: options.results,
    scheduled: options.scheduled,
    weights: await pageLoads(outDir, sitePages(outDir), pages),
    // Every character of every page in its edition's font (a character Pretendard lacks stops the build).
    pageProblems: pageFontProblems(
      [...pages].map(([url, html]) => ({ url, html, lang: htmlLang(html) })),
      fontManifest(),
    ),
    siteUrl: process.env.SITE_URL || undefined,
    preview: process.env.ATLAS_PREVIEW === "1",
  });
  await writeFile(join(outDir, REPORT_URL), buildReportPage(report, new Date()));
  await mkdir(join(outDir, "data"), { recursive: true });
  await writeFile(join(outDir, "data", "manifest.json"), `${JSON.stringify(publishedManifest(manifest, report), null, 2)}\n`);
  slot[KEY] = report;
  // The report is written first: it shows what each page loads.
  if (report.errors.length) throw new ProblemError(report.errors, "Pages the site cannot publish as they are");
  return report;
}
