/**
 * Static SVG maps of the 25 gu for site navigation: the home page's overview map, where
 * every district is a link to its page (click or Tab + Enter, no JavaScript needed), and
 * the locator map of a district page, where one district is highlighted.
 */
import { type GeoProjection, geoMercator, geoPath } from "d3";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { DistrictProperties } from "../../scripts/lib/districts.ts";
import { compactPath } from "../figures/compact-path.ts";
import { areaContains, areaLabelPositions, narrowLabels, placeLabels } from "../figures/label-placement.ts";
import { html, type SafeHtml } from "../lib/html.ts";
import { DEFAULT_LANG, fill, type Lang } from "../lib/i18n/index.ts";
import { MAP_NAV_STRINGS } from "../lib/i18n/site.ts";
import { textWidth } from "../lib/text-fit.ts";
import { localePath } from "./editions.ts";

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

/** A district's name on the map: "Gwanak" in English, "관악" in Korean (the 구 is dropped in both). */
const shortName = (p: DistrictProperties, lang: Lang) => (lang === "ko" ? p.name_ko.replace(/구$/, "") : p.name_en.replace(/-gu$/, ""));

/**
 * Every district's name, at its label point or, where a neighbour's name is there already,
 * a little above or below it inside the district (Yangcheon and Yeongdeungpo ran into one
 * word). Every district keeps its name: one with no free place stays at its point.
 */
function overviewLabels(
  districts: Districts,
  projection: GeoProjection,
  height: number,
  lang: Lang,
): { x: number; y: number; text: string; narrowHidden: boolean }[] {
  const requests = districts.features.map((f) => {
    const [x, y] = projection(f.properties.label)!;
    const positions = areaLabelPositions(x, y, (px, py) => areaContains(f, projection.invert!([px, py])!));
    return { lines: [{ text: shortName(f.properties, lang), size: 11 }], positions };
  });
  const fits = placeLabels(requests, textWidth, { width: WIDTH, height });
  const placed = requests.map((r, i) => fits[i] ?? r.positions[0]!);
  // On a phone the names are drawn larger, and those that would then collide are hidden (each
  // area is still a link named by its aria-label, and /districts/ lists every district).
  const narrow = narrowLabels(requests, placed, textWidth, { width: WIDTH, height });
  return requests.map((r, i) => ({ ...placed[i]!, text: r.lines[0]!.text, narrowHidden: narrow[i]!.hide }));
}

/** Overview map: each district a link to its page in the edition of `lang`. */
export function overviewMap(districts: Districts, options: { title: string; lang?: Lang }): SafeHtml {
  const lang = options.lang ?? DEFAULT_LANG;
  const { projection, path, height } = frame(districts, WIDTH);
  const label = (p: DistrictProperties) => (lang === "ko" ? `${p.name_ko} (${p.name_en})` : `${p.name_en} (${p.name_ko})`);
  return html`<svg class="district-map district-map--overview" viewBox="0 0 ${WIDTH} ${height}" role="group" aria-label="${options.title}">
${districts.features.map((f) => html`<a href="${localePath(lang, `/districts/${f.properties.slug}/`)}" class="district-link" data-district="${f.properties.slug}" aria-label="${label(f.properties)}"><path d="${path(f) ?? ""}"/></a>\n`)}<g class="district-map__labels" aria-hidden="true">${overviewLabels(
    districts,
    projection,
    height,
    lang,
  ).map(
    ({ x, y, text, narrowHidden }) =>
      html`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${narrowHidden ? html` data-narrow="hide"` : ""}>${text}</text>`,
  )}</g>
</svg>`;
}

/** Locator map: Seoul's districts in grey, one highlighted. */
export function locatorMap(districts: Districts, slug: string, lang: Lang = DEFAULT_LANG): SafeHtml {
  const width = 320;
  const { path, height } = frame(districts, width);
  const target = districts.features.find((f) => f.properties.slug === slug);
  const t = MAP_NAV_STRINGS[lang];
  const label = target
    ? fill(t.locator, { name: lang === "ko" ? target.properties.name_ko : target.properties.name_en, n: districts.features.length })
    : t.seoul;
  return html`<svg class="district-map district-map--locator" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}">
${districts.features.map((f) => html`<path d="${path(f) ?? ""}"${f.properties.slug === slug ? html` class="is-target"` : ""}/>`)}
</svg>`;
}
