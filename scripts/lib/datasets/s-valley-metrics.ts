/** Gwanak S-Valley growth metrics and targets (facts.md §3.1). */
import { z } from "zod";
import * as c from "../contract.ts";
import type { CsvDatasetSpec } from "../csv-dataset.ts";
import { dateLabel } from "../date-label.ts";
import { SOURCE_FIELD } from "./point-fields.ts";

const schema = z.object({
  id: c.rowId,
  date: c.optionalPartialDate,
  metric: c.text,
  value: c.number,
  unit: c.text,
  kind: z.enum(["actual", "target"], "actual or target"),
  as_stated: c.text,
  notes: c.optionalText,
  source: c.sourceCell,
});

export const sValleyMetrics: CsvDatasetSpec<typeof schema> = {
  name: "s-valley-metrics",
  file: "data/tables/s-valley-metrics.csv",
  title: "Gwanak S-Valley in numbers",
  description: "Facilities, firms, jobs, sales and investment of Gwanak S-Valley over time, and the targets of the 2023 plan.",
  notes: [
    "kind separates what was reached (actual) from what was aimed for (target).",
    "date is empty where the source does not give one (the four-year aim, the figures stated at the Sillim centres' opening).",
  ],
  kind: "table",
  key: "id",
  label_field: "metric",
  schema,
  fields: [
    { name: "id", type: "string", label: "Id" },
    { name: "date", type: "date", label: "Date", description: "at the precision the source gives" },
    { name: "metric", type: "string", label: "Metric" },
    { name: "value", type: "number", label: "Value", description: "in the row's unit" },
    { name: "unit", type: "string", label: "Unit" },
    { name: "kind", type: "string", label: "Kind", values: ["actual", "target"] },
    { name: "as_stated", type: "string", label: "As stated" },
    { name: "notes", type: "string", label: "Notes" },
    { name: "label", type: "string", label: "Label", description: "metric, target or reported, and date" },
    SOURCE_FIELD,
  ],
  output: (r) => ({
    ...r,
    // One readable name per row, for chart labels: the same metric recurs at several dates.
    label: `${r.metric} (${r.kind === "target" ? "target" : "reported"}, ${dateLabel(r.date) ?? "date not stated"})`,
  }),
};
