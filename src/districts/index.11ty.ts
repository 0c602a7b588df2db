/** /districts/: the 25 districts, with their key figures, linking to their pages. */
import type { DatasetStore, Row } from "../figures/datasets.ts";
import { formatNumber } from "../lib/format.ts";
import { html } from "../lib/html.ts";
import { CENSUS } from "../lib/i18n/census.ts";
import { censusRow } from "../site/census.ts";
import { findBox } from "../site/find-box.ts";

export const data = { layout: "layouts/base.11ty.ts", title: "Seoul's 25 districts", permalink: "/districts/" };

export function render(d: { districtRows: Row[]; datasets: DatasetStore }): string {
  const rows = [...d.districtRows].sort((a, b) => String(a.name_en).localeCompare(String(b.name_en)));
  const t = CENSUS.en;
  const census = new Map(rows.map((r) => [r.code, censusRow(d.datasets, String(r.code))]));
  const has2015 = [...census.values()].some(Boolean);
  return html`<header class="page-head"><h1>Seoul's 25 districts</h1>
<p class="dek">Each district (gu, 구) has its own page with its key figures, a map of its neighbourhoods (dong, 동), the stories that concern it and links to its data.</p></header>
${findBox()}
<div class="table-wrap" tabindex="0" role="region" aria-label="Seoul's 25 districts"><table>
<caption>${has2015 ? t.caption : "Districts, population at the 2010 census and area"}</caption>
<thead><tr><th scope="col">District</th><th scope="col">Korean</th>${has2015 ? html`<th scope="col" class="num">${t.columnPopulation}</th>` : ""}<th scope="col" class="num">${has2015 ? t.columnPopulation2010 : "Population, 2010"}</th><th scope="col" class="num">Area (km²)</th></tr></thead>
<tbody>
${rows.map((r) => html`<tr data-district="${r.slug}"><th scope="row"><a href="/districts/${r.slug}/">${r.name_en}</a></th><td lang="ko">${r.name_ko}</td>${has2015 ? html`<td class="num">${formatNumber(census.get(r.code)?.total as number | undefined)}</td>` : ""}<td class="num">${formatNumber(r.population_2010 as number)}</td><td class="num">${formatNumber(r.area_km2 as number, { digits: 2 })}</td></tr>\n`)}</tbody>
</table></div>
<p class="note">${has2015 ? t.listNote : "Population: 2010 Population and Housing Census (KOSIS)."} Area: computed from the simplified KOSTAT 2013 boundaries; see <a href="/about/">About the data</a>.</p>`
    .value;
}
