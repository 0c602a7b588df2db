/** Seoul's greenhouse-gas totals (facts.md §1.1): competing values kept as separate rows. */
import { z } from "zod";
import * as c from "../contract.ts";
import type { CsvDatasetSpec } from "../csv-dataset.ts";
import { SOURCE_FIELD } from "./point-fields.ts";

export const GHG_STATUS = ["inventory", "estimate", "re-based"] as const;

const schema = z.object({
  id: c.rowId,
  year: z
    .string()
    .trim()
    .regex(/^(19|20)\d\d$/, "a year such as 2019")
    .transform(Number),
  value_kt: c.number,
  approx: c.boolean,
  status: z.enum(GHG_STATUS, `one of ${GHG_STATUS.join(", ")}`),
  scope: c.text,
  series: c.text,
  as_printed: c.text,
  released: c.optionalPartialDate,
  notes: c.optionalText,
  source: c.sourceCell,
});

export const ghgSeoul: CsvDatasetSpec<typeof schema> = {
  name: "ghg-seoul",
  file: "data/tables/ghg-seoul.csv",
  title: "Seoul's greenhouse-gas emissions",
  description:
    "Seoul-wide greenhouse-gas totals in thousand tonnes CO2eq, 1990 and 2005–2021, as inventories, estimates and the re-based 2005 value.",
  notes: [
    "Competing values for the same year are separate rows (see status, series and released); they are never averaged.",
    'The 2024 plan re-based 2005 to 52.34 million t (series "re-based 2024"); do not draw it on the same line as the original series.',
    'Rows with scope other than "all sectors" (the 2010 energy-sector study) are not comparable with the totals.',
  ],
  kind: "table",
  key: "id",
  label_field: "id",
  schema,
  fields: [
    { name: "id", type: "string", label: "Id" },
    { name: "year", type: "year", label: "Year" },
    {
      name: "value_kt",
      type: "number",
      label: "Emissions",
      unit: "thousand t CO2eq",
      description: "converted from the printed value without rounding",
    },
    { name: "approx", type: "boolean", label: 'Approximate ("about")' },
    { name: "status", type: "string", label: "Status", values: [...GHG_STATUS] },
    { name: "scope", type: "string", label: "Scope" },
    { name: "series", type: "string", label: "Series" },
    { name: "as_printed", type: "string", label: "As printed in the source" },
    { name: "released", type: "date", label: "Released" },
    { name: "notes", type: "string", label: "Notes" },
    SOURCE_FIELD,
  ],
};
