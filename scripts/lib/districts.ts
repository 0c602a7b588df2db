/**
 * The 25 gu: the rows of data/districts.csv (checked against data/districts.resource.yaml
 * like any dataset: codes, names, 2010 census population, sources) joined to the KOSTAT
 * 2013 polygons by KOSTAT code, checked against the JUSO 2015 layer for the administrative
 * SIG_CD, with geodesic area (turf) and a label point inside each polygon.
 *
 * Why TypeScript and not a descriptor: a descriptor describes rows; this module makes the
 * polygons, computes areas and label points, and checks each row against two boundary files.
 *
 * Winding is kept as the KOSTAT file has it (clockwise exterior rings), which is what
 * d3-geo expects; turf's rewind would make every polygon cover the globe in d3.
 */
import { area } from "@turf/turf";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import polylabel from "polylabel";
import { slugOf } from "../../src/lib/district-slug.ts";
import type { ValidRow } from "./csv-dataset.ts";
import { roundGeometry, roundPosition } from "./geojson.ts";
import { neighbours } from "./neighbours.ts";
import type { ProblemList } from "./problems.ts";

export { slugOf };

export const DISTRICTS_FILE = "data/districts.csv";
/** Source id of the KOSTAT 2013 polygons, added to every district's sources. */
export const BOUNDARY_SOURCE = "seoul-maps-kostat-2013";

export interface DistrictProperties {
  code: string;
  sig_cd: string;
  name_ko: string;
  name_en: string;
  slug: string;
  area_km2: number;
  /** [lon, lat] of a point well inside the polygon, for labels. */
  label: [number, number];
  population_2010: number;
  /** People per km², from the two columns above. */
  density_2010: number;
  /** KOSTAT codes of the districts that share a border with this one (see neighbours.ts). */
  neighbours: string[];
  source: string[];
}

export type DistrictFeature = Feature<Polygon | MultiPolygon, DistrictProperties>;

interface KostatProps {
  code: string;
  name: string;
  name_eng: string;
}
interface JusoProps {
  SIG_CD: string;
  SIG_KOR_NM: string;
}

/** Label point: pole of inaccessibility of the largest polygon part (~10 m precision). */
export function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const largest = parts.reduce((best, part) =>
    area({ type: "Polygon", coordinates: part }) > area({ type: "Polygon", coordinates: best }) ? part : best,
  );
  const p = polylabel(largest, 0.0001);
  return roundPosition([p[0], p[1]]) as [number, number];
}

/** A row of districts.csv once its descriptor's checks passed. */
interface DistrictRow {
  code: string;
  sig_cd: string;
  name_ko: string;
  name_en: string;
  population_2010: number;
  source: string[];
}

export function buildDistricts(input: {
  /** The rows of districts.csv that passed the descriptor's checks, and the file they come from. */
  rows: ValidRow[];
  file: string;
  kostat: FeatureCollection<Polygon | MultiPolygon, KostatProps>;
  kostatFile: string;
  juso: FeatureCollection<Polygon | MultiPolygon, JusoProps>;
  problems: ProblemList;
}): FeatureCollection<Polygon | MultiPolygon, DistrictProperties> {
  const { kostat, juso, problems } = input;
  const rows = input.rows.map(({ line, cells }) => ({ line, row: cells as unknown as DistrictRow }));
  const polygons = new Map(kostat.features.map((f) => [f.properties.code, f]));
  const jusoByCode = new Map(juso.features.map((f) => [f.properties.SIG_CD, f]));
  const features: DistrictFeature[] = [];

  for (const { line, row } of rows) {
    const where = { file: input.file, line };
    const ids = row.source;
    const polygon = polygons.get(row.code);
    if (!polygon) {
      problems.add({
        ...where,
        code: "unknown-district",
        field: "code",
        message: `${row.code} is not a gu in ${input.kostatFile}`,
        hint: `Use a KOSTAT 2013 code: ${[...polygons.keys()].sort().join(", ")}.`,
      });
      continue;
    }
    if (polygon.properties.name !== row.name_ko) {
      problems.add({
        ...where,
        code: "name-mismatch",
        field: "name_ko",
        message: `"${row.name_ko}" but the boundary file calls ${row.code} "${polygon.properties.name}"`,
        hint: "Check that code and name belong to the same gu.",
      });
    }
    const jusoFeature = jusoByCode.get(row.sig_cd);
    if (!jusoFeature) {
      problems.add({
        ...where,
        code: "unknown-district",
        field: "sig_cd",
        message: `${row.sig_cd} is not a SIG_CD in the JUSO 2015 layer`,
        hint: "Use the administrative code of the gu (11110 to 11740).",
      });
    } else if (jusoFeature.properties.SIG_KOR_NM !== row.name_ko) {
      problems.add({
        ...where,
        code: "name-mismatch",
        field: "sig_cd",
        message: `${row.sig_cd} is ${jusoFeature.properties.SIG_KOR_NM} in the JUSO 2015 layer, not ${row.name_ko}`,
        hint: "The KOSTAT code and the SIG_CD of a row must name the same gu.",
      });
    }
    const geometry = roundGeometry(polygon.geometry);
    const areaKm2 = Math.round(area(geometry) / 1e4) / 100;
    features.push({
      type: "Feature",
      properties: {
        code: row.code,
        sig_cd: row.sig_cd,
        name_ko: row.name_ko,
        name_en: row.name_en,
        slug: slugOf(row.name_en),
        area_km2: areaKm2,
        label: labelPoint(geometry),
        population_2010: row.population_2010,
        density_2010: Math.round(row.population_2010 / areaKm2),
        neighbours: [],
        source: [...ids, BOUNDARY_SOURCE],
      },
      geometry,
    });
  }
  const covered = new Set(rows.map((r) => r.row.code));
  for (const code of [...polygons.keys()].sort()) {
    if (!covered.has(code) && !problems.items.some((p) => p.file === input.file)) {
      problems.add({
        file: input.file,
        code: "missing-row",
        message: `no row for ${code} (${polygons.get(code)!.properties.name})`,
        hint: "Every gu in the boundary file needs a row.",
      });
    }
  }
  features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  const borders = neighbours(features, (p) => p.code);
  for (const f of features) f.properties.neighbours = borders.get(f.properties.code)!;
  return { type: "FeatureCollection", features };
}
