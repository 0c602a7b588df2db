/** The build report as a few plain lines for the terminal (the page has the details). */
import { rollup } from "d3";
import { BUDGETS, firstView, kb, total } from "../../scripts/lib/page-weight.ts";
import { formatProblem } from "../../scripts/lib/problems.ts";
import { type BuildReport, fontWeights, heaviestPages, type ReportDataset } from "./build-report.ts";

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

function usedBy(d: ReportDataset): string {
  const stories = new Set(d.stories);
  const other = d.figures.filter((f) => !stories.has(f.page));
  const counts = rollup(
    d.figures,
    (fs) => fs.length,
    (f) => f.page,
  );
  const parts = d.stories.map((url) => `${url} (${plural(counts.get(url) ?? 0, "figure")})`);
  if (other.length) parts.push(`${plural(other.length, "figure")} on ${[...new Set(other.map((f) => f.page))].join(", ")}`);
  return parts.length ? parts.join(", ") : "no figure";
}

function rows(d: ReportDataset): string {
  const { info } = d;
  const parts = [`${info.rows_read ?? info.count} read, ${info.count} kept, ${info.rows_rejected} rejected`];
  if (info.join) parts.push(`${info.join.matched_gu}/${info.join.points} points in a gu`);
  if (info.rows_without_geometry) parts.push(`${info.rows_without_geometry} without coordinates`);
  return parts.join("; ");
}

/**
 * `rebuilt`: datasets the data step rebuilt in this run; each is listed with what it
 * touches, so a maintainer who regenerated one sees which stories to check.
 */
export function buildReportLines(report: BuildReport, options: { reportPath: string; rebuilt?: string[] }): string[] {
  const { pages, figures, stories, datasets, warnings, weights } = report;
  const kinds = new Map<string, number>();
  for (const f of figures) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
  const { first, js, css, data } = heaviestPages(weights);
  const over = [...warnings, ...(report.errors ?? [])].filter((w) => w.code === "page-over-budget").length;
  const width = Math.max(...datasets.map((d) => d.info.name.length));
  const lines = [
    `Build report (the details: ${options.reportPath})`,
    `  ${plural(pages.total, "page")}: ${plural(pages.stories, "story", "stories")} and ${plural(pages.storiesKo ?? 0, "Korean version")}, ${pages.districts} district pages and ${pages.embeds} figure embeds (both editions), ${pages.other} other`,
    `  ${plural(figures.length, "figure")} (${[...kinds].map(([k, n]) => `${n} ${k}`).join(", ")}), ${stories.reduce((s, st) => s + st.figures.length, 0)} of them in stories`,
    `  ${plural(datasets.length, "dataset")}: rows read, kept and rejected, and the stories whose figures use each:`,
    ...datasets.map((d) => `    ${d.info.name.padEnd(width)}  ${rows(d)} → ${usedBy(d)}`),
    `  page weight, gzip, before any interaction: first view (HTML, JavaScript, CSS) at most ${kb(firstView(first))} of ${kb(BUDGETS.firstView)} (${first.url}), JavaScript at most ${kb(total(js.js))} of ${kb(BUDGETS.js)} (${js.url}), CSS at most ${kb(total(css.css))} of ${kb(BUDGETS.css)} (${css.url}); largest data file a map fetches ${kb(data.data[0]?.bytes ?? 0)} of ${kb(BUDGETS.dataFile)}${data.data[0] ? ` (${data.data[0].path})` : ""}: ${over ? `${plural(over, "page")} over budget` : "every page within budget"}`,
    `  fonts, woff2, apart from the first view: ${
      fontWeights(weights)
        .map(
          (f) =>
            `${f.lang === "ko" ? "Korean" : "English"} pages at most ${kb(f.bytes)} of ${kb(BUDGETS.fonts[f.lang])} (${f.heaviest.url})`,
        )
        .join("; ") || "no page"
    }`,
  ];
  if (options.rebuilt?.length === datasets.length) lines.push("  data: every dataset was rebuilt in this run");
  else if (options.rebuilt?.length) {
    lines.push(`  data rebuilt in this run, and what shows it:`);
    for (const name of options.rebuilt) {
      const d = datasets.find((x) => x.info.name === name);
      if (d) lines.push(`    ${name} → ${usedBy(d)}`);
    }
  }
  lines.push(warnings.length ? `  ${plural(warnings.length, "warning")}:` : "  no warnings");
  for (const w of warnings)
    lines.push(
      ...formatProblem(w)
        .split("\n")
        .map((l) => `    ${l}`),
    );
  return lines;
}
