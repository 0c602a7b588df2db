/** Gwanak S-Valley startup facilities (facts.md §3.1): points, some without coordinates. */
import { z } from "zod";
import * as c from "../contract.ts";
import type { CsvDatasetSpec } from "../csv-dataset.ts";
import { COORDINATE_FIELDS, GEOCODE_FIELDS, geocodeColumns, JOIN_FIELDS, joinColumns, PLACE_CELLS } from "./point-fields.ts";

const schema = z.object({
  id: c.rowId,
  name_en: c.text,
  name_ko: c.text,
  address: c.text,
  status: z.enum(["open", "planned"], "open or planned"),
  opened: c.optionalPartialDate,
  floor_area_m2: c.optionalNumber,
  ...PLACE_CELLS,
});

export const sValleySites: CsvDatasetSpec<typeof schema> = {
  name: "s-valley-sites",
  file: "data/sites/s-valley-sites.csv",
  title: "Gwanak S-Valley startup facilities",
  description:
    "Startup and venture facilities of Gwanak S-Valley, open and planned, with their address and, where a source gives them, coordinates.",
  notes: [
    "Coordinates are approximate third-party geocodes found in public code files (sources of type CODE), not official positions.",
    "Facilities without coordinates in any source are listed in the table but not drawn on maps.",
  ],
  kind: "points",
  key: "id",
  label_field: "name_en",
  schema,
  guColumns: ["gu"],
  point: { lat: "lat", lon: "lon", gu: "gu" },
  hints: { coord_precision: "building when the coordinates are those of the building, station when they are those of a nearby station." },
  fields: [
    { name: "id", type: "string", label: "Id" },
    { name: "name_en", type: "string", label: "Facility" },
    { name: "name_ko", type: "string", label: "Facility (Korean)", label_ko: "시설" },
    { name: "address", type: "string", label: "Address", label_ko: "주소" },
    ...COORDINATE_FIELDS,
    { name: "status", type: "string", label: "Status", values: ["open", "planned"] },
    {
      name: "opened",
      type: "date",
      label: "Opened",
      description: "opening date at the precision the source gives (for the R&D centre, its completion; see notes); empty when not stated",
    },
    { name: "floor_area_m2", type: "number", label: "Floor area", unit: "m²" },
    ...JOIN_FIELDS,
    ...GEOCODE_FIELDS,
  ],
  // The row's own cells, then the gu and dong it lies in and its geocode (columns by field name).
  output: (r, join, names) => ({ ...r, ...joinColumns(r.gu, names, join), ...geocodeColumns(r) }),
};
