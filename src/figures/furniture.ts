/**
 * What every figure has around its graphic (Datawrapper's furniture): title, subtitle,
 * legend, notes, source line, "Get the data" links, the data table in <details>, and an
 * accessible description. All data reaches the HTML through `html`, which escapes it.
 * The table's <details> is open in the HTML, so it reads without JavaScript; the browser
 * script closes it (src/assets/main.ts).
 */
import { formatPartialDate, parsePartialDate } from "../lib/dates.ts";
import { formatNumber, keepUnits } from "../lib/format.ts";
import { escapeHtml, html, isSafeHref, raw, type SafeHtml } from "../lib/html.ts";
import { FIGURE_STRINGS } from "../lib/i18n/figures.ts";
import { DEFAULT_LANG, fill, type Lang } from "../lib/i18n/index.ts";
import type { FieldInfo } from "../lib/manifest.ts";
import { type Row, type Source, sourceText } from "./datasets.ts";
import { textIn } from "./localize.ts";
import { mapFileUrl } from "./map-files.ts";
import type { FigureParts } from "./types.ts";

export interface FurnitureInput {
  id: string;
  kind: string;
  /** The page's language: the furniture's words, and where the embed code points. */
  lang?: Lang;
  /** Spec texts a Korean page shows in English ("title", "subtitle", "description"): marked `lang="en"`. */
  fallbacks?: Set<string>;
  title: string;
  subtitle?: string;
  /** Notes; a note in another language than the page's comes as markup marked with its `lang`. */
  notes: (string | SafeHtml)[];
  description: string;
  sources: Source[];
  downloads: { label: string; href: string }[];
  parts: FigureParts;
  /** The figure alone, for its embed page: no embed code, links open outside the frame. */
  embed: boolean;
  /** False for a figure that has no embed page (a district page's own map): no embed code. */
  embeddable?: boolean;
  /** A scrollytelling figure's steps (src/figures/scrolly.ts): the graphic stays in view while they scroll past. */
  scrolly?: SafeHtml;
}

/** A figure's embed page: /embed/<id>/, and /ko/embed/<id>/ for the Korean edition. */
export function embedUrl(id: string, lang: Lang = DEFAULT_LANG): string {
  return `${lang === "ko" ? "/ko" : ""}/embed/${id}/`;
}

/** The code a reader copies to show the figure on another site: a frame and the script that sizes it (no inline script). */
export function embedCode(id: string, title: string, lang: Lang = DEFAULT_LANG): string {
  return `<iframe src="${embedUrl(id, lang)}" title="${escapeHtml(title)}" data-atlas-embed width="100%" height="560" loading="lazy"></iframe><script src="/assets/embed.js" async></script>`;
}

function embedHtml(id: string, title: string, lang: Lang): SafeHtml {
  const t = FIGURE_STRINGS[lang];
  return html`<details class="figure__embed" data-pagefind-ignore>
<summary>${t.embed}</summary>
<p>${t.embedHelp}</p>
<textarea class="embed-code" readonly rows="3" aria-label="${fill(t.embedLabel, { title })}" data-embed-code>${embedCode(id, title, lang)}</textarea>
<p><a href="${embedUrl(id, lang)}">${t.openAlone}</a></p>
</details>`;
}

export function cellText(field: FieldInfo, value: Row[string] | undefined, lang: Lang = DEFAULT_LANG): string {
  if (value === null || value === undefined || value === "") return "–";
  if (Array.isArray(value)) return value.join(", ");
  if (field.type === "year") return String(value);
  if (typeof value === "number") return formatNumber(value, { digits: field.type === "integer" ? 0 : 2, locale: lang });
  // A Korean table writes dates as Korean prints them ("2023년 3월"); the English one as the data gives them.
  if (field.type === "date" && lang === "ko") {
    const d = parsePartialDate(value);
    if (d) return formatPartialDate(d, lang);
  }
  // A note in a cell ("tax cut 37.5 %") keeps its numbers and units together too.
  return keepUnits(value);
}

/** A table row's link: the first cell links to this page (a district's, on district maps). */
export const ROW_HREF = "__href";
/** A table row's id, an anchor other pages link to (a dong's row, `dong-<code>`). */
export const ROW_ID = "__id";

export function dataTable(columns: FieldInfo[], rows: Row[], caption: string | SafeHtml, lang: Lang = DEFAULT_LANG): SafeHtml {
  const numeric = (f: FieldInfo) => f.type === "integer" || f.type === "number";
  const cell = (r: Row, c: FieldInfo) => cellText(c, r[c.name], lang);
  const head = (r: Row, c: FieldInfo) => {
    const href = r[ROW_HREF];
    return typeof href === "string" ? html`<a href="${href}">${cell(r, c)}</a>` : cell(r, c);
  };
  const label = typeof caption === "string" ? caption : caption.value.replace(/<[^>]*>/g, "");
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${raw(label)}"><table>
<caption>${caption}</caption>
<thead><tr>${columns.map((c) => html`<th scope="col"${numeric(c) ? html` class="num"` : ""}>${c.label}${c.unit ? html` <span class="unit">(${c.unit})</span>` : ""}</th>`)}</tr></thead>
<tbody>
${rows.map((r) => html`<tr${typeof r[ROW_ID] === "string" ? html` id="${r[ROW_ID]}"` : ""}>${columns.map((c, i) => (i === 0 ? html`<th scope="row">${head(r, c)}</th>` : html`<td${numeric(c) ? html` class="num"` : ""}>${cell(r, c)}</td>`))}</tr>\n`)}</tbody>
</table></div>`;
}

export function sourceLine(sources: Source[], lang: Lang = DEFAULT_LANG): SafeHtml {
  const t = FIGURE_STRINGS[lang];
  const year = (s: Source) => (s.published === "n.d." ? t.noDate : s.published.slice(0, 4));
  return html`<p class="figure__source"><span class="label">${sources.length > 1 ? t.sources : t.source}</span> ${sources.map((s, i) => {
    const { publisher, title } = sourceText(s, lang);
    return html`${i ? "; " : ""}${s.url && isSafeHref(s.url) ? html`<a href="${s.url}" rel="noopener">${publisher}</a>` : publisher}, ${title} (${year(s)})`;
  })}</p>`;
}

/** What the page's figure and its embed copy share, rendered once for both. */
interface SharedParts {
  /** The graphic's attributes, values escaped (a chart's model is several KB of JSON). */
  attrs: [string, SafeHtml][];
  notes: SafeHtml;
  source: SafeHtml;
  downloads: SafeHtml;
  table: SafeHtml;
}

function sharedParts(f: Omit<FurnitureInput, "embed">): SharedParts {
  const lang = f.lang ?? DEFAULT_LANG;
  const t = FIGURE_STRINGS[lang];
  return {
    attrs: [
      ...Object.entries(f.parts.graphicAttrs ?? {}).map(([k, v]): [string, SafeHtml] => [k, html`${v}`]),
      ...(f.parts.map ? [["data-map", html`${mapFileUrl(f.id, lang)}`] as [string, SafeHtml]] : []),
    ],
    notes: html`${f.notes.map((n, i) => html`<p class="figure__notes">${i === 0 ? html`<span class="label">${f.notes.length > 1 ? t.notes : t.note}</span> ` : ""}${typeof n === "string" ? keepUnits(n) : n}</p>`)}`,
    source: sourceLine(f.sources, lang),
    downloads: html`${f.downloads.map((d, i) => html`${i ? " · " : ""}<a href="${d.href}" download>${d.label}</a>`)}`,
    table: dataTable(f.parts.table.columns, f.parts.table.rows, textIn(f.title, !!f.fallbacks?.has("title")), lang),
  };
}

/**
 * The search index reads a figure's title, subtitle, description, notes and sources; its
 * graphic (labels and ticks), its table of numbers and its embed code are left out
 * (`data-pagefind-ignore`): they matched every story with a district chart, and on 10,000
 * stories they tripled the memory Pagefind took (about 3 GB).
 */
function figureHtml(f: FurnitureInput, shared: SharedParts): SafeHtml {
  const lang = f.lang ?? DEFAULT_LANG;
  const t = FIGURE_STRINGS[lang];
  const text = (key: string, value: string) => textIn(value, !!f.fallbacks?.has(key));
  const attrs = shared.attrs.map(([k, v]) => html` ${k}="${v}"`);
  const rows = f.parts.table.rows.length;
  // A scrollytelling figure: the legend and graphic stay in view (.scrolly__sticky) while the
  // steps scroll past beside or over them. On its embed page, a frame the reader does not
  // scroll through, each step's text is followed by its own drawing (its "stills"): the
  // figure's title and subtitle speak of every state, and the embed shows them all.
  const steps = f.embed ? undefined : f.scrolly;
  const stills = f.embed ? f.scrolly : undefined;
  const visual = html`${f.parts.legend ?? ""}
<div class="figure__graphic"${attrs} data-pagefind-ignore>${f.parts.graphic}</div>
<p class="figure__status" data-status hidden></p>`;
  const mode = steps ? "scrolly" : stills ? "scrolly-stills" : undefined;
  return html`<figure class="figure figure--${f.kind}${mode ? ` ${mode}` : ""}" id="${f.id}" data-figure="${f.kind}"${mode ? html` data-${mode}` : ""} aria-labelledby="${f.id}-title" aria-describedby="${f.id}-desc">
<header class="figure__head">
${f.embed ? html`<h1 class="figure__title" id="${f.id}-title">${text("title", f.title)}</h1>` : html`<h2 class="figure__title" id="${f.id}-title">${text("title", f.title)}</h2>`}
${f.subtitle ? html`<p class="figure__subtitle">${text("subtitle", f.subtitle)}</p>` : ""}
</header>
${steps ? html`<div class="scrolly__body"><div class="scrolly__sticky">${visual}</div>\n${steps}</div>` : (stills ?? visual)}
<p class="visually-hidden" id="${f.id}-desc">${text("description", f.description)}</p>
<footer class="figure__foot">
${shared.notes}
${shared.source}
<p class="figure__downloads"><span class="label">${t.getData}</span> ${shared.downloads}</p>
</footer>
<details class="figure__table" open data-pagefind-ignore>
<summary>${rows === 1 ? t.tableOne : fill(t.table, { n: formatNumber(rows, { locale: lang }) })}</summary>
${shared.table}
</details>
${f.embed || f.embeddable === false ? "" : embedHtml(f.id, f.title, lang)}
</figure>`;
}

/** The figure as it appears on its page (with the embed code), and alone for /embed/<id>/. */
export function figureHtmls(f: Omit<FurnitureInput, "embed">): { html: SafeHtml; embedHtml: SafeHtml } {
  const shared = sharedParts(f);
  return { html: figureHtml({ ...f, embed: false }, shared), embedHtml: figureHtml({ ...f, embed: true }, shared) };
}
