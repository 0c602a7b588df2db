/** The home page: the latest stories and a map of the 25 districts that links to their pages. */
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { DistrictProperties } from "../scripts/lib/districts.ts";
import type { DatasetStore } from "./figures/datasets.ts";
import { html } from "./lib/html.ts";
import { overviewMap } from "./site/district-map.ts";
import { findBox } from "./site/find-box.ts";
import { publishedDate } from "./site/published-date.ts";
import { type PageData, storiesNewestFirst } from "./site/types.ts";

export const data = { layout: "layouts/base.11ty.ts" };

export function render(d: PageData & { datasets: DatasetStore }): string {
  const stories = storiesNewestFirst(d.collections);
  const districts = d.datasets.get("districts").geojson as FeatureCollection<Polygon | MultiPolygon, DistrictProperties>;
  return html`<header class="page-head"><h1>${d.site.title}</h1><p class="dek">${d.site.description}</p></header>
<section aria-labelledby="latest"><h2 id="latest">Latest stories</h2>
<ul class="story-list">${stories.map(
    (s) =>
      html`<li><h3><a href="${s.url}">${s.data.title}</a></h3>${s.data.dek ? html`<p>${s.data.dek}</p>` : ""}<p class="meta"><time datetime="${s.date.toISOString().slice(0, 10)}">${publishedDate(s.date)}</time></p></li>`,
  )}</ul></section>
<section aria-labelledby="explore" class="explore"><h2 id="explore">Explore the 25 districts</h2>
<p>Choose a district on the map, or from the <a href="/districts/">list of districts</a>.</p>
${findBox()}
${overviewMap(districts, { title: "Map of Seoul's 25 districts: each links to its page" })}
</section>`.value;
}
