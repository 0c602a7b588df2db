/**
 * Static SVG maps of the 25 gu for site navigation: the home page's overview map, where
 * every district is a link to its page (click or Tab + Enter, no JavaScript needed), and
 * the locator map of a district page, where one district is highlighted.
 */
import { type GeoProjection, geoMercator, geoPath } from "d3";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { DistrictProperties } from "../../scripts/lib/districts.ts";
import { compactPath } from "../figures/compact-path.ts";
import { html, type SafeHtml } from "../lib/html.ts";

type Districts = FeatureCollection<Polygon | MultiPolygon, DistrictProperties>;

const WIDTH = 640;

interface Frame {
  projection: GeoProjection;
  /** SVG path of a district, memoised. */
  path: (f: Districts["features"][number]) => string | null;
  height: number;
}

// The projection and the paths depend only on the districts and the width: computed once
// per build, not once per page (25 district pages each draw the 25 districts).
const frames = new WeakMap<Districts, Map<number, Frame>>();

function frame(districts: Districts, width: number): Frame {
  let byWidth = frames.get(districts);
  if (!byWidth) frames.set(districts, (byWidth = new Map()));
  let f = byWidth.get(width);
  if (!f) {
    const projection = geoMercator().fitWidth(width, districts);
    const draw = compactPath(projection);
    const [[, y0], [, y1]] = geoPath(projection).bounds(districts);
    const paths = new Map<object, string | null>();
    const path = (feature: Districts["features"][number]) => {
      if (!paths.has(feature)) paths.set(feature, draw(feature));
      return paths.get(feature)!;
    };
    f = { projection, path, height: Math.ceil(y1 + Math.max(0, y0)) };
    byWidth.set(width, f);
  }
  return f;
}

const shortName = (p: DistrictProperties) => p.name_en.replace(/-gu$/, "");

/** Overview map: each district a link to /districts/<slug>/. */
export function overviewMap(districts: Districts, options: { title: string }): SafeHtml {
  const { projection, path, height } = frame(districts, WIDTH);
  return html`<svg class="district-map district-map--overview" viewBox="0 0 ${WIDTH} ${height}" role="group" aria-label="${options.title}">
${districts.features.map((f) => html`<a href="/districts/${f.properties.slug}/" class="district-link" data-district="${f.properties.slug}" aria-label="${f.properties.name_en} (${f.properties.name_ko})"><path d="${path(f) ?? ""}"/></a>\n`)}<g class="district-map__labels" aria-hidden="true">${districts.features.map(
    (f) => {
      const [x, y] = projection(f.properties.label)!;
      return html`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}">${shortName(f.properties)}</text>`;
    },
  )}</g>
</svg>`;
}

/** Locator map: Seoul's districts in grey, one highlighted. */
export function locatorMap(districts: Districts, slug: string): SafeHtml {
  const width = 320;
  const { path, height } = frame(districts, width);
  const target = districts.features.find((f) => f.properties.slug === slug);
  return html`<svg class="district-map district-map--locator" viewBox="0 0 ${width} ${height}" role="img" aria-label="${target ? `Locator map: ${target.properties.name_en} highlighted among Seoul's ${districts.features.length} districts` : "Map of Seoul's districts"}">
${districts.features.map((f) => html`<path d="${path(f) ?? ""}"${f.properties.slug === slug ? html` class="is-target"` : ""}/>`)}
</svg>`;
}
