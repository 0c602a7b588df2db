/**
 * The 423 administrative dong of the KOSTAT 2013 census boundaries, with their gu (the first
 * five digits of the seven-digit dong code are the gu's KOSTAT code), geodesic area and a
 * label point. Winding is kept as in the file (clockwise), as for the districts.
 */
import { area } from "@turf/turf";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { FieldInfo } from "../../src/lib/manifest.ts";
import { BOUNDARY_SOURCE, labelPoint } from "./districts.ts";
import { roundGeometry } from "./geojson.ts";
import type { ProblemList } from "./problems.ts";

export interface DongProperties {
  code: string;
  name_ko: string;
  name_en: string;
  gu_code: string;
  gu_name_en: string;
  area_km2: number;
  label: [number, number];
  source: string[];
}

interface KostatDongProps {
  code: string;
  name: string;
  name_eng: string;
}

export const DONG_FIELDS: FieldInfo[] = [
  { name: "code", type: "string", label: "KOSTAT code (2013)" },
  { name: "name_ko", type: "string", label: "Name (Korean)", label_ko: "행정동" },
  { name: "name_en", type: "string", label: "Dong" },
  { name: "gu_code", type: "string", label: "Gu (KOSTAT code)", derived: "first five digits of the dong code" },
  { name: "gu_name_en", type: "string", label: "Gu" },
  {
    name: "area_km2",
    type: "number",
    label: "Area",
    unit: "km²",
    derived: "geodesic area of the simplified KOSTAT 2013 polygon (turf.area)",
  },
  { name: "label_lon", type: "number", label: "Label longitude", derived: "pole of inaccessibility of the polygon (polylabel)" },
  { name: "label_lat", type: "number", label: "Label latitude", derived: "pole of inaccessibility of the polygon (polylabel)" },
  { name: "source", type: "list", label: "Sources" },
];

export function buildDong(input: {
  kostat: FeatureCollection<Polygon | MultiPolygon, KostatDongProps>;
  file: string;
  districts: ReadonlyMap<string, string>;
  problems: ProblemList;
}): FeatureCollection<Polygon | MultiPolygon, DongProperties> {
  const features: Feature<Polygon | MultiPolygon, DongProperties>[] = [];
  for (const f of input.kostat.features) {
    const { code, name, name_eng } = f.properties;
    const guCode = String(code).slice(0, 5);
    const guName = input.districts.get(guCode);
    if (!/^\d{7}$/.test(String(code)) || !guName) {
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
        gu_name_en: guName,
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
