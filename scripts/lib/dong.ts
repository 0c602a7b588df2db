/**
 * The 423 administrative dong of the KOSTAT 2013 census boundaries, with their gu (the first
 * five digits of the seven-digit dong code are the gu's KOSTAT code), geodesic area and a
 * label point. Winding is kept as in the file (clockwise), as for the districts.
 *
 * Why TypeScript and not a descriptor: the rows come from a boundary file, not a CSV; the
 * fields they get are declared in data/dong.resource.yaml.
 */
import { area } from "@turf/turf";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { BOUNDARY_SOURCE, labelPoint } from "./districts.ts";
import { roundGeometry } from "./geojson.ts";
import type { ProblemList } from "./problems.ts";

export interface DongProperties {
  code: string;
  name_ko: string;
  name_en: string;
  gu_code: string;
  gu_name_en: string;
  gu_name_ko: string;
  area_km2: number;
  label: [number, number];
  source: string[];
}

interface KostatDongProps {
  code: string;
  name: string;
  name_eng: string;
}

export function buildDong(input: {
  kostat: FeatureCollection<Polygon | MultiPolygon, KostatDongProps>;
  file: string;
  /** The gu by KOSTAT code: English and Korean names. */
  districts: ReadonlyMap<string, { name_en: string; name_ko: string }>;
  problems: ProblemList;
}): FeatureCollection<Polygon | MultiPolygon, DongProperties> {
  const features: Feature<Polygon | MultiPolygon, DongProperties>[] = [];
  for (const f of input.kostat.features) {
    const { code, name, name_eng } = f.properties;
    const guCode = String(code).slice(0, 5);
    const gu = input.districts.get(guCode);
    if (!/^\d{7}$/.test(String(code)) || !gu) {
      input.problems.add({
        code: "unknown-district",
        file: input.file,
        field: "code",
        message: `dong ${code} (${name}) does not belong to any of the 25 gu`,
        hint: "The boundary file differs from the pinned one: run npm run data:fetch, or review the lock.",
      });
      continue;
    }
    const geometry = roundGeometry(f.geometry);
    features.push({
      type: "Feature",
      properties: {
        code: String(code),
        name_ko: name,
        name_en: name_eng,
        gu_code: guCode,
        gu_name_en: gu.name_en,
        gu_name_ko: gu.name_ko,
        area_km2: Math.round(area(geometry) / 1e3) / 1000,
        label: labelPoint(geometry),
        source: [BOUNDARY_SOURCE],
      },
      geometry,
    });
  }
  features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  return { type: "FeatureCollection", features };
}
