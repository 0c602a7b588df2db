/** Sector shares of Seoul's greenhouse-gas emissions by year (facts.md §1.2). */
import { z } from "zod";
import * as c from "../contract.ts";
import type { CsvDatasetSpec } from "../csv-dataset.ts";
import { SOURCE_FIELD } from "./point-fields.ts";

const SECTORS = [
  "buildings",
  "buildings: household",
  "buildings: commercial",
  "buildings: residential",
  "transport",
  "waste",
  "energy use",
  "industrial processes",
  "manufacturing",
  "power generation",
] as const;
const STATUS = ["inventory", "estimate", "plan", "study"] as const;

const schema = z.object({
  id: c.rowId,
  year: c.optionalInteger,
  period: c.text,
  sector: z.enum(SECTORS, `one of ${SECTORS.join(", ")}`),
  share_pct: c.optionalNumber,
  share_of: z.enum(["total", "buildings"], "total or buildings"),
  value_kt: c.optionalNumber,
  approx: c.boolean,
  status: z.enum(STATUS, `one of ${STATUS.join(", ")}`),
  notes: c.optionalText,
  source: c.sourceCell,
});

export const ghgSectors: CsvDatasetSpec<typeof schema> = {
  name: "ghg-sectors",
  file: "data/tables/ghg-sectors.csv",
  title: "Seoul's greenhouse-gas emissions by sector",
  description: "Shares of Seoul's emissions by sector (buildings, transport, waste, …) by year, with their status.",
  notes: [
    "share_of says what a share is of: Seoul's total, or building emissions only.",
    "Several 2020 values are printed in tonnes but are consistent with thousand tonnes; value_kt carries them as thousand tonnes and the row notes say so.",
    "Rows without a year (the 2024 plan, the 2017–2023 study) give their period instead.",
  ],
  kind: "table",
  key: "id",
  label_field: "id",
  schema,
  fields: [
    { name: "id", type: "string", label: "Id" },
    { name: "year", type: "year", label: "Year" },
    { name: "period", type: "string", label: "Period" },
    { name: "sector", type: "string", label: "Sector", values: [...SECTORS] },
    { name: "share_pct", type: "number", label: "Share", unit: "%" },
    { name: "share_of", type: "string", label: "Share of", values: ["total", "buildings"] },
    { name: "value_kt", type: "number", label: "Emissions", unit: "thousand t CO2eq" },
    { name: "approx", type: "boolean", label: 'Approximate ("about")' },
    { name: "status", type: "string", label: "Status", values: [...STATUS] },
    { name: "notes", type: "string", label: "Notes" },
    SOURCE_FIELD,
  ],
};
