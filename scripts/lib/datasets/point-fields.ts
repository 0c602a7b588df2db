/**
 * Output fields that every points dataset shares: coordinates, the gu and dong found by the
 * spatial join, and the sources. Kept in one place so all point layers read alike.
 */
import { z } from "zod";
import type { FieldInfo } from "../../../src/lib/manifest.ts";
import * as c from "../contract.ts";
import type { PointJoin } from "../csv-dataset.ts";

export const SOURCE_FIELD: FieldInfo = { name: "source", type: "list", label: "Sources" };

export const COORDINATE_FIELDS: FieldInfo[] = [
  { name: "lat", type: "number", label: "Latitude", description: "WGS84; empty when no source gives the coordinates" },
  { name: "lon", type: "number", label: "Longitude", description: "WGS84; empty when no source gives the coordinates" },
];

export const JOIN_FIELDS: FieldInfo[] = [
  { name: "gu_code", type: "string", label: "Gu (KOSTAT code)", description: "the gu the row names; checked against the point's position" },
  { name: "gu_name_en", type: "string", label: "Gu" },
  {
    name: "dong_code",
    type: "string",
    label: "Dong (KOSTAT code)",
    derived: "point-in-polygon join to the KOSTAT 2013 dong boundaries; empty without coordinates",
  },
  { name: "dong_name_en", type: "string", label: "Dong", derived: "from dong_code" },
  { name: "dong_name_ko", type: "string", label: "Dong (Korean)", label_ko: "행정동", derived: "from dong_code" },
];

/** The gu columns of one output row: the code it names and the gu's English name. */
export function guNameColumns(guCode: string, guNames: ReadonlyMap<string, string> | null, join: PointJoin | null = null) {
  return { gu_code: guCode, gu_name_en: join?.gu?.name_en ?? guNames?.get(guCode) ?? null };
}

/** The join columns of one output row. */
export function joinColumns(guCode: string, guNames: ReadonlyMap<string, string> | null, join: PointJoin | null): Record<string, unknown> {
  return {
    ...guNameColumns(guCode, guNames, join),
    dong_code: join?.dong?.code ?? null,
    dong_name_en: join?.dong?.name_en ?? null,
    dong_name_ko: join?.dong?.name_ko ?? null,
  };
}

/** Input cells of a place: optional coordinates, the gu it is in, the geocode and its sources. */
export const PLACE_CELLS = {
  lat: c.optionalNumber,
  lon: c.optionalNumber,
  gu: c.guCode,
  coord_source: c.optionalText,
  coord_precision: z.enum(["", "building", "station"], "building, station, or empty without coordinates"),
  notes: c.optionalText,
  source: c.sourceCell,
};

/** Output fields that say where a place's coordinates come from, then notes and sources. */
export const GEOCODE_FIELDS: FieldInfo[] = [
  { name: "coord_source", type: "string", label: "Coordinate source", description: "source id of the third-party geocode" },
  { name: "coord_precision", type: "string", label: "Coordinates are of", values: ["building", "station"] },
  { name: "notes", type: "string", label: "Notes" },
  SOURCE_FIELD,
];

export function geocodeColumns(r: { coord_source: string | null; coord_precision: string; notes: string | null }): Record<string, unknown> {
  return { coord_source: r.coord_source, coord_precision: r.coord_precision || null, notes: r.notes };
}
