/**
 * Plausibility of a coordinate pair: inside Seoul's bounding box (the KOSTAT 2013 gu
 * boundaries, widened by about 1.5 km and rounded outwards), with swapped latitude and
 * longitude recognised and named as such. Whether the point lies in the district a row
 * claims is decided later by the spatial join (see point-rows.ts).
 */
import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { Problem } from "./problems.ts";

export interface Bounds {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

/** [minLon, minLat, maxLon, maxLat] of a set of polygons. */
export function bboxOf(features: readonly Feature<Polygon | MultiPolygon>[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const [x, y] of polys.flat(2)) {
      box[0] = Math.min(box[0], x!);
      box[1] = Math.min(box[1], y!);
      box[2] = Math.max(box[2], x!);
      box[3] = Math.max(box[3], y!);
    }
  }
  return box;
}

/** Bounds of a set of polygons widened by `margin` degrees, rounded outwards to 0.01°. */
export function widenedBounds(box: [number, number, number, number], margin = 0.015): Bounds {
  const down = (v: number) => Math.floor(v * 100) / 100;
  const up = (v: number) => Math.ceil(v * 100) / 100;
  const [minLon, minLat, maxLon, maxLat] = box;
  return { minLat: down(minLat - margin), maxLat: up(maxLat + margin), minLon: down(minLon - margin), maxLon: up(maxLon + margin) };
}

const inRange = (v: number, lo: number, hi: number) => v >= lo && v <= hi;
const range = (lo: number, hi: number) => `${lo}…${hi}`;

/**
 * Problems with a (lat, lon) pair, or none. `where` gives file and line; the field names are
 * those of the file's latitude and longitude columns.
 */
export function coordinateProblems(
  lat: number,
  lon: number,
  bounds: Bounds,
  where: { file: string; line: number; latField: string; lonField: string },
): Problem[] {
  const { file, line, latField, lonField } = where;
  const latOk = inRange(lat, bounds.minLat, bounds.maxLat);
  const lonOk = inRange(lon, bounds.minLon, bounds.maxLon);
  if (latOk && lonOk) return [];
  const swapped = inRange(lon, bounds.minLat, bounds.maxLat) && inRange(lat, bounds.minLon, bounds.maxLon);
  if (swapped) {
    return [
      {
        code: "swapped-lat-lon",
        file,
        line,
        field: latField,
        message: `${lat} is outside Seoul (${range(bounds.minLat, bounds.maxLat)}); ${latField} and ${lonField} look swapped`,
        hint: `Put the latitude (about 37.5) in "${latField}" and the longitude (about 127.0) in "${lonField}".`,
      },
    ];
  }
  const out: Problem[] = [];
  if (!latOk) {
    out.push({
      code: "outside-seoul",
      file,
      line,
      field: latField,
      message: `${lat} is outside Seoul (${range(bounds.minLat, bounds.maxLat)})`,
      hint: "Check the latitude against the source (WGS84 decimal degrees); a point outside Seoul does not belong in this dataset.",
    });
  }
  if (!lonOk) {
    out.push({
      code: "outside-seoul",
      file,
      line,
      field: lonField,
      message: `${lon} is outside Seoul (${range(bounds.minLon, bounds.maxLon)})`,
      hint: "Check the longitude against the source (WGS84 decimal degrees); a point outside Seoul does not belong in this dataset.",
    });
  }
  return out;
}
