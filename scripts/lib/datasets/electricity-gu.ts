/** Electricity use by gu in 2012 and its change since 2009, as one report gives it (facts.md §1.4). */
import { z } from "zod";
import * as c from "../contract.ts";
import type { CsvDatasetSpec } from "../csv-dataset.ts";
import { guNameColumns, SOURCE_FIELD } from "./point-fields.ts";

const METRICS = ["change_2009_2012", "use", "share"] as const;

const schema = z.object({
  id: c.rowId,
  gu: c.guCode,
  year: c.optionalInteger,
  metric: z.enum(METRICS, `one of ${METRICS.join(", ")}`),
  value: c.number,
  unit: c.text,
  notes: c.optionalText,
  source: c.sourceCell,
});

export const electricityGu: CsvDatasetSpec<typeof schema> = {
  name: "electricity-gu",
  file: "data/tables/electricity-gu.csv",
  title: "Electricity use by gu, 2012 (partial)",
  description:
    "Electricity use of the gu a 2013 report on a Seoul Institute analysis names: the change from 2009 to 2012, and the largest users of 2012 with their share of Seoul's use.",
  notes: [
    "Partial: the report names only some gu. It says every other gu's use rose from 2009 to 2012 but gives no figure for them; they are missing, not zero.",
    "Seoul's total for 2012 was 47,234 GWh (as reported); Gangnam-gu's absolute value is misprinted in the article, so only its share is kept.",
  ],
  kind: "table",
  key: "id",
  label_field: "id",
  schema,
  guColumns: ["gu"],
  fields: [
    { name: "id", type: "string", label: "Id" },
    { name: "gu_code", type: "string", label: "Gu (KOSTAT code)" },
    { name: "gu_name_en", type: "string", label: "District" },
    { name: "year", type: "year", label: "Year" },
    { name: "metric", type: "string", label: "Metric", values: [...METRICS] },
    { name: "value", type: "number", label: "Value", description: "in the row's unit" },
    { name: "unit", type: "string", label: "Unit" },
    { name: "notes", type: "string", label: "Notes" },
    SOURCE_FIELD,
  ],
  output: (r, _join, names) => ({ ...r, ...guNameColumns(r.gu, names) }),
};
