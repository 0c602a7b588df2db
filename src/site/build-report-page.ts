/**
 * /build-report.html: the build report for journalists, in the site's own layout. Not
 * linked from the site's navigation, kept out of the search index (no data-pagefind-body)
 * and the sitemap (it is not an Eleventy page), and marked noindex for search engines.
 */
import { group } from "d3";
import { BUDGETS, firstView, kb, type PageLoad, total } from "../../scripts/lib/page-weight.ts";
import type { Problem } from "../../scripts/lib/problems.ts";
import site from "../_data/site.ts";
import { render as baseLayout } from "../_includes/layouts/base.11ty.ts";
import { formatNumber } from "../lib/format.ts";
import { html, type SafeHtml } from "../lib/html.ts";
import { featuresIn } from "./assets-manifest.ts";
import { type BuildReport, fontWeights, heaviestPages, type ReportDataset, type ReportFigure } from "./build-report.ts";

export const REPORT_URL = "/build-report.html";

const percent = (part: number, whole: number) => (whole ? `${formatNumber((100 * part) / whole, { digits: 1 })} %` : "–");

function where(p: Problem): string {
  return [p.file, p.line, p.field].filter((x) => x !== undefined && x !== "").join(":");
}

function figureLink(f: ReportFigure): SafeHtml {
  return html`<a href="${f.page}#${f.id}">${f.title}</a> <span class="note">(${f.kind})</span>`;
}

function rowCounts(d: ReportDataset): SafeHtml {
  const { info } = d;
  const join = info.join;
  return html`${formatNumber(info.rows_read ?? info.count)} rows read, ${formatNumber(info.count)} kept, ${formatNumber(info.rows_rejected)} rejected${
    join
      ? html`; ${formatNumber(join.points)} points placed: ${percent(join.matched_gu, join.points)} in a gu, ${percent(join.matched_dong, join.points)} in a dong${
          info.rows_without_geometry
            ? html`; ${formatNumber(info.rows_without_geometry)} row${info.rows_without_geometry === 1 ? "" : "s"} without coordinates (table only)`
            : ""
        }`
      : ""
  }.`;
}

/** The figures that use a dataset, grouped by the page they are on. */
function usedBy(d: ReportDataset, titles: Map<string, string>): SafeHtml {
  if (!d.figures.length) return html`no figure`;
  // Grouped once (a dataset can be shown by 10,000 stories: a search per page took seconds).
  const byPage = group(d.figures, (f) => f.page);
  const stories = new Set(d.stories);
  const pages = [...byPage.keys()].sort((a, b) => Number(!stories.has(a)) - Number(!stories.has(b)) || a.localeCompare(b));
  return html`<ul class="report-list">${pages.map(
    (page) =>
      html`<li><a href="${page}">${titles.get(page) ?? page}</a>: ${byPage.get(page)!.map((f, i) => html`${i ? "; " : ""}${figureLink(f)}`)}</li>`,
  )}</ul>`;
}

function weightRow(w: PageLoad): SafeHtml {
  const js = total(w.js);
  const css = total(w.css);
  const data = w.data[0]?.bytes ?? 0;
  const first = firstView(w);
  const fonts = total(w.fonts ?? []);
  const mark = (bytes: number, budget: number) => (bytes > budget ? html` <strong>over budget</strong>` : "");
  return html`<tr><th scope="row"><a href="${w.url}">${w.url}</a></th><td class="num">${kb(first)}${mark(first, BUDGETS.firstView)}</td><td class="num">${kb(w.html.bytes)}</td><td class="num">${kb(js)}${mark(js, BUDGETS.js)}</td><td class="num">${kb(css)}${mark(css, BUDGETS.css)}</td><td class="num">${data ? kb(data) : "–"}${mark(data, BUDGETS.dataFile)}</td><td class="num">${kb(fonts)}${mark(fonts, BUDGETS.fonts[w.lang ?? "en"])}</td></tr>\n`;
}

/** The pages whose weights the report page lists: every story, and every other page over a budget. */
export function listedWeights(report: BuildReport): PageLoad[] {
  const over = new Set(
    [...(report.errors ?? []), ...report.warnings].filter((p) => /^page-(fonts-)?over-budget$/.test(p.code)).map((p) => p.file),
  );
  return report.weights.filter((w) => w.url.startsWith("/stories/") || over.has(w.url));
}

/** Where the report's sections go in the page's layout (split there: the sections are written between its halves). */
const CONTENT_MARK = "<!--atlas:build-report-content-->";

/**
 * The report page in pieces, in order: the layout's head, each section's heading, each of
 * its rows, the layout's foot. Written piece by piece (`writeBuildReport`): on a
 * 10,000-story site the page is 13 MB of HTML (every story's figures and weights, every
 * warning), and built as one string it added about 80 MB to the build's peak.
 */
export function* buildReportChunks(report: BuildReport, builtAt: Date): Generator<string> {
  const { pages, stories, datasets, weights } = report;
  // Problems that fail the build (shown first: the report is written before the build stops) and warnings.
  const warnings = [...(report.errors ?? []), ...report.warnings];
  const heaviest = heaviestPages(weights);
  const rowsRead = datasets.reduce((s, d) => s + (d.info.rows_read ?? d.info.count), 0);
  const rejected = datasets.reduce((s, d) => s + d.info.rows_rejected, 0);
  const titles = new Map([...stories.map((st) => [st.url, st.title] as const), ["/styleguide/", "Style guide"]]);
  const listed = listedWeights(report);
  const intro = html`<header class="page-head"><h1>Build report</h1>
<p class="dek">What the last build of the atlas holds: stories, figures, the data behind them, page weights and what to check before publishing.</p></header>
<p class="meta">Built ${builtAt.toISOString().slice(0, 16).replace("T", " ")} UTC. This page is for the newsroom: no page links to it and it is not in the site's search. <code>npm run build</code> prints the same summary.</p>
<ul>
<li>${formatNumber(pages.total)} pages: ${formatNumber(pages.stories)} stories and ${formatNumber(pages.storiesKo ?? 0)} Korean versions, ${formatNumber(pages.districts)} district pages and ${formatNumber(pages.embeds)} figure embeds (both editions), ${formatNumber(pages.other)} other.</li>
<li>${formatNumber(report.figures.length)} figures, ${formatNumber(stories.reduce((s, st) => s + st.figures.length, 0))} of them in stories.</li>
<li>${formatNumber(datasets.length)} datasets: ${formatNumber(rowsRead)} rows read, ${formatNumber(rejected)} rejected. The published list with the stories that use each: <a href="/data/manifest.json">/data/manifest.json</a>.</li>
<li>${warnings.length ? html`<a href="#warnings">${formatNumber(warnings.length)} warning${warnings.length === 1 ? "" : "s"}</a>.` : "No warnings."}</li>
</ul>

<h2 id="warnings">Warnings</h2>
`.value;
  const storiesHead = html`

<h2 id="stories">Stories and their figures</h2>
<div class="table-wrap table-wrap--full" tabindex="0" role="region" aria-label="Stories and their figures"><table>
<caption>Each story, the figures on it and the datasets they draw from</caption>
<thead><tr><th scope="col">Story</th><th scope="col">Figures</th></tr></thead>
<tbody>`.value;
  const datasetsHead = html`</tbody></table></div>

<h2 id="datasets">Datasets and what uses them</h2>
<p>Regenerating a dataset (<code>npm run data</code>) changes the figures listed beside it.</p>
<div class="table-wrap table-wrap--full" tabindex="0" role="region" aria-label="Datasets and what uses them"><table>
<caption>Each dataset, its rows, and the figures that draw from it</caption>
<thead><tr><th scope="col">Dataset</th><th scope="col">Used by</th></tr></thead>
<tbody>`.value;
  const weightsHead = html`</tbody></table></div>

<h2 id="weights">Page weight</h2>
<p>Compressed (gzip) bytes a reader downloads before doing anything, against the budgets: the first view (the page's HTML, JavaScript and CSS; fonts apart) ≤ ${kb(BUDGETS.firstView)}, of which JavaScript ≤ ${kb(BUDGETS.js)} and CSS ≤ ${kb(BUDGETS.css)}; and each data file a map fetches once the reader opens it ≤ ${kb(BUDGETS.dataFile)}. The map code (MapLibre) loads only when the reader asks for it and is not counted. Fonts are counted apart (woff2 files, compressed already): the files whose characters a page shows, both weights, ≤ ${kb(BUDGETS.fonts.en)} on an English page and ≤ ${kb(BUDGETS.fonts.ko)} on a Korean one.</p>
<ul>
<li>Heaviest first view: ${kb(firstView(heaviest.first))}, on <a href="${heaviest.first.url}">${heaviest.first.url}</a>.</li>
<li>Most JavaScript: ${kb(total(heaviest.js.js))}, on <a href="${heaviest.js.url}">${heaviest.js.url}</a>.</li>
<li>Most CSS: ${kb(total(heaviest.css.css))}, on <a href="${heaviest.css.url}">${heaviest.css.url}</a>.</li>
${fontWeights(weights).map((f) => html`<li>Most font bytes, ${f.lang === "ko" ? "Korean" : "English"} edition: ${kb(f.bytes)}, on <a href="${f.heaviest.url}">${f.heaviest.url}</a>.</li>\n`)}<li>Largest data file: ${heaviest.data.data[0] ? html`${kb(heaviest.data.data[0].bytes)} (${heaviest.data.data[0].path}), on <a href="${heaviest.data.url}">${heaviest.data.url}</a>` : "none"}.</li>
</ul>
<div class="table-wrap table-wrap--full" tabindex="0" role="region" aria-label="Page weight of the stories"><table>
<caption>Stories${listed.length > stories.length ? " and pages over budget" : ""}, KB gzip</caption>
<thead><tr><th scope="col">Page</th><th scope="col" class="num">First view</th><th scope="col" class="num">HTML</th><th scope="col" class="num">JavaScript</th><th scope="col" class="num">CSS</th><th scope="col" class="num">Largest data file</th><th scope="col" class="num">Fonts (woff2)</th></tr></thead>
<tbody>`.value;
  const end = "</tbody></table></div>";
  // The feature stylesheets the page links: what its own markup has (the rows hold escaped text, links and notes only).
  const features = featuresIn([intro, storiesHead, datasetsHead, weightsHead].join(""));
  const [head, foot, ...more] = baseLayout({
    content: CONTENT_MARK,
    title: "Build report",
    dek: "What the last build of the atlas holds.",
    searchable: false,
    noindex: true,
    site,
    page: { url: REPORT_URL },
    siteFigures: { featuresOf: () => features },
  }).split(CONTENT_MARK);
  if (foot === undefined || more.length) throw new Error("the layout does not place the build report's content once");
  yield head!;
  yield intro;
  if (warnings.length) {
    yield '<ol class="report-warnings">';
    for (const p of warnings)
      yield html`<li><code>${where(p)}</code> — ${p.message}.<br><span class="note">How to fix: ${p.hint ?? ""}</span></li>\n`.value;
    yield "</ol>";
  } else yield "<p>None.</p>";
  yield storiesHead;
  for (const s of stories)
    yield html`<tr><th scope="row"><a href="${s.url}">${s.title}</a><br><span class="note">${s.file}</span></th><td>${
      s.figures.length
        ? html`<ul class="report-list">${s.figures.map((f) => html`<li>${figureLink(f)} — ${f.datasets.join(", ")}</li>`)}</ul>`
        : "no figure"
    }</td></tr>\n`.value;
  yield datasetsHead;
  for (const d of datasets)
    yield html`<tr id="dataset-${d.info.name}"><th scope="row">${d.info.name}<br><span class="note">${d.info.title}. ${rowCounts(d)}</span></th><td>${usedBy(d, titles)}</td></tr>\n`
      .value;
  yield weightsHead;
  for (const w of listed) yield weightRow(w).value;
  yield end;
  yield foot;
}

/** The report page as one string (tests; the build writes it piece by piece). */
export function buildReportPage(report: BuildReport, builtAt: Date): string {
  return [...buildReportChunks(report, builtAt)].join("");
}
