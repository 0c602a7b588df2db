/**
 * The data catalogue a reader browses: /data/ lists every dataset (title, description,
 * rows, period, sources, licence, downloads, the stories and figures that use it), and
 * /data/<name>/ shows one dataset's fields, its first rows and its revision log. Every
 * function takes the edition's `lang`; the interface strings are in i18n/catalogue.ts.
 */
import { resolve } from "node:path";
import { dateLabel } from "../../scripts/lib/date-label.ts";
import type { Correction } from "../_data/corrections.ts";
import type { DatasetStore, Row } from "../figures/datasets.ts";
import { formatNumber } from "../lib/format.ts";
import { html, isSafeHref, raw, type SafeHtml } from "../lib/html.ts";
import { CATALOGUE } from "../lib/i18n/catalogue.ts";
import { fill, type Lang } from "../lib/i18n/index.ts";
import type { DatasetInfo, FieldInfo } from "../lib/manifest.ts";
import { correctionText } from "./correction-pages.ts";
import { basePath, langOfUrl, localePath } from "./editions.ts";
import { type RevisionLog, revisionLog, type TableDiff } from "./revisions.ts";
import { sourceEntry } from "./source-entry.ts";

/** A figure of the site that draws from datasets (the `figures` global data). */
export interface FigureUse {
  id: string;
  title: string;
  /** Its title as the Korean edition draws it, where the spec gives one (`title_ko`). */
  title_ko?: string;
  file: string;
  datasets: string[];
}

/** A page of the site (Eleventy's collections.all), to find a figure's page. */
export interface PageRef {
  url: string;
  inputPath: string;
  data: { title?: unknown };
}

const PREVIEW_ROWS = 10;

/** A dataset's name, title and description in the edition's language (English where a Korean one is missing). */
function titled(info: DatasetInfo, lang: Lang) {
  return {
    title: lang === "ko" && info.title_ko ? info.title_ko : info.title,
    description: lang === "ko" && info.description_ko ? info.description_ko : info.description,
  };
}

/** "2005–2021", "March 2021 – May 2024", or undefined when no field dates the rows. */
export function periodOf(info: DatasetInfo, rows: Row[], lang: Lang = "en"): string | undefined {
  // Korean writes a year as 2005년 (dateLabel), and a range with ~.
  const sep = lang === "ko" ? "~" : " – ";
  if (info.period)
    return info.period
      .split("/")
      .map((d) => dateLabel(d, lang) ?? d)
      .join(sep);
  // The years the figures are of, else their dates (a release date says less about the data).
  const field = info.fields.find((f) => f.type === "year" && !f.derived) ?? info.fields.find((f) => f.type === "date" && !f.derived);
  if (!field) return undefined;
  const values = rows.map((r) => r[field.name]).filter((v): v is string | number => v !== null && v !== undefined);
  if (!values.length) return undefined;
  const sorted = values.map(String).sort();
  const [first, last] = [sorted[0]!, sorted[sorted.length - 1]!];
  const label = (v: string) => (field.type === "date" || lang === "ko" ? (dateLabel(v, lang) ?? v) : v);
  return first === last ? label(first) : `${label(first)}${sep}${label(last)}`;
}

/**
 * How many of the figures that use a dataset its page lists, and how many of their stories
 * the catalogue lists: an archive of thousands of stories on one dataset would make the
 * page too heavy to read (and over the page budget). The rest are counted, and every one is
 * in /data/manifest.json (`used_by`).
 */
const USES_SHOWN = 100;
const STORIES_SHOWN = 12;

/** What `usesOf` looks figures' pages up in, made once per list of pages and of figures. */
interface UseIndex {
  /** The figures it was made for, as they were (the preview fills the same array again in place). */
  figures: FigureUse[];
  /** Each figure's file, resolved (aligned with `figures`). */
  files: string[];
  byFile: Map<string, PageRef>;
  byUrl: Map<string, PageRef>;
}

const useIndexes = new WeakMap<PageRef[], UseIndex>();

/**
 * The index of `pages` and `figures`: the last one made for these pages if the figures are
 * still the same objects. Every catalogue page and dataset page of both editions looks up
 * every dataset's figures; on 10,000 stories, making the index for each lookup (40,000
 * figures, 10,000 pages' paths resolved) took 5 s of the build and 60 MB of garbage a second.
 */
function useIndex(figures: FigureUse[], pages: PageRef[]): UseIndex {
  const known = useIndexes.get(pages);
  if (known && known.figures.length === figures.length && known.figures.every((f, i) => f === figures[i])) return known;
  const index: UseIndex = {
    figures: [...figures],
    files: figures.map((f) => resolve(f.file)),
    byFile: new Map(pages.map((p) => [resolve(p.inputPath), p])),
    byUrl: new Map(pages.map((p) => [p.url, p])),
  };
  useIndexes.set(pages, index);
  return index;
}

/** Figures that use the dataset, each with the page it is on. */
export function usesOf(
  name: string,
  figures: FigureUse[],
  pages: PageRef[],
  lang: Lang = "en",
): { id: string; title: string; titleLang: Lang; url: string; page: string }[] {
  const { byFile, byUrl, files } = useIndex(figures, pages);
  return figures.flatMap((f, i) => {
    if (!f.datasets.includes(name)) return [];
    const own = byFile.get(files[i]!);
    // A figure is defined on an English page; the Korean edition links to that page's translation where it has one.
    const page = own ? (byUrl.get(localePath(lang, basePath(own.url))) ?? own) : undefined;
    if (!page) return [];
    // Its title as the linked page shows it: Korean on a Korean page whose spec has one, else English (marked so on a Korean page).
    const korean = page.url.startsWith("/ko/") && f.title_ko;
    return [
      {
        id: f.id,
        title: korean || f.title,
        titleLang: korean ? "ko" : "en",
        url: `${page.url}#${f.id}`,
        page: String(page.data.title ?? page.url),
      },
    ];
  });
}

function typeLabel(f: FieldInfo, lang: Lang): string {
  const t = CATALOGUE[lang];
  const names: Record<FieldInfo["type"], string> = {
    string: t.typeString,
    integer: t.typeInteger,
    number: t.typeNumber,
    year: t.typeYear,
    date: t.typeDate,
    list: t.typeList,
    boolean: t.typeBoolean,
  };
  return names[f.type];
}

function downloads(info: DatasetInfo): SafeHtml {
  return html`<a href="/data/${info.files.csv.path}" download>CSV</a>${info.files.geojson ? html` · <a href="/data/${info.files.geojson.path}" download>GeoJSON</a>` : ""}`;
}

/** The dataset's licences, by their Korean titles on a Korean page (the English one, marked, where a descriptor has none). */
function licences(info: DatasetInfo, lang: Lang): SafeHtml {
  return html`${(info.licenses ?? []).map((l, i) => {
    const korean = lang === "ko" && l.title_ko;
    const title = korean ? l.title_ko! : l.title;
    const attrs = lang === "ko" && !korean ? raw(' lang="en"') : "";
    return html`${i ? "; " : ""}${l.path && isSafeHref(l.path) ? html`<a href="${l.path}" rel="noopener"${attrs}>${title}</a>` : html`<span${attrs}>${title}</span>`}`;
  })}`;
}

function sourceLinks(info: DatasetInfo, lang: Lang): SafeHtml {
  return html`${info.sources.map((s, i) => html`${i ? ", " : ""}<a href="${localePath(lang, "/about/")}#source-${s}">${s}</a>`)}`;
}

/** /data/: every dataset. */
export function renderCatalogue(store: DatasetStore, figures: FigureUse[], pages: PageRef[], lang: Lang = "en"): SafeHtml {
  const t = CATALOGUE[lang];
  const datasets = store.names().map((n) => store.info(n)!);
  return html`<header class="page-head"><h1>${t.title}</h1><p class="dek">${t.dek}</p></header>
<p>${raw(
    fill(t.intro, {
      package: html`<a href="/data/datapackage.json">${t.packageLink}</a>`.value,
      frictionless: html`<code>frictionless validate</code>`.value,
    }),
  )}</p>
<h2 id="datasets">${t.datasets}</h2>
<ul class="catalogue">${datasets.map((info) => {
    const { title, description } = titled(info, lang);
    const rows = store.get(info.name).rows;
    const period = periodOf(info, rows, lang);
    const uses = usesOf(info.name, figures, pages, lang);
    const storyPages = [...new Map(uses.map((u) => [u.url.split("#")[0]!, u.page])).entries()];
    return html`<li id="${info.name}"><h3><a href="${localePath(lang, `/data/${info.name}/`)}">${title}</a> <code>${info.name}</code></h3>
<p>${description}</p>
<dl class="catalogue-facts">
<div><dt>${t.rowsLabel}</dt> <dd>${info.count === 1 ? t.oneRow : fill(t.rows, { n: formatNumber(info.count, { locale: lang }) })}</dd></div>
<div><dt>${t.period}</dt> <dd>${period ?? t.noPeriod}</dd></div>
<div><dt>${t.sources}</dt> <dd>${sourceLinks(info, lang)}</dd></div>
<div><dt>${t.licence}</dt> <dd>${licences(info, lang)}</dd></div>
<div><dt>${t.downloads}</dt> <dd>${downloads(info)}</dd></div>
<div><dt>${t.usedBy}</dt> <dd>${
      storyPages.length
        ? html`${storyPages.slice(0, STORIES_SHOWN).map(([url, page], i) => html`${i ? " · " : ""}<a href="${url}"${langOfUrl(url) === lang ? "" : html` lang="${langOfUrl(url)}"`}>${page}</a>`)}${
            storyPages.length > STORIES_SHOWN
              ? html` · <a href="${localePath(lang, `/data/${info.name}/`)}#used-by">${fill(t.storiesMore, { n: formatNumber(storyPages.length - STORIES_SHOWN, { locale: lang }) })}</a>`
              : ""
          }`
        : t.usedByNone
    }</dd></div>
</dl></li>\n`;
  })}</ul>`;
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  return Array.isArray(v) ? v.join("; ") : String(v);
}

function diffSummary(diff: TableDiff, lang: Lang): string {
  const t = CATALOGUE[lang];
  const n = (k: number) => formatNumber(k, { locale: lang });
  return [
    diff.added.length ? fill(t.added, { n: n(diff.added.length) }) : "",
    diff.removed.length ? fill(t.removed, { n: n(diff.removed.length) }) : "",
    diff.changed.length ? fill(t.changed, { n: n(diff.changed.length) }) : "",
  ]
    .filter(Boolean)
    .join(", ");
}

/** The rows a revision added, removed and changed, cell by cell. */
export function renderDiff(diff: TableDiff, key: string, lang: Lang = "en"): SafeHtml {
  const t = CATALOGUE[lang];
  const rowText = (r: Record<string, string>) => Object.values(r).join(", ");
  const keyOf = (r: Record<string, string>) => r[key] ?? Object.values(r)[0] ?? "";
  const shown = (v: string) => (v === "" ? t.empty : v);
  return html`${diff.columnsAdded.length ? html`<p>${fill(t.columnsAdded, { columns: diff.columnsAdded.join(", ") })}</p>` : ""}${diff.columnsRemoved.length ? html`<p>${fill(t.columnsRemoved, { columns: diff.columnsRemoved.join(", ") })}</p>` : ""}${
    diff.added.length
      ? html`<h3>${t.rowsAdded}</h3><ul class="diff diff-added">${diff.added.map((r) => html`<li><code>${keyOf(r)}</code> ${rowText(r)}</li>`)}</ul>`
      : ""
  }${
    diff.removed.length
      ? html`<h3>${t.rowsRemoved}</h3><ul class="diff diff-removed">${diff.removed.map((r) => html`<li><code>${keyOf(r)}</code> ${rowText(r)}</li>`)}</ul>`
      : ""
  }${
    diff.changed.length
      ? html`<h3>${t.rowsChanged}</h3><ul class="diff diff-changed">${diff.changed.map(
          (c) =>
            html`<li><code>${c.key}</code><ul>${c.cells.map(
              (x) => html`<li>${x.column}: <del>${shown(x.from)}</del> → <ins>${shown(x.to)}</ins></li>`,
            )}</ul></li>`,
        )}</ul>`
      : ""
  }${!diff.added.length && !diff.removed.length && !diff.changed.length && !diff.columnsAdded.length ? html`<p>${t.noRowChange}</p>` : ""}`;
}

/** The revision log of a dataset: commits newest first, each with what it did to the rows. */
export function renderRevisions(log: RevisionLog, key: string, corrections: Correction[], lang: Lang = "en"): SafeHtml {
  const t = CATALOGUE[lang];
  if (!log.available) {
    const why = { untracked: t.untracked, fetched: t.fetched, "made-from-others": t.madeFromOthers }[log.reason] ?? t.noHistory;
    return html`<p class="note">${why}</p>`;
  }
  const correctionsOn = (date: string) => corrections.filter((c) => c.date === date);
  return html`<p>${t.revisionsIntro}</p>
${log.shallow ? html`<p class="note">${t.shallow}</p>` : ""}
<ol class="revisions">${
    log.uncommitted
      ? html`<li class="revision"><details><summary><strong>${t.uncommitted}</strong> <span class="note">${diffSummary(log.uncommitted, lang)}</span></summary>${renderDiff(log.uncommitted, key, lang)}</details></li>`
      : ""
  }${log.revisions.map((r, i) => {
    const first = i === log.revisions.length - 1 && !log.shallow && r.diff.removed.length === 0 && r.diff.changed.length === 0;
    const linked = correctionsOn(r.date);
    return html`<li class="revision" id="rev-${r.commit.slice(0, 12)}"><details${i === 0 ? raw(" open") : ""}><summary><time datetime="${r.date}">${r.date}</time> · <span lang="en">${r.message}</span> <span class="note">${
      first ? fill(t.firstVersion, { n: formatNumber(r.diff.added.length, { locale: lang }) }) : diffSummary(r.diff, lang)
    } · <code>${r.commit.slice(0, 7)}</code></span></summary>${first ? "" : renderDiff(r.diff, key, lang)}${
      linked.length
        ? html`<p class="note">${linked.map((c, j) => html`${j ? " · " : ""}<a href="${localePath(lang, "/corrections/")}#${c.id}">${fill(t.correctionLink, { type: c.type === "correction" ? t.correction : t.revision, date: lang === "ko" ? (dateLabel(c.date, "ko") ?? c.date) : c.date })}</a>`)}</p>`
        : ""
    }</details></li>\n`;
  })}</ol>`;
}

/** /data/<name>/: one dataset with its fields, first rows and revision log. */
export function renderDataset(
  store: DatasetStore,
  name: string,
  context: { root: string; figures: FigureUse[]; pages: PageRef[]; corrections: Correction[] },
  lang: Lang = "en",
): SafeHtml {
  const t = CATALOGUE[lang];
  const info = store.info(name)!;
  const { title, description } = titled(info, lang);
  const rows = store.get(name).rows;
  const period = periodOf(info, rows, lang);
  const uses = usesOf(name, context.figures, context.pages, lang);
  const corrections = context.corrections.filter((c) => c.dataset === name);
  const notes = lang === "ko" && info.notes_ko ? info.notes_ko : (info.notes ?? []);
  const file = info.inputs?.[0];
  // The boundary files are fetched, not committed (data/raw/): their datasets have no history in git.
  const log: RevisionLog = file?.startsWith("data/raw/")
    ? { available: false, reason: "fetched" }
    : file?.startsWith("data/")
      ? revisionLog(context.root, file, info.key)
      : { available: false, reason: "made-from-others" };
  const preview = rows.slice(0, PREVIEW_ROWS);
  // The rows are shown as the file holds them; a column with a Korean twin (`ko_field`) is English text.
  const englishTwin = new Set(info.fields.filter((f) => f.ko_field).map((f) => f.name));
  return html`<header class="page-head"><p class="kicker"><a href="${localePath(lang, "/data/")}">${t.allData}</a></p><h1>${title}</h1><p class="dek">${description}</p></header>
<dl class="catalogue-facts">
<div><dt>${t.rowsLabel}</dt> <dd>${fill(t.rows, { n: formatNumber(info.count, { locale: lang }) })}</dd></div>
<div><dt>${t.period}</dt> <dd>${period ?? t.noPeriod}</dd></div>
<div><dt>${t.sources}</dt> <dd><a href="#sources">${info.sources.length === 1 ? t.oneSource : fill(t.sourceCount, { n: formatNumber(info.sources.length, { locale: lang }) })}</a></dd></div>
<div><dt>${t.licence}</dt> <dd>${licences(info, lang)}</dd></div>
<div><dt>${t.downloads}</dt> <dd>${downloads(info)}</dd></div>
</dl>
${notes.length ? html`<h2 id="notes">${t.notes}</h2><ul>${notes.map((n) => html`<li>${n}</li>`)}</ul>` : ""}
<h2 id="sources">${t.sources}</h2>
<ol class="sources">${info.sources.map((id) => {
    const source = store.sources().get(id);
    return source ? sourceEntry(source, lang) : html`<li><code>${id}</code></li>`;
  })}</ol>
<h2 id="used-by">${t.usedBy}</h2>
${
  uses.length
    ? html`<ul>${uses.slice(0, USES_SHOWN).map((u) => html`<li>${raw(fill(t.figureOn, { figure: html`<a href="${u.url}"${u.titleLang !== lang ? raw(' lang="en"') : ""}>${u.title}</a>`.value, page: (u.url.startsWith("/ko/") === (lang === "ko") ? html`${u.page}` : html`<span lang="${u.url.startsWith("/ko/") ? "ko" : "en"}">${u.page}</span>`).value }))}</li>`)}</ul>${
        uses.length > USES_SHOWN
          ? html`<p>${raw(fill(t.usedByMore, { n: formatNumber(uses.length - USES_SHOWN, { locale: lang }), manifest: html`<a href="/data/manifest.json"><code>manifest.json</code></a> (<code>used_by</code>)`.value }))}</p>`
          : ""
      }`
    : html`<p>${t.usedByNone}</p>`
}
<h2 id="fields">${t.fields}</h2>
<div class="table-wrap table-wrap--full" tabindex="0" role="region" aria-label="${t.fields}"><table>
<thead><tr><th scope="col">${t.field}</th><th scope="col">${t.type}</th><th scope="col">${t.unit}</th><th scope="col">${t.description}</th></tr></thead>
<tbody>${info.fields.map((f) => {
    const label = lang === "ko" && f.label_ko ? f.label_ko : f.label;
    const unit = lang === "ko" && f.unit_ko ? f.unit_ko : (f.unit ?? "");
    const about = [
      lang === "ko" && f.description_ko ? f.description_ko : f.description,
      f.derived ? fill(t.derived, { how: (lang === "ko" && f.derived_ko) || f.derived }) : "",
    ]
      .filter(Boolean)
      .join("; ");
    return html`<tr><th scope="row"><code>${f.name}</code><br><span class="note">${label}</span></th><td>${typeLabel(f, lang)}${f.values ? html`<br><span class="note">${f.values.join(", ")}</span>` : ""}</td><td class="unit">${unit}</td><td>${about}</td></tr>\n`;
  })}</tbody></table></div>
<h2 id="preview">${t.preview}</h2>
<p class="note">${fill(t.previewOf, { shown: formatNumber(preview.length, { locale: lang }), total: formatNumber(info.count, { locale: lang }) })}</p>
<div class="table-wrap" tabindex="0" role="region" aria-label="${t.preview}"><table class="preview">
<thead><tr>${info.fields.map((f) => html`<th scope="col">${f.name}</th>`)}</tr></thead>
<tbody>${preview.map((r) => html`<tr>${info.fields.map((f) => html`<td${englishTwin.has(f.name) ? raw(' lang="en"') : ""}>${cell(r[f.name])}</td>`)}</tr>\n`)}</tbody></table></div>
<h2 id="revisions">${t.revisions}</h2>
${renderRevisions(log, info.key, corrections, lang)}
${
  corrections.length
    ? html`<h2 id="corrections">${t.corrections}</h2><ul>${corrections.map(
        (c) =>
          html`<li><a href="${localePath(lang, "/corrections/")}#${c.id}">${fill(t.correctionLink, { type: c.type === "correction" ? t.correction : t.revision, date: lang === "ko" ? (dateLabel(c.date, "ko") ?? c.date) : c.date })}</a>: ${correctionText(c, lang).now}</li>`,
      )}</ul>`
    : ""
}
${info.descriptor ? html`<p class="note">${fill(t.descriptor, { file: info.descriptor })}</p>` : ""}`;
}
