/** /districts/<slug>/ and /ko/districts/<slug>/: one page per district (Eleventy pagination over the 25 rows). */
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { DistrictProperties } from "../../scripts/lib/districts.ts";
import type { DatasetStore, Row } from "../figures/datasets.ts";
import type { SiteFigures } from "../figures/site-figures.ts";
import { formatNumber, keepUnits } from "../lib/format.ts";
import { html, raw } from "../lib/html.ts";
import { CENSUS } from "../lib/i18n/census.ts";
import { DONG_MAP_STRINGS } from "../lib/i18n/dong-map.ts";
import { fill, type Lang } from "../lib/i18n/index.ts";
import { DISTRICT_STRINGS, STORY_STRINGS } from "../lib/i18n/site.ts";
import { censusRow, populationFigures, seoulTotal2015 } from "../site/census.ts";
import { districtRows, rowText } from "../site/district-data.ts";
import { dongFigure, dongOf } from "../site/district-dong-map.ts";
import { locatorMap } from "../site/district-map.ts";
import { localePath } from "../site/editions.ts";
import { storiesAbout } from "../site/story-index.ts";
import { type PageData, storiesNewestFirst } from "../site/types.ts";

interface Paged {
  district: Row;
  lang: Lang;
}

/** The district's name in the edition's language, and in the other. */
const names = (r: Row, lang: Lang) =>
  lang === "ko" ? { name: String(r.name_ko), other: String(r.name_en) } : { name: String(r.name_en), other: String(r.name_ko) };

export const data = {
  layout: "layouts/base.11ty.ts",
  pagination: { data: "districtRows", size: 1, alias: "district", addAllPagesToCollections: true },
  permalink: (d: Paged) => localePath(d.lang, `/districts/${d.district.slug}/`),
  eleventyComputed: {
    title: (d: Paged) => fill(DISTRICT_STRINGS[d.lang].title, names(d.district, d.lang)),
    dek: (d: Paged) => fill(DISTRICT_STRINGS[d.lang].dek, names(d.district, d.lang)),
  },
};

export function render(d: PageData & Paged & { datasets: DatasetStore; siteFigures: SiteFigures }): string {
  const lang = d.lang;
  const ko = lang === "ko";
  const t = DISTRICT_STRINGS[lang];
  const r = d.district;
  const { name, other } = names(r, lang);
  const slug = String(r.slug);
  const districts = d.datasets.get("districts").geojson as FeatureCollection<Polygon | MultiPolygon, DistrictProperties>;
  const stories = storiesAbout(storiesNewestFirst(d.collections, lang), slug);
  const office = d.datasets.get("district-offices").rows.find((o) => o.code === r.code);
  const held = districtRows(d.datasets, String(r.code));
  const census = censusRow(d.datasets, String(r.code));
  const [population, ...populationRest] = populationFigures(r, census, lang);
  const density = populationRest.pop()!;
  const seoul = seoulTotal2015(d.datasets);
  const dong = dongFigure(d.datasets, r, lang);
  const tDong = DONG_MAP_STRINGS[lang];
  const rows = d.datasets.get("districts").rows;
  const neighbours = (r.neighbours as string[]).map((code) => rows.find((n) => n.code === code)!);
  const link = (href: string, text: string, download = false) =>
    html`<a href="${href}"${download ? raw(" download") : ""}>${text}</a>`.value;
  const figure = (label: string, value: string, note: string) =>
    html`<div><dt>${label}</dt> <dd><span class="value">${value}</span> <span class="note">${note}</span></dd></div>`;
  return html`<article class="district">
<header class="page-head">
<p class="kicker">${t.kicker}</p>
<h1>${name} <span lang="${ko ? "en" : "ko"}">${other}</span></h1>
</header>
<div class="district-summary">
<dl class="key-figures">
${[population!, ...populationRest].map((f) => figure(f.label, f.value, f.note))}
${figure(t.area, fill(t.areaValue, { value: formatNumber(r.area_km2 as number, { digits: 1, locale: lang }) }), t.areaNote)}
${figure(density.label, density.value, density.note)}
${figure(t.codes, `${r.code} · ${r.sig_cd}`, t.codesNote)}
<div><dt>${t.neighbours}</dt> <dd>${neighbours.map((n, i) => html`${i ? ", " : ""}<a href="${localePath(lang, `/districts/${n.slug}/`)}">${ko ? n.name_ko : n.name_en}</a>`)} <span class="note">${t.neighboursNote}</span></dd></div>
${office ? html`<div><dt>${t.office}</dt> <dd><span lang="ko">${office.address}</span> <span class="note">${t.officeNote}</span></dd></div>` : ""}
</dl>
<figure class="locator">${locatorMap(districts, slug, lang)}<figcaption>${fill(t.locator, { name })}</figcaption></figure>
</div>
${census && seoul !== undefined ? html`<p class="note census-note">${raw(fill(CENSUS[lang].sourceNote, { seoul: formatNumber(seoul, { locale: lang }), link: link(localePath(lang, "/data/census-2015-gu/"), CENSUS[lang].sourceLink) }))}</p>` : ""}
${
  dong
    ? html`<section aria-labelledby="dong"><h2 id="dong">${tDong.heading}</h2>
<p>${fill(tDong.intro, { district: name, n: dongOf(d.datasets, r).length })}</p>
${raw(dong.html.value)}
</section>`
    : ""
}
<section aria-labelledby="stories"><h2 id="stories">${fill(t.stories, { name })}</h2>
${
  stories.length
    ? html`<ul class="story-list">${stories.map(
        (s) =>
          html`<li><h3><a href="${s.url}">${keepUnits(s.data.title)}</a></h3>${s.data.dek ? html`<p>${keepUnits(s.data.dek)}</p>` : ""}${(() => {
            const figs = d.siteFigures.ofPage(s.inputPath);
            return figs.length
              ? html`<p class="meta">${STORY_STRINGS[lang].figures} ${figs.map((f, i) => html`${i ? " · " : ""}<a href="${s.url}#${f.id}">${keepUnits(f.title)}</a>`)}</p>`
              : "";
          })()}</li>`,
      )}</ul>`
    : html`<p>${fill(t.noStories, { name })}</p>`
}
</section>
<section aria-labelledby="data"><h2 id="data">${t.data}</h2>
${
  held.length
    ? html`<p>${fill(t.dataIntro, { name })}</p>
${held.map(
  ({
    info,
    rows,
  }) => html`<h3 class="data-heading">${ko && info.title_ko ? info.title_ko : info.title} <span class="note">(<a href="/data/${info.files.csv.path}" download>CSV</a>)</span></h3>
<ul class="district-rows">${rows.map((row) => {
    const text = rowText(info, row, lang);
    return html`<li>${text.label}${text.value ? html`: <strong>${text.value}</strong>` : ""}</li>`;
  })}</ul>`,
)}`
    : html`<p>${fill(t.noData, { name })}</p>`
}
<p>${raw(
    fill(t.rowOf, {
      name: html`${name}`.value,
      code: html`${r.code}`.value,
      csv: link("/data/districts.csv", "districts.csv", true),
      geojson: link("/data/districts.geojson", "districts.geojson", true),
      about: link(localePath(lang, "/about/"), t.about),
    }),
  )}</p>
</section>
</article>`.value;
}
