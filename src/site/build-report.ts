/**
 * The build report: what a build of the site holds, in the newsroom's words — pages,
 * stories and their figures, each dataset with the stories and figures that use it (so
 * that regenerating one dataset shows what it touches), page weights against the budgets,
 * and warnings. Collected once the pages are written, from the figure system's own list
 * of figures (never by reading figures back out of the HTML), the data manifest, and the
 * built files.
 */
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { group } from "d3";
import { parse as parseYaml } from "yaml";
import { BUDGETS, firstView, kb, type PageLoad, total } from "../../scripts/lib/page-weight.ts";
import type { Problem } from "../../scripts/lib/problems.ts";
import { STORY_PLACEHOLDERS, STORY_PLACEHOLDERS_KO } from "../../scripts/lib/story-placeholders.ts";
import { KINDS } from "../figures/registry.ts";
import type { FigureRef } from "../figures/site-figures.ts";
import { frontMatterOf } from "../lib/front-matter.ts";
import type { DatasetInfo, Manifest } from "../lib/manifest.ts";
import type { ScheduledStory } from "./story-schedule.ts";

export interface ReportFigure {
  id: string;
  kind: string;
  title: string;
  /** Where its spec is: file and line of the ```figure block. */
  file: string;
  line: number;
  /** The page it appears on. */
  page: string;
  datasets: string[];
}

export interface ReportStory {
  url: string;
  title: string;
  file: string;
  figures: ReportFigure[];
}

export interface ReportDataset {
  info: DatasetInfo;
  /** Story URLs whose figures draw from the dataset (the manifest's `used_by`). */
  stories: string[];
  /** Every figure that draws from it, stories and other pages (the style guide) alike. */
  figures: ReportFigure[];
}

export interface PageCounts {
  total: number;
  /** English stories, and their Korean versions (a story is counted once in `stories`). */
  stories: number;
  storiesKo: number;
  /** District pages and figure embeds of both editions. */
  embeds: number;
  districts: number;
  other: number;
}

export interface BuildReport {
  pages: PageCounts;
  figures: ReportFigure[];
  stories: ReportStory[];
  datasets: ReportDataset[];
  weights: PageLoad[];
  warnings: Problem[];
  /** Problems that fail the build once the report is written: pages over a budget (a warning in a preview), characters the font lacks. */
  errors: Problem[];
}

export interface ReportInput {
  root: string;
  manifest: Manifest;
  /** Every figure of the site, from SiteFigures.rendered(). */
  figures: FigureRef[];
  /** Eleventy's written pages: input file and URL. */
  /** The pages written; `figures`: the keys of the figures placed on each (a Korean page's `use:` figures are specs of English stories). */
  results: { inputPath: string; url: string; outputPath: string; content?: string; figures?: string[] }[];
  weights: PageLoad[];
  /** SITE_URL as the build saw it (unset: absolute links point to the preview's address). */
  siteUrl?: string;
  /** A preview build (npm start), which needs no SITE_URL. */
  preview?: boolean;
  /** Stories dated after today, left out of this build (src/site/story-schedule.ts). */
  scheduled?: ScheduledStory[];
  /** Figure texts missing in a page's language, shown in the other (src/figures/localize.ts). */
  figureWarnings?: Problem[];
  /** Problems found in the written pages (src/site/fonts.ts: characters the font lacks). */
  pageProblems?: Problem[];
}

const isStoryFile = (file: string) => /^src\/(?:ko\/)?stories\/[^/]+\.md$/.test(file);

function frontMatterData(yaml: string): Record<string, unknown> {
  try {
    const data = parseYaml(yaml);
    return data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  } catch {
    return {}; // Eleventy has already reported a broken front matter.
  }
}

/** Whether page `w` (weighing `x`) comes before page `a` (weighing `y`): heavier, or as heavy and first by address, whatever order the pages were written in. */
const heavier = (x: number, y: number, w: PageLoad, a: PageLoad) => x > y || (x === y && w.url < a.url);

/** The pages with the heaviest first view, the most JavaScript, the most CSS and the largest data file. */
export function heaviestPages(weights: PageLoad[]): { first: PageLoad; js: PageLoad; css: PageLoad; data: PageLoad } {
  const max = (f: (w: PageLoad) => number) => weights.reduce((a, w) => (heavier(f(w), f(a), w, a) ? w : a), weights[0]!);
  return {
    first: max(firstView),
    js: max((w) => total(w.js)),
    css: max((w) => total(w.css)),
    data: max((w) => w.data[0]?.bytes ?? 0),
  };
}

/** What a page loads beyond its budgets: the first view, JavaScript, CSS, data file (in words), and its font bytes against its edition's budget. */
function overruns(w: PageLoad): { over: string[]; fonts: number; fontBudget: number } {
  const js = total(w.js);
  const css = total(w.css);
  const data = w.data[0];
  const first = firstView(w);
  const over = [
    first > BUDGETS.firstView ? `a first view of ${kb(first)} (HTML ${kb(w.html.bytes)}; budget ${kb(BUDGETS.firstView)})` : "",
    js > BUDGETS.js ? `${kb(js)} of JavaScript (budget ${kb(BUDGETS.js)})` : "",
    css > BUDGETS.css ? `${kb(css)} of CSS (budget ${kb(BUDGETS.css)})` : "",
    data && data.bytes > BUDGETS.dataFile ? `a ${kb(data.bytes)} data file, ${data.path} (budget ${kb(BUDGETS.dataFile)})` : "",
  ].filter(Boolean);
  return { over, fonts: total(w.fonts ?? []), fontBudget: BUDGETS.fonts[w.lang ?? "en"] };
}

/**
 * The weights the report of a build needs of some of its pages (a shard's): the English
 * stories' (its page lists them), the pages over a budget (it names them) and the heaviest
 * of each kind (the terminal names them). A build split into shards hands the site's shard
 * these, not the weight of each of 50,000 pages.
 */
export function reportedWeights(weights: PageLoad[]): PageLoad[] {
  if (!weights.length) return [];
  const { first, js, css, data } = heaviestPages(weights);
  const heaviest = new Set([first, js, css, data, ...fontWeights(weights).map((f) => f.heaviest)]);
  return weights.filter((w) => {
    if (heaviest.has(w) || w.url.startsWith("/stories/")) return true;
    const { over, fonts, fontBudget } = overruns(w);
    return over.length > 0 || fonts > fontBudget;
  });
}

/** Each edition's heaviest page by font bytes (woff2 files its text needs, both weights). */
export function fontWeights(weights: PageLoad[]): { lang: "en" | "ko"; pages: number; heaviest: PageLoad; bytes: number }[] {
  return (["en", "ko"] as const).flatMap((lang) => {
    const of = weights.filter((w) => (w.lang ?? "en") === lang);
    if (!of.length) return [];
    const heaviest = of.reduce((a, w) => (heavier(total(w.fonts ?? []), total(a.fonts ?? []), w, a) ? w : a), of[0]!);
    return [{ lang, pages: of.length, heaviest, bytes: total(heaviest.fonts ?? []) }];
  });
}

/**
 * The report as the terminal prints it, without every page's weight (on 10,000 stories,
 * 50,000 pages): the build stamp keeps it, to print when the next build has nothing to do,
 * and a build split into shards hands it from the site's shard to the build.
 */
export function briefReport(report: BuildReport): BuildReport {
  const { first, js, css, data } = heaviestPages(report.weights);
  const fonts = fontWeights(report.weights).map((f) => f.heaviest);
  return { ...report, weights: [...new Set([first, js, css, data, ...fonts])] };
}

export function collectBuildReport(input: ReportInput): BuildReport {
  const { root, manifest } = input;
  const fileOf = (inputPath: string) => relative(root, resolve(root, inputPath)).split("\\").join("/");
  const urlOfFile = new Map(input.results.map((r) => [fileOf(r.inputPath), r.url]));
  const html = input.results.filter((r) => r.outputPath.endsWith(".html"));
  const count = (re: RegExp) => html.filter((r) => re.test(r.url)).length;
  const pages: PageCounts = {
    total: html.length,
    stories: count(/^\/stories\/[^/]+\/$/),
    storiesKo: count(/^\/ko\/stories\/[^/]+\/$/),
    embeds: count(/^(\/ko)?\/embed\/[^/]+\/$/),
    districts: count(/^(\/ko)?\/districts\/[^/]+\/$/),
    other: 0,
  };
  pages.other = pages.total - pages.stories - pages.storiesKo - pages.embeds - pages.districts;

  const figures: ReportFigure[] = input.figures.map((f) => ({
    id: f.id,
    kind: f.kind,
    title: f.title,
    file: f.file,
    line: f.line,
    page: urlOfFile.get(f.file) ?? "",
    datasets: f.datasets,
  }));
  const warnings: Problem[] = (input.scheduled ?? []).map((s) => ({
    code: "story-scheduled",
    file: s.file,
    line: s.line,
    field: "date",
    message: `${s.title ? `“${s.title}” is` : "the story is"} dated ${s.date}: scheduled, so left out of this build`,
    hint: "Nothing to fix: the first build on or after that day publishes it. To publish it now, give it today's date.",
  }));

  const figuresOf = group(figures, (f) => f.file);
  const stories: ReportStory[] = [...urlOfFile]
    .filter(([file]) => isStoryFile(file))
    .map(([file, url]) => {
      const text = readFileSync(resolve(root, file), "utf8");
      const fm = frontMatterOf(text);
      const data = fm.lines ? frontMatterData(fm.yaml) : {};
      const own = figuresOf.get(file) ?? [];
      const placeholder = (field: string, value: unknown, expected: string) => {
        if (value === expected)
          warnings.push({
            code: "placeholder-text",
            file,
            line: fm.lineOf(field),
            field,
            message: `the ${field} is still the example text of new:story (“${expected}”)`,
            hint:
              field === "byline"
                ? "Write the author's name, or the desk's."
                : field === "title"
                  ? "Write the story's headline."
                  : "Write one sentence that tells readers what the story finds.",
          });
      };
      placeholder("dek", data.dek, STORY_PLACEHOLDERS.dek);
      placeholder("byline", data.byline, STORY_PLACEHOLDERS.byline);
      placeholder("title", data.title, STORY_PLACEHOLDERS_KO.title);
      placeholder("dek", data.dek, STORY_PLACEHOLDERS_KO.dek);
      placeholder("byline", data.byline, STORY_PLACEHOLDERS_KO.byline);
      const bodyLine = text.split(/\r?\n/).findIndex((l) => l.includes(STORY_PLACEHOLDERS.body) || l.includes(STORY_PLACEHOLDERS_KO.body));
      if (bodyLine >= 0)
        warnings.push({
          code: "placeholder-text",
          file,
          line: bodyLine + 1,
          message: "the story still has the example paragraph of new:story",
          hint: "Replace it with the story's text.",
        });
      if (!own.length && !input.results.some((r) => r.url === url && r.figures?.length))
        warnings.push({
          code: "story-without-figure",
          file,
          message: "the story has no figure",
          hint: "Add a ```figure block (docs/figures.md), unless the story is meant to be text only.",
        });
      return { url, title: typeof data.title === "string" ? data.title : url, file, figures: own };
    })
    .sort((a, b) => a.url.localeCompare(b.url));
  // A story in one edition only: listed, so that the other edition's desk sees what to translate.
  const storyUrls = new Set(stories.map((s) => s.url));
  for (const s of stories) {
    const korean = s.url.startsWith("/ko/");
    const other = korean ? s.url.slice(3) : `/ko${s.url}`;
    if (!storyUrls.has(other))
      warnings.push({
        code: "story-without-translation",
        file: s.file,
        message: `“${s.title}” has no ${korean ? "English" : "Korean"} version (${other})`,
        hint: korean
          ? "Nothing to fix if it is meant for the Korean edition only: its language switch leads to the English home page."
          : `Nothing to fix if it is meant for the English edition only; to start its Korean version: npm run new:story -- --lang ko --translation-of ${s.url.split("/")[2]}`,
      });
  }

  const storyFigures = stories.flatMap((s) => s.figures);
  for (const f of storyFigures) {
    const info = manifest.datasets[f.datasets[0] ?? ""];
    const missing = info?.rows_without_geometry ?? 0;
    if (KINDS[f.kind]?.map && info && missing > 0)
      warnings.push({
        code: "rows-not-on-map",
        file: f.file,
        line: f.line,
        message: `the map “${f.title}” shows ${info.name}, where ${missing} of ${info.count} rows ${missing === 1 ? "has" : "have"} no coordinates: they are in the figure's table, not on the map`,
        hint: `The figure says so in a note; say it in the text too if it matters. Add coordinates to ${info.inputs?.[0] ?? "the dataset's CSV"} only where a source gives them.`,
      });
  }

  const datasets: ReportDataset[] = Object.values(manifest.datasets)
    .map((info) => {
      const uses = figures.filter((f) => f.datasets.includes(info.name));
      const storyUrls = [...new Set(uses.filter((f) => isStoryFile(f.file)).map((f) => f.page))].sort();
      return { info, stories: storyUrls, figures: uses };
    })
    .sort((a, b) => a.info.name.localeCompare(b.info.name));
  const unused = datasets.filter((d) => !d.stories.length).map((d) => d.info.name);
  if (unused.length)
    warnings.push({
      code: "dataset-unused",
      file: "generated/manifest.json",
      message: `${unused.length} dataset${unused.length === 1 ? " is" : "s are"} used by no story: ${unused.join(", ")}`,
      hint: "Nothing to fix if they serve downloads, district pages or the style guide; otherwise a story could show them.",
    });

  // A figure's text the Korean edition lacks: the English one is shown, marked lang="en".
  warnings.push(...(input.figureWarnings ?? []));

  // Data text one edition lacks: the site shows the other language's text in its place.
  for (const d of datasets)
    for (const gap of d.info.translation_gaps ?? [])
      warnings.push({
        code: gap.missing === "ko" ? "missing-korean-text" : "missing-english-text",
        file: gap.file,
        line: gap.line,
        field: gap.field,
        message: gap.message,
        hint: gap.hint,
      });

  const errors: Problem[] = [...(input.pageProblems ?? [])];
  // A page written from Markdown (a story) is named by its file, which is what its writer edits; others by their address.
  const sources = new Map(
    input.results
      .filter((r) => r.inputPath.endsWith(".md"))
      .map((r) => [r.url, relative(input.root, resolve(input.root, r.inputPath)).split("\\").join("/")]),
  );
  for (const w of input.weights) {
    const { over, fonts, fontBudget } = overruns(w);
    const file = sources.get(w.url);
    const page = file ? `its page, ${w.url},` : "the page";
    if (over.length)
      (input.preview ? warnings : errors).push({
        code: "page-over-budget",
        file: file ?? w.url,
        message: `${page} loads ${over.join(" and ")}, gzip`,
        hint: "Most of a page's HTML is its figures (their drawings and tables) and its text: show a map of fewer areas or a smaller dataset (filter it in data/), drop a figure, or shorten the text. The build report (_site/build-report.html) lists what each page loads.",
      });
    if (fonts > fontBudget)
      (input.preview ? warnings : errors).push({
        code: "page-fonts-over-budget",
        file: file ?? w.url,
        message: `${page} needs ${kb(fonts)} of font files (${w.fonts.map((f) => f.path.split("/").pop()).join(", ")}; budget ${kb(fontBudget)} for the ${w.lang === "ko" ? "Korean" : "English"} edition)`,
        hint: "Rare characters on the page pull in a font file of their own: see docs/site.md (Fonts) on how the files are cut; writing the page's rarest syllables another way, or a larger first chunk (HANGUL_FIRST in src/site/fonts.ts), brings it down.",
      });
  }

  if (!input.siteUrl && !input.preview)
    warnings.push({
      code: "site-url-unset",
      file: "SITE_URL",
      message: "not set: the feed, the sitemap, canonical links and share cards link to http://localhost:8080",
      hint: "Build for publication with the site's public address: SITE_URL=https://atlas.example.org npm run build.",
    });

  // The stories' warnings first, by file and line; then those about data and pages.
  const rank = (p: Problem) => (p.file.startsWith("src/") ? 0 : 1);
  warnings.sort((a, b) => rank(a) - rank(b) || (rank(a) ? 0 : a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0)));
  return { pages, figures, stories, datasets, weights: input.weights, warnings, errors };
}

/** The manifest as published at /data/manifest.json: each dataset with the stories that use it. */
export function publishedManifest(manifest: Manifest, report: BuildReport): Manifest {
  const usedBy = new Map(report.datasets.map((d) => [d.info.name, d.stories]));
  return {
    ...manifest,
    datasets: Object.fromEntries(
      Object.entries(manifest.datasets).map(([name, info]) => [name, { ...info, used_by: usedBy.get(name) ?? [] }]),
    ),
  };
}
