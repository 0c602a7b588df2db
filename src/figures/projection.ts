/**
 * The projection of a map figure, each feature's SVG path and the map's height depend only
 * on the features drawn, so they are computed once per set of features of a loaded dataset
 * (the store keeps one object per build), not once per figure: a site with many maps of the
 * same areas builds much faster.
 */
import { type GeoProjection, geoBounds, geoMercator, geoPath } from "d3";
import type { Feature, FeatureCollection } from "geojson";
import { compactPath } from "./compact-path.ts";

export interface Projected {
  projection: GeoProjection;
  /** SVG path of a feature (or a whole collection), memoised. */
  path: (f: Feature | FeatureCollection) => string | null;
  height: number;
  /** [[west, south], [east, north]] of the features drawn. */
  bounds: [[number, number], [number, number]];
}

const cache = new WeakMap<FeatureCollection, Map<string, Projected>>();

/** `width` px wide, fitted to `features` (default: all of `fc`); paths with `digits` decimals (compact-path.ts). */
export function projected(fc: FeatureCollection, width: number, features: Feature[] = fc.features, digits = 0): Projected {
  const all = features.length === fc.features.length;
  const key = `${width}:${digits}:${all ? "all" : features.map((f) => fc.features.indexOf(f)).join(",")}`;
  let byKey = cache.get(fc);
  if (!byKey) cache.set(fc, (byKey = new Map()));
  let p = byKey.get(key);
  if (!p) {
    const drawn: FeatureCollection = all ? fc : { type: "FeatureCollection", features };
    const projection = geoMercator().fitWidth(width, drawn);
    const draw = compactPath(projection, digits);
    const [[, y0], [, y1]] = geoPath(projection).bounds(drawn);
    const paths = new Map<Feature | FeatureCollection, string | null>();
    const path = (f: Feature | FeatureCollection) => {
      if (!paths.has(f)) paths.set(f, draw(f));
      return paths.get(f)!;
    };
    p = { projection, path, height: Math.ceil(y1 - y0 + Math.max(0, y0) * 2), bounds: geoBounds(drawn) as Projected["bounds"] };
    byKey.set(key, p);
  }
  return p;
}
