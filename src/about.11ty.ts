/** /about/ and /ko/about/: how the data is made, every source with its licence, and what is missing. */
import type { DatasetStore } from "./figures/datasets.ts";
import { formatNumber } from "./lib/format.ts";
import { html, raw } from "./lib/html.ts";
import { ABOUT_STRINGS } from "./lib/i18n/about.ts";
import { DOWNLOADS } from "./lib/i18n/downloads.ts";
import { DEFAULT_LANG, fill, type Lang } from "./lib/i18n/index.ts";
import { localePath } from "./site/editions.ts";
import { sourceEntry } from "./site/source-entry.ts";

export const data = {
  layout: "layouts/base.11ty.ts",
  permalink: (d: { lang: Lang }) => localePath(d.lang, "/about/"),
  eleventyComputed: {
    title: (d: { lang: Lang }) => ABOUT_STRINGS[d.lang].title,
    dek: (d: { lang: Lang }) => ABOUT_STRINGS[d.lang].dek,
  },
};

export function render(d: { datasets: DatasetStore; title: string; dek: string; lang?: Lang }): string {
  const lang = d.lang ?? DEFAULT_LANG;
  const t = ABOUT_STRINGS[lang];
  const manifest = d.datasets.manifest();
  const sources = [...d.datasets.sources().values()].sort((a, b) => a.id.localeCompare(b.id));
  const datasets = Object.values(manifest.datasets).sort((a, b) => a.name.localeCompare(b.name));
  const ko = lang === "ko";
  const area = formatNumber(
    d.datasets.get("districts").rows.reduce((s, r) => s + (r.area_km2 as number), 0),
    { digits: 1, locale: lang },
  );
  const link = (href: string, text: string) => html`<a href="${href}">${text}</a>`.value;
  return html`<header class="page-head"><h1>${d.title}</h1><p class="dek">${d.dek}</p></header>
<h2 id="rules">${t.rules}</h2>
<ul>
<li>${t.rule1}</li>
<li>${t.rule2}</li>
<li>${t.rule3}</li>
<li>${t.rule4}</li>
</ul>
<h2 id="boundaries">${t.boundaries}</h2>
<p>${raw(fill(t.boundariesText, { repo: html`<a href="https://github.com/southkorea/seoul-maps" rel="noopener">southkorea/seoul-maps</a>`.value, area }))}</p>
<h2 id="datasets">${t.datasets}</h2>
<p>${raw(fill(t.catalogueText, { catalogue: link(localePath(lang, "/data/"), t.catalogueLink) }))}</p>
<div class="table-wrap table-wrap--full" tabindex="0" role="region" aria-label="${t.tableLabel}"><table>
<caption>${t.caption}</caption>
<thead><tr><th scope="col">${t.dataset}</th><th scope="col" class="num">${t.rows}</th><th scope="col">${t.sources}</th><th scope="col">${t.download}</th></tr></thead>
<tbody>${datasets.map(
    (ds) =>
      html`<tr><th scope="row">${ko && ds.title_ko ? ds.title_ko : ds.title}<br><span class="note">${ko && ds.description_ko ? ds.description_ko : ds.description}</span></th><td class="num">${formatNumber(ds.count, { locale: lang })}</td><td>${ds.sources.map((s, i) => html`${i ? ", " : ""}<a href="#source-${s}">${s}</a>`)}</td><td><a href="/data/${ds.files.csv.path}" download>CSV</a>${ds.files.geojson ? html` · <a href="/data/${ds.files.geojson.path}" download>GeoJSON</a>` : ""}</td></tr>\n`,
  )}</tbody></table></div>
<p class="note">${DOWNLOADS[lang].spreadsheetNote}</p>
<h2 id="sources">${t.sourcesHeading}</h2>
<ol class="sources">${sources.map((s) => sourceEntry(s, lang))}</ol>
<h2 id="missing">${t.missing}</h2>
<ul>
<li>${t.missing1}</li>
<li>${t.missing2}</li>
<li>${t.missing3}</li>
<li>${t.missing4}</li>
</ul>
<h2 id="licences">${t.licences}</h2>
<p>${raw(fill(t.licencesText, { licence: link("/assets/fonts/LICENSE-Pretendard.txt", t.licenceLink) }))}</p>
<p>${raw(fill(t.error, { corrections: link(localePath(lang, "/corrections/"), t.correctionsLink) }))}</p>`.value;
}
