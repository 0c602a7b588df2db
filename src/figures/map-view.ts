/**
 * What part of a map a figure shows, and what it draws on top: a zoom to one area or to a
 * box of longitude and latitude, a highlight of some areas, a layer of points. A zoom
 * keeps the map's projection and crops its viewBox (with the map's own proportions), so a
 * scrollytelling step can move between the whole map and a zoom by animating the viewBox;
 * labels and symbols are sized for the zoom, and lines keep their width (CSS
 * `vector-effect: non-scaling-stroke`).
 */

import { type GeoProjection, geoContains } from "d3";
import type { Feature } from "geojson";
import { z } from "zod";
import { html, type SafeHtml } from "../lib/html.ts";
import type { Lang } from "../lib/i18n/index.ts";
import { type MapOverlay, POINT_COLOR } from "../lib/map-style.ts";
import type { Cite } from "./citations.ts";
import type { DatasetStore } from "./datasets.ts";
import { displayName, rowKeys } from "./rows.ts";
import type { SpecChecker } from "./spec.ts";

/** `zoom:` an area's key or slug, or `[west, south, east, north]` in degrees. */
export const ZoomSpec = z.union([z.string(), z.number(), z.tuple([z.number(), z.number(), z.number(), z.number()])]);
export type ZoomSpec = z.infer<typeof ZoomSpec>;

/** `points:` one points dataset, or several, drawn over the areas. */
export const PointsLayersSpec = z.union([z.string(), z.array(z.string()).min(1)]);

/** `highlight:` keys or slugs of areas. */
export const HighlightSpec = z.array(z.union([z.string(), z.number()])).min(1);

/** Seoul and a margin, in degrees: a zoom box must lie within it. */
const SEOUL_BOX = { west: 126.7, south: 37.4, east: 127.25, north: 37.72 };

/** Checks of `highlight`, `zoom` and `points` against the polygons a map draws. */
export function checkMapView(
  check: SpecChecker,
  polygons: string,
  spec: { highlight?: (string | number)[]; zoom?: ZoomSpec; points?: string | string[] },
): void {
  const info = check.store.info(polygons);
  if (!info) return;
  const keys = rowKeys(info, check.store.get(polygons).rows);
  if (spec.highlight) check.oneOf("highlight", spec.highlight, keys, `a key of ${polygons}`);
  if (spec.zoom !== undefined && !Array.isArray(spec.zoom)) check.oneOf("zoom", [spec.zoom], keys, `a key of ${polygons}`);
  if (Array.isArray(spec.zoom)) {
    const [w, s, e, n] = spec.zoom;
    const inside = w >= SEOUL_BOX.west && e <= SEOUL_BOX.east && s >= SEOUL_BOX.south && n <= SEOUL_BOX.north;
    if (!(w < e && s < n) || !inside)
      check.add(
        "zoom",
        "spec-invalid-value",
        `[${spec.zoom.join(", ")}] is not a box in Seoul`,
        `Write [west, south, east, north] in degrees, west < east and south < north, within ${SEOUL_BOX.west}…${SEOUL_BOX.east} (longitude) and ${SEOUL_BOX.south}…${SEOUL_BOX.north} (latitude); or the key of an area, e.g. zoom: gwanak-gu.`,
      );
  }
  if (typeof spec.points === "string") check.dataset("points", ["points"]);
  else for (const i of (spec.points ?? []).keys()) check.dataset(["points", i], ["points"]);
}

/** The keys (not slugs) that a list of keys or slugs names. */
export function resolveKeys(store: DatasetStore, polygons: string, wanted: (string | number)[] | undefined): Set<string> {
  if (!wanted) return new Set();
  const { info, rows } = store.get(polygons);
  const want = new Set(wanted.map(String));
  return new Set(rows.filter((r) => want.has(String(r[info.key])) || want.has(String(r.slug))).map((r) => String(r[info.key])));
}

export interface View {
  /** The SVG viewBox: x, y, width, height. */
  box: [number, number, number, number];
  /** Magnification against the whole map (1: not zoomed). */
  k: number;
  /** What the view shows in degrees, [west, south, east, north], for the interactive map. */
  bounds: [number, number, number, number];
}

/** The view of a map `width` × `height` (whole, or zoomed to a feature or a box of degrees), padded by 10 %. */
export function mapView(
  projection: GeoProjection,
  width: number,
  height: number,
  target?: Feature | [number, number, number, number],
): View {
  let box: [number, number, number, number] = [0, 0, width, height];
  if (target) {
    const corners = Array.isArray(target)
      ? [projection([target[0], target[1]])!, projection([target[2], target[3]])!]
      : boundsOf(projection, target);
    const [x0, x1] = [Math.min(corners[0]![0], corners[1]![0]), Math.max(corners[0]![0], corners[1]![0])];
    const [y0, y1] = [Math.min(corners[0]![1], corners[1]![1]), Math.max(corners[0]![1], corners[1]![1])];
    // The map's own proportions, so the figure keeps its height when it zooms.
    let w = (x1 - x0) * 1.2;
    let h = (y1 - y0) * 1.2;
    if (w / h < width / height) w = (h * width) / height;
    else h = (w * height) / width;
    if (w < width) box = [(x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - h / 2, w, h];
  }
  const [x, y, w, h] = box;
  const nw = projection.invert!([x, y])!;
  const se = projection.invert!([x + w, y + h])!;
  return { box: box.map((v) => Math.round(v * 10) / 10) as View["box"], k: width / w, bounds: [nw[0], se[1], se[0], nw[1]] };
}

function boundsOf(projection: GeoProjection, feature: Feature): [number, number][] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number") {
      const [x, y] = projection(c as [number, number])!;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    } else if (Array.isArray(c)) for (const d of c) visit(d);
  };
  visit((feature.geometry as { coordinates: unknown }).coordinates);
  return [
    [x0, y0],
    [x1, y1],
  ];
}

/** `viewBox="…"` of a view. */
export function viewBoxOf(view: View): string {
  return view.box.join(" ");
}

export interface PointsLayer {
  /** The same points for the interactive map (src/lib/map-style.ts): the dataset's GeoJSON, the keys drawn, the colour. */
  overlay: MapOverlay;
  marks: SafeHtml;
  legend: SafeHtml;
  cite: Cite;
  count: number;
  title: string;
}

/**
 * A layer of points from a points dataset, drawn over a map's areas, sized for the view,
 * in the colour given; only the points that fall inside `areas` (the areas drawn) when given.
 */
export function pointsLayer(
  store: DatasetStore,
  name: string,
  projection: GeoProjection,
  view: View,
  color: string = POINT_COLOR,
  areas?: Feature[],
  lang: Lang = "en",
): PointsLayer {
  const { info, rows, geojson } = store.get(name);
  const rowByKey = new Map(rows.map((r) => [String(r[info.key]), r]));
  const r = 6 / view.k;
  const inside = (at: [number, number]) => !areas || areas.some((a) => geoContains(a, at));
  const shown: typeof rows = [];
  const marks = (geojson?.features ?? []).flatMap((f) => {
    if (f.geometry?.type !== "Point") return [];
    const key = String(f.properties?.[info.key]);
    const row = rowByKey.get(key);
    if (!row || !inside(f.geometry.coordinates as [number, number])) return [];
    shown.push(row);
    const [x, y] = projection(f.geometry.coordinates as [number, number])!;
    const label = displayName(row, info.label_field, lang);
    const value = typeof row.address === "string" ? row.address : info.title;
    return [
      html`<circle class="mark point" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(2)}" fill="${color}" data-key="${info.name}:${key}" data-name="${label}" data-value="${value}" data-x="${x.toFixed(1)}" data-y="${y.toFixed(1)}"/>\n`,
    ];
  });
  return {
    overlay: {
      data: `/data/${info.files.geojson?.path ?? `${name}.geojson`}`,
      key: info.key,
      keys: shown.map((r) => String(r[info.key])),
      color,
    },
    marks: html`<g class="overlay" data-layer="${name}" aria-hidden="true" data-marks="">${marks}</g>`,
    legend: html`<li data-layer="${name}"><svg class="legend__swatch" width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="5.5" fill="${color}"/></svg><span>${info.title} (${marks.length})</span></li>`,
    cite: { dataset: name, rows: shown },
    count: marks.length,
    title: info.title,
  };
}
