/** /districts/ and /ko/districts/: the 25 districts, with their key figures, linking to their pages. */
import type { DatasetStore, Row } from "../figures/datasets.ts";
import { formatNumber } from "../lib/format.ts";
import { html, raw } from "../lib/html.ts";
import { CENSUS } from "../lib/i18n/census.ts";
import { fill, type Lang } from "../lib/i18n/index.ts";
import { DISTRICTS_STRINGS } from "../lib/i18n/site.ts";
import { censusRow } from "../site/census.ts";
import { localePath } from "../site/editions.ts";
import { findBox } from "../site/find-box.ts";

export const data = {
  layout: "layouts/base.11ty.ts",
  permalink: (d: { lang: Lang }) => localePath(d.lang, "/districts/"),
  eleventyComputed: { title: (d: { lang: Lang }) => DISTRICTS_STRINGS[d.lang].title },
};

export function render(d: { districtRows: Row[]; datasets: DatasetStore; lang: Lang }): string {
  const lang = d.lang;
  const ko = lang === "ko";
  const own = (r: Row) => String(ko ? r.name_ko : r.name_en);
  const other = (r: Row) => String(ko ? r.name_en : r.name_ko);
  const rows = [...d.districtRows].sort((a, b) => own(a).localeCompare(own(b), ko ? "ko" : "en"));
  const t = CENSUS[lang];
  const s = DISTRICTS_STRINGS[lang];
  const num = (v: number | undefined, digits = 0) => formatNumber(v, { digits, locale: lang });
  const census = new Map(rows.map((r) => [r.code, censusRow(d.datasets, String(r.code))]));
  const has2015 = [...census.values()].some(Boolean);
  return html`<header class="page-head"><h1>${s.title}</h1>
<p class="dek">${s.dek}</p></header>
${findBox(lang)}
<div class="table-wrap table-wrap--full" tabindex="0" role="region" aria-label="${s.title}"><table>
<caption>${has2015 ? t.caption : s.caption2010}</caption>
<thead><tr><th scope="col">${s.district}</th><th scope="col">${s.korean}</th>${has2015 ? html`<th scope="col" class="num">${t.columnPopulation}</th>` : ""}<th scope="col" class="num">${has2015 ? t.columnPopulation2010 : s.population2010}</th><th scope="col" class="num">${s.area}</th></tr></thead>
<tbody>
${rows.map((r) => html`<tr data-district="${r.slug}"><th scope="row"><a href="${localePath(lang, `/districts/${r.slug}/`)}">${own(r)}</a></th><td lang="${ko ? "en" : "ko"}">${other(r)}</td>${has2015 ? html`<td class="num">${num(census.get(r.code)?.total as number | undefined)}</td>` : ""}<td class="num">${num(r.population_2010 as number)}</td><td class="num">${num(r.area_km2 as number, 2)}</td></tr>\n`)}</tbody>
</table></div>
<p class="note">${has2015 ? t.listNote : s.note2010} ${raw(fill(s.areaNote, { about: html`<a href="${localePath(lang, "/about/")}">${s.about}</a>`.value }))}</p>`
    .value;
}
