/** G-Valley and Geumcheon map anchors (facts.md §3.3, §3.4): points, some without coordinates. */
import { z } from "zod";
import * as c from "../contract.ts";
import type { CsvDatasetSpec } from "../csv-dataset.ts";
import { COORDINATE_FIELDS, GEOCODE_FIELDS, geocodeColumns, JOIN_FIELDS, joinColumns, PLACE_CELLS } from "./point-fields.ts";

const schema = z.object({
  id: c.rowId,
  name_en: c.text,
  name_ko: c.text,
  kind: z.enum(["station", "office", "market"], "station, office or market"),
  address: c.optionalText,
  ...PLACE_CELLS,
});

export const gValleyAnchors: CsvDatasetSpec<typeof schema> = {
  name: "g-valley-anchors",
  file: "data/sites/g-valley-anchors.csv",
  title: "G-Valley and Geumcheon-gu map anchors",
  description: "Places that anchor maps of G-Valley (Seoul Digital National Industrial Complex) and Geumcheon-gu's alley economy.",
  notes: [
    "Coordinates are approximate third-party geocodes found in public code files (sources of type CODE), not official positions.",
    "Places without coordinates in any source are listed in the table but not drawn on maps.",
  ],
  kind: "points",
  key: "id",
  label_field: "name_en",
  schema,
  guColumns: ["gu"],
  point: { lat: "lat", lon: "lon", gu: "gu" },
  fields: [
    { name: "id", type: "string", label: "Id" },
    { name: "name_en", type: "string", label: "Place" },
    { name: "name_ko", type: "string", label: "Place (Korean)", label_ko: "장소" },
    { name: "kind", type: "string", label: "Kind", values: ["station", "office", "market"] },
    { name: "address", type: "string", label: "Address", label_ko: "주소" },
    ...COORDINATE_FIELDS,
    ...JOIN_FIELDS,
    ...GEOCODE_FIELDS,
  ],
  // The row's own cells, then the gu and dong it lies in and its geocode (columns by field name).
  output: (r, join, names) => ({ ...r, ...joinColumns(r.gu, names, join), ...geocodeColumns(r) }),
};
