/** /districts/: the 25 districts, with their key figures, linking to their pages. */
import type { Row } from "../figures/datasets.ts";
import { formatNumber } from "../lib/format.ts";
import { html } from "../lib/html.ts";
import { findBox } from "../site/find-box.ts";

export const data = { layout: "layouts/base.11ty.ts", title: "Seoul's 25 districts", permalink: "/districts/" };

export function render(d: { districtRows: Row[] }): string {
  const rows = [...d.districtRows].sort((a, b) => String(a.name_en).localeCompare(String(b.name_en)));
  return html`<header class="page-head"><h1>Seoul's 25 districts</h1>
<p class="dek">Each district (gu, 구) has its own page with its key figures, a map of its neighbourhoods (dong, 동), the stories that concern it and links to its data.</p></header>
${findBox()}
<div class="table-wrap" tabindex="0" role="region" aria-label="Seoul's 25 districts"><table>
<caption>Districts, population at the 2010 census and area</caption>
<thead><tr><th scope="col">District</th><th scope="col">Korean</th><th scope="col" class="num">Population, 2010</th><th scope="col" class="num">Area (km²)</th></tr></thead>
<tbody>
${rows.map((r) => html`<tr data-district="${r.slug}"><th scope="row"><a href="/districts/${r.slug}/">${r.name_en}</a></th><td lang="ko">${r.name_ko}</td><td class="num">${formatNumber(r.population_2010 as number)}</td><td class="num">${formatNumber(r.area_km2 as number, { digits: 2 })}</td></tr>\n`)}</tbody>
</table></div>
<p class="note">Population: 2010 Population and Housing Census (KOSIS). Area: computed from the simplified KOSTAT 2013 boundaries; see <a href="/about/">About the data</a>.</p>`
    .value;
}
