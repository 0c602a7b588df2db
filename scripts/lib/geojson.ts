/**
 * GeoJSON helpers for the pipeline: reading the pinned boundary files, rounding
 * coordinates for smaller and stable output, and serialising with one feature per line
 * so a diff of generated/ shows which district changed.
 */
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";

/** 6 decimals of a degree is about 0.1 m: far below what the simplified boundaries resolve. */
export const COORDINATE_DECIMALS = 6;

export function roundPosition(p: Position, decimals = COORDINATE_DECIMALS): Position {
  const f = 10 ** decimals;
  return p.map((v) => Math.round(v * f) / f);
}

export function roundGeometry<G extends Geometry>(g: G, decimals = COORDINATE_DECIMALS): G {
  const r = (p: Position) => roundPosition(p, decimals);
  switch (g.type) {
    case "Point":
      return { ...g, coordinates: r(g.coordinates) };
    case "MultiPoint":
    case "LineString":
      return { ...g, coordinates: g.coordinates.map(r) };
    case "MultiLineString":
    case "Polygon":
      return { ...g, coordinates: g.coordinates.map((ring) => ring.map(r)) };
    case "MultiPolygon":
      return { ...g, coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map(r))) };
    case "GeometryCollection":
      return { ...g, geometries: g.geometries.map((x) => roundGeometry(x, decimals)) };
  }
}

/** Stable text: one feature per line, keys in the order the objects were built. */
export function stringifyFeatureCollection(fc: FeatureCollection): string {
  const lines = fc.features.map((f: Feature) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lines.join(",\n")}\n]}\n`;
}
