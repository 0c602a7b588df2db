/**
 * The per-gu greenhouse-gas figures that exist in the sources (facts.md §1.3): sparse on
 * purpose, each with its year (or none), metric and unit, and the unit doubts the facts flag.
 */
import { z } from "zod";
import * as c from "../contract.ts";
import type { CsvDatasetSpec } from "../csv-dataset.ts";
import { guNameColumns, SOURCE_FIELD } from "./point-fields.ts";

const METRICS = [
  "co2_energy",
  "co2_energy_per_person",
  "ghg_total",
  "ghg_target",
  "reduction_target_pct",
  "reduction_target_kt",
  "sector_share_pct",
  "rank_highest",
  "rank_lowest",
] as const;

const schema = z.object({
  id: c.rowId,
  gu: c.guCode,
  metric: z.enum(METRICS, `one of ${METRICS.join(", ")}`),
  sector: c.optionalText,
  value: c.number,
  unit: c.text,
  approx: c.boolean,
  kind: z.enum(["actual", "target"], "actual or target"),
  year: c.optionalInteger,
  year_note: c.optionalText,
  base_year: c.optionalInteger,
  scope: c.text,
  unit_doubt: c.optionalText,
  notes: c.optionalText,
  source: c.sourceCell,
});

export const ghgGu: CsvDatasetSpec<typeof schema> = {
  name: "ghg-gu",
  file: "data/tables/ghg-gu.csv",
  title: "Greenhouse-gas figures by gu (sparse)",
  description:
    "Every per-gu greenhouse-gas figure found in the sources — totals, per-person values, targets, sector shares and rankings — each with its year, metric and unit. No complete official table for the 25 gu exists in the sources.",
  notes: [
    "Sparse on purpose: most gu have no figure for most metrics, and figures of different years and methods must not be ranked against each other.",
    'Rows with a unit_doubt print their unit in a way the facts question (e.g. "1,145t" that is evidently thousand tonnes); show them flagged or leave them out of charts.',
    "Left out: the April-2023 monthly values of Seoul Energy Information (printed as tonnes, which they cannot be; only the ranking is kept), Gwanak's \"100,000 t cut in 2023\" (unclear whether achieved or planned) and Nowon's reduction percentages (a forum repost).",
    "year is empty where the source does not state it (year_note says so).",
  ],
  kind: "table",
  key: "id",
  label_field: "id",
  schema,
  guColumns: ["gu"],
  fields: [
    { name: "id", type: "string", label: "Id" },
    { name: "gu_code", type: "string", label: "Gu (KOSTAT code)" },
    { name: "gu_name_en", type: "string", label: "Gu" },
    { name: "metric", type: "string", label: "Metric", values: [...METRICS] },
    { name: "sector", type: "string", label: "Sector" },
    { name: "value", type: "number", label: "Value", description: "in the row's unit" },
    { name: "unit", type: "string", label: "Unit" },
    { name: "approx", type: "boolean", label: 'Approximate ("about")' },
    { name: "kind", type: "string", label: "Kind", values: ["actual", "target"] },
    { name: "year", type: "year", label: "Year", description: "year of the value, or target year; empty when not stated" },
    { name: "year_note", type: "string", label: "About the year" },
    { name: "base_year", type: "year", label: "Base year" },
    { name: "scope", type: "string", label: "Scope" },
    { name: "unit_doubt", type: "string", label: "Unit doubt" },
    { name: "notes", type: "string", label: "Notes" },
    { name: "label", type: "string", label: "Label", description: "gu and year of the figure" },
    SOURCE_FIELD,
  ],
  output: (r, _join, names) => ({
    ...r,
    ...guNameColumns(r.gu, names),
    // One readable name per row, for chart labels: a gu can have figures of several years.
    label: `${names.get(r.gu) ?? r.gu} (${r.year ?? "year not stated"})`,
  }),
};
