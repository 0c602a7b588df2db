/** Seoul's greenhouse-gas reduction targets (facts.md §1.1) with base year and base value. */
import { z } from "zod";
import * as c from "../contract.ts";
import type { CsvDatasetSpec } from "../csv-dataset.ts";
import { SOURCE_FIELD } from "./point-fields.ts";

const schema = z.object({
  id: c.rowId,
  target_year: z
    .string()
    .trim()
    .regex(/^20\d\d$/, "a year such as 2030")
    .transform(Number),
  value_kt: c.optionalNumber,
  reduction_pct: c.optionalNumber,
  base_year: z
    .string()
    .trim()
    .regex(/^(19|20)\d\d$/, "a year such as 2005")
    .transform(Number),
  base_value_kt: c.optionalNumber,
  series: c.text,
  as_stated: c.text,
  plan: c.text,
  notes: c.optionalText,
  source: c.sourceCell,
});

export const ghgTargets: CsvDatasetSpec<typeof schema> = {
  name: "ghg-targets",
  file: "data/tables/ghg-targets.csv",
  title: "Seoul's greenhouse-gas targets",
  description: "Seoul's reduction targets for 2020 to 2050, with the base year and base value each is measured against.",
  notes: [
    "The 2033 target is on the re-based series (2005 = 52.34 million t); the others on the original series (2005 = 49,445 thousand t).",
    "Empty values are not stated by the source: 2026 gives a percentage only, 2050 says net zero.",
  ],
  kind: "table",
  key: "id",
  label_field: "id",
  schema,
  fields: [
    { name: "id", type: "string", label: "Id" },
    { name: "target_year", type: "year", label: "Target year" },
    { name: "value_kt", type: "number", label: "Target emissions", unit: "thousand t CO2eq" },
    { name: "reduction_pct", type: "number", label: "Change against the base year", unit: "%" },
    { name: "base_year", type: "year", label: "Base year" },
    { name: "base_value_kt", type: "number", label: "Base-year emissions", unit: "thousand t CO2eq" },
    { name: "series", type: "string", label: "Series" },
    { name: "as_stated", type: "string", label: "As stated" },
    { name: "plan", type: "string", label: "Plan" },
    { name: "notes", type: "string", label: "Notes" },
    SOURCE_FIELD,
  ],
};
