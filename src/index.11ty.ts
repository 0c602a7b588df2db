/** The home page of each edition: the latest stories and a map of the 25 districts that links to their pages. */
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { DistrictProperties } from "../scripts/lib/districts.ts";
import type { DatasetStore } from "./figures/datasets.ts";
import { formatNumber, keepUnits } from "./lib/format.ts";
import { html, raw } from "./lib/html.ts";
import { fill } from "./lib/i18n/index.ts";
import { HOME_STRINGS, SITE_STRINGS } from "./lib/i18n/site.ts";
import { overviewMap } from "./site/district-map.ts";
import { localePath } from "./site/editions.ts";
import { findBox } from "./site/find-box.ts";
import { publishedDate } from "./site/published-date.ts";
import { type PageData, storiesNewestFirst } from "./site/types.ts";

/**
 * Stories the home page lists, newest first: a newsroom's archive of thousands would make it
 * too heavy to read (and over the page budget). The older ones are counted, and found by
 * search, their district pages and the sitemap.
 */
export const HOME_STORIES = 50;

export const data = { layout: "layouts/base.11ty.ts", permalink: (d: PageData) => localePath(d.lang, "/") };

export function render(d: PageData & { datasets: DatasetStore }): string {
  const lang = d.lang;
  const t = HOME_STRINGS[lang];
  const stories = storiesNewestFirst(d.collections, lang);
  const districts = d.datasets.get("districts").geojson as FeatureCollection<Polygon | MultiPolygon, DistrictProperties>;
  return html`<header class="page-head"><h1>${SITE_STRINGS[lang].title}</h1><p class="dek">${SITE_STRINGS[lang].description}</p></header>
<section aria-labelledby="latest"><h2 id="latest">${t.latest}</h2>
${
  stories.length
    ? html`<ul class="story-list">${stories
        .slice(0, HOME_STORIES)
        .map(
          (s) =>
            html`<li><h3><a href="${s.url}">${keepUnits(s.data.title)}</a></h3>${s.data.dek ? html`<p>${keepUnits(s.data.dek)}</p>` : ""}<p class="meta"><time datetime="${s.date.toISOString().slice(0, 10)}">${publishedDate(s.date, lang)}</time></p></li>`,
        )}</ul>${
        stories.length > HOME_STORIES
          ? html`<p class="older">${raw(fill(t.older, { n: formatNumber(stories.length - HOME_STORIES, { locale: lang }), search: html`<a href="${localePath(lang, "/search/")}">${t.searchLink}</a>`.value }))}</p>`
          : ""
      }`
    : html`<p>${t.noStories}</p>`
}</section>
<section aria-labelledby="explore" class="explore"><h2 id="explore">${t.explore}</h2>
<p>${raw(fill(t.choose, { list: html`<a href="${localePath(lang, "/districts/")}">${t.listLink}</a>`.value }))}</p>
${findBox(lang)}
${overviewMap(districts, { title: t.mapTitle, lang })}
</section>`.value;
}
