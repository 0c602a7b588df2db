/** /districts/<slug>/: one page per district (Eleventy pagination over the 25 rows). */
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { DistrictProperties } from "../../scripts/lib/districts.ts";
import type { DatasetStore, Row } from "../figures/datasets.ts";
import type { SiteFigures } from "../figures/site-figures.ts";
import { formatNumber } from "../lib/format.ts";
import { html, raw } from "../lib/html.ts";
import { CENSUS } from "../lib/i18n/census.ts";
import { DONG_MAP_STRINGS } from "../lib/i18n/dong-map.ts";
import { fill } from "../lib/i18n/index.ts";
import { censusRow, populationFigures, seoulTotal2015 } from "../site/census.ts";
import { districtRows, rowText } from "../site/district-data.ts";
import { dongFigure, dongOf } from "../site/district-dong-map.ts";
import { locatorMap } from "../site/district-map.ts";
import { storiesAbout } from "../site/story-index.ts";
import { type PageData, storiesNewestFirst } from "../site/types.ts";

export const data = {
  layout: "layouts/base.11ty.ts",
  pagination: { data: "districtRows", size: 1, alias: "district", addAllPagesToCollections: true },
  permalink: (d: { district: Row }) => `/districts/${d.district.slug}/`,
  eleventyComputed: {
    title: (d: { district: Row }) => `${d.district.name_en} (${d.district.name_ko})`,
    dek: (d: { district: Row }) => `Key figures, maps, stories and data for ${d.district.name_en}, one of Seoul's 25 districts.`,
  },
};

export function render(d: PageData & { district: Row; datasets: DatasetStore; siteFigures: SiteFigures }): string {
  const r = d.district;
  const slug = String(r.slug);
  const districts = d.datasets.get("districts").geojson as FeatureCollection<Polygon | MultiPolygon, DistrictProperties>;
  const stories = storiesAbout(storiesNewestFirst(d.collections), slug);
  const office = d.datasets.get("district-offices").rows.find((o) => o.code === r.code);
  const held = districtRows(d.datasets, String(r.code));
  const census = censusRow(d.datasets, String(r.code));
  const [population, ...populationRest] = populationFigures(r, census);
  const density = populationRest.pop()!;
  const seoul = seoulTotal2015(d.datasets);
  const dong = dongFigure(d.datasets, r);
  const tDong = DONG_MAP_STRINGS.en;
  const rows = d.datasets.get("districts").rows;
  const neighbours = (r.neighbours as string[]).map((code) => rows.find((n) => n.code === code)!);
  const figure = (label: string, value: string, note: string) =>
    html`<div><dt>${label}</dt><dd><span class="value">${value}</span> <span class="note">${note}</span></dd></div>`;
  return html`<article class="district">
<header class="page-head">
<p class="kicker">District · 자치구</p>
<h1>${r.name_en} <span lang="ko">${r.name_ko}</span></h1>
</header>
<div class="district-summary">
<dl class="key-figures">
${[population!, ...populationRest].map((f) => figure(f.label, f.value, f.note))}
${figure("Area", `${formatNumber(r.area_km2 as number, { digits: 1 })} km²`, "from the simplified 2013 census boundary")}
${figure(density.label, density.value, density.note)}
${figure("Codes", `${r.code} · ${r.sig_cd}`, "KOSTAT 2013 · administrative SIG_CD")}
<div><dt>Neighbours</dt><dd>${neighbours.map((n, i) => html`${i ? ", " : ""}<a href="/districts/${n.slug}/">${n.name_en}</a>`)} <span class="note">districts that share a border with it (2013 census boundaries)</span></dd></div>
${office ? html`<div><dt>District office</dt><dd><span lang="ko">${office.address}</span> <span class="note">road address; position from a third-party geocode</span></dd></div>` : ""}
</dl>
<figure class="locator">${locatorMap(districts, slug)}<figcaption>${r.name_en} among Seoul's districts</figcaption></figure>
</div>
${census && seoul !== undefined ? html`<p class="note census-note">${raw(fill(CENSUS.en.sourceNote, { seoul: formatNumber(seoul), link: html`<a href="/data/census-2015-gu/">${CENSUS.en.sourceLink}</a>`.value }))}</p>` : ""}
${
  dong
    ? html`<section aria-labelledby="dong"><h2 id="dong">${tDong.heading}</h2>
<p>${fill(tDong.intro, { district: String(r.name_en), n: dongOf(d.datasets, r).length })}</p>
${raw(dong.html.value)}
</section>`
    : ""
}
<section aria-labelledby="stories"><h2 id="stories">Stories about ${r.name_en}</h2>
${
  stories.length
    ? html`<ul class="story-list">${stories.map(
        (s) =>
          html`<li><h3><a href="${s.url}">${s.data.title}</a></h3>${s.data.dek ? html`<p>${s.data.dek}</p>` : ""}${(() => {
            const figs = d.siteFigures.ofPage(s.inputPath);
            return figs.length
              ? html`<p class="meta">Figures: ${figs.map((f, i) => html`${i ? " · " : ""}<a href="${s.url}#${f.id}">${f.title}</a>`)}</p>`
              : "";
          })()}</li>`,
      )}</ul>`
    : html`<p>No story is about ${r.name_en} yet.</p>`
}
</section>
<section aria-labelledby="data"><h2 id="data">Data</h2>
${
  held.length
    ? html`<p>What the atlas's datasets hold about ${r.name_en}, row by row:</p>
${held.map(
  ({
    info,
    rows,
  }) => html`<h3 class="data-heading">${info.title} <span class="note">(<a href="/data/${info.files.csv.path}" download>CSV</a>)</span></h3>
<ul class="district-rows">${rows.map((row) => {
    const t = rowText(info, row);
    return html`<li>${t.label}${t.value ? html`: <strong>${t.value}</strong>` : ""}</li>`;
  })}</ul>`,
)}`
    : html`<p>No dataset of the atlas has rows about ${r.name_en} beyond its boundary and key figures.</p>`
}
<p>${r.name_en} is the row with code ${r.code} in <a href="/data/districts.csv" download>districts.csv</a> and the feature with that code in <a href="/data/districts.geojson" download>districts.geojson</a>. Sources and methods: <a href="/about/">About the data</a>.</p>
</section>
</article>`.value;
}
