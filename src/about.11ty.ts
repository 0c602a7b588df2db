/** /about/: how the data is made, every source with its licence, and what is missing. */
import type { DatasetStore } from "./figures/datasets.ts";
import { formatNumber } from "./lib/format.ts";
import { html, isSafeHref } from "./lib/html.ts";
import { DOWNLOADS } from "./lib/i18n/downloads.ts";
import { DEFAULT_LANG, type Lang } from "./lib/i18n/index.ts";

export const data = {
  layout: "layouts/base.11ty.ts",
  title: "About the data",
  dek: "Where every number on this site comes from, how the maps are made, and what we could not find.",
  permalink: "/about/",
};

const TYPES: Record<string, string> = {
  OFF: "official document or statistics",
  NEWS: "news report of an official release",
  REPO: "public data repository",
  CODE: "third-party code file (weakest: used only for approximate coordinates)",
  WIKI: "Wikipedia",
  STUDY: "study or research institute",
};

export function render(d: { datasets: DatasetStore; title: string; dek: string; lang?: Lang }): string {
  const lang = d.lang ?? DEFAULT_LANG;
  const manifest = d.datasets.manifest();
  const sources = [...d.datasets.sources().values()].sort((a, b) => a.id.localeCompare(b.id));
  const datasets = Object.values(manifest.datasets).sort((a, b) => a.name.localeCompare(b.name));
  return html`<header class="page-head"><h1>${d.title}</h1><p class="dek">${d.dek}</p></header>
<h2 id="rules">Our rules</h2>
<ul>
<li>Every number on the site comes from a row of a dataset in the atlas's repository, and every row names its sources. The list of sources is below.</li>
<li>We do not estimate or fill in figures. Where a source is missing a value, the site shows it as missing. Where two sources disagree, we show both and say so.</li>
<li>Derived figures (areas, densities) say how they were computed.</li>
<li>Every map and chart can be downloaded as data, and reads without JavaScript: the graphic is drawn when the site is built, and a table of the data sits under it.</li>
</ul>
<h2 id="boundaries">Maps and boundaries</h2>
<p>District (gu) and neighbourhood (dong) boundaries are the 2013 census boundaries of Statistics Korea (KOSTAT), as published in the public repository <a href="https://github.com/southkorea/seoul-maps" rel="noopener">southkorea/seoul-maps</a> under the Apache License 2.0. They are simplified, so areas computed from them differ slightly from official areas: the 25 districts add up to ${formatNumber(
    d.datasets.get("districts").rows.reduce((s, r) => s + (r.area_km2 as number), 0),
    { digits: 1 },
  )} km². Interactive maps are drawn in your browser with MapLibre from files on this site; no map tiles, fonts or scripts come from anywhere else.</p>
<h2 id="datasets">Datasets</h2>
<p>Every dataset with its fields, first rows, the stories that use it and its revision log: <a href="/data/">the data catalogue</a>.</p>
<div class="table-wrap" tabindex="0" role="region" aria-label="Datasets"><table>
<caption>Datasets and their downloads</caption>
<thead><tr><th scope="col">Dataset</th><th scope="col" class="num">Rows</th><th scope="col">Sources</th><th scope="col">Download</th></tr></thead>
<tbody>${datasets.map(
    (ds) =>
      html`<tr><th scope="row">${ds.title}<br><span class="note">${ds.description}</span></th><td class="num">${formatNumber(ds.count)}</td><td>${ds.sources.map((s, i) => html`${i ? ", " : ""}<a href="#source-${s}">${s}</a>`)}</td><td><a href="/data/${ds.files.csv.path}" download>CSV</a>${ds.files.geojson ? html` · <a href="/data/${ds.files.geojson.path}" download>GeoJSON</a>` : ""}</td></tr>\n`,
  )}</tbody></table></div>
<p class="note">${DOWNLOADS[lang].spreadsheetNote}</p>
<h2 id="sources">Sources</h2>
<ol class="sources">${sources.map(
    (s) =>
      html`<li id="source-${s.id}"><strong>${s.publisher}</strong>, ${s.url && isSafeHref(s.url) ? html`<a href="${s.url}" rel="noopener">${s.title}</a>` : s.title} (${s.published}). <span class="note">${TYPES[s.type] ?? s.type}; language: ${s.language === "ko" ? "Korean" : "English"}; licence: ${s.licence}.${s.notes ? ` ${s.notes}` : ""}</span> <code>${s.id}</code></li>\n`,
  )}</ol>
<h2 id="missing">What we could not find</h2>
<ul>
<li>An official table of greenhouse-gas emissions for all 25 districts. The district figures we show are the scattered ones that news reports and district plans state, each with its year.</li>
<li>An official population table for all 25 districts more recent than the 2010 census: the 2015 census figures we show come from a third-party repackaging of Statistics Korea's census, checked against Seoul's total; no figures by district were found for the 2020 census.</li>
<li>Counts of small businesses or venture companies for every district.</li>
<li>Exact locations of several startup facilities in Gwanak-gu and of the sites of Gangbuk-gu's public-design projects. They are listed with their addresses, not placed on maps.</li>
</ul>
<h2 id="licences">Licences</h2>
<p>Boundaries: southkorea/seoul-maps, Apache License 2.0. Population: KOSIS 2010 Census via southkorea/southkorea-population, CC BY 3.0. News reports are cited as sources; their text is not reproduced. Typeface: Pretendard, SIL Open Font License 1.1 (<a href="/assets/fonts/LICENSE-Pretendard.txt">licence</a>). Our own data files and code: MIT.</p>
<p>Found an error? See <a href="/corrections/">corrections and data revisions</a>.</p>`.value;
}
