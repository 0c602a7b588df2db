/** Venture business promotion districts in Seoul (facts.md §3.2): a table, no geometry. */
import { z } from "zod";
import * as c from "../contract.ts";
import type { CsvDatasetSpec } from "../csv-dataset.ts";
import { SOURCE_FIELD } from "./point-fields.ts";

const schema = z.object({
  id: c.rowId,
  name_en: c.text,
  name_ko: c.text,
  gu: c.guCodes,
  area_km2: c.optionalNumber,
  status: z.enum(["designated", "applied"], "designated or applied"),
  designated: c.optionalPartialDate,
  venture_firms: c.optionalInteger,
  venture_firms_year: c.optionalInteger,
  venture_firms_approx: c.boolean,
  smes: c.optionalInteger,
  notes: c.optionalText,
  source: c.sourceCell,
});

export const ventureDistricts: CsvDatasetSpec<typeof schema> = {
  name: "venture-districts",
  file: "data/sites/venture-districts.csv",
  title: "Venture business promotion districts in Seoul",
  description:
    "Venture business promotion districts (벤처기업육성촉진지구) in Seoul and the applications of 2002, with their gu, area, designation and venture-firm counts.",
  notes: [
    "No boundaries are published in the sources, so the districts have no geometry; some span two gu.",
    "Venture-firm counts are from different years (see venture_firms_year); the 2002 applications give approximate counts and their outcome is not in the sources.",
    "Venture-company counts for all 25 gu were not found.",
  ],
  kind: "table",
  key: "id",
  label_field: "name_en",
  schema,
  guColumns: ["gu"],
  fields: [
    { name: "id", type: "string", label: "Id" },
    { name: "name_en", type: "string", label: "District" },
    { name: "name_ko", type: "string", label: "District (Korean)", label_ko: "지구" },
    { name: "gu_codes", type: "list", label: "Gu (KOSTAT codes)" },
    { name: "gu_names_en", type: "list", label: "Gu" },
    { name: "area_km2", type: "number", label: "Area", unit: "km²" },
    { name: "status", type: "string", label: "Status", values: ["designated", "applied"] },
    { name: "designated", type: "date", label: "Designated", description: "at the precision the source gives" },
    { name: "venture_firms", type: "integer", label: "Venture firms", unit: "firms" },
    { name: "venture_firms_year", type: "year", label: "Year of the venture-firm count" },
    { name: "venture_firms_approx", type: "boolean", label: "Venture-firm count is approximate" },
    { name: "smes", type: "integer", label: "SMEs in the district", unit: "firms" },
    { name: "notes", type: "string", label: "Notes" },
    SOURCE_FIELD,
  ],
  output: (r, _join, names) => ({ ...r, gu_codes: r.gu, gu_names_en: r.gu.map((code) => names.get(code) ?? code) }),
};
