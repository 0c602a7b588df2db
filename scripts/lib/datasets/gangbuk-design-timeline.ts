/** Milestones of Gangbuk-gu's public design promotion plan (facts.md §4). */
import { z } from "zod";
import * as c from "../contract.ts";
import type { CsvDatasetSpec } from "../csv-dataset.ts";
import { SOURCE_FIELD } from "./point-fields.ts";

const STATUS = ["planned", "done", "unknown"] as const;

const schema = z.object({
  id: c.rowId,
  date: c.optionalPartialDate,
  milestone: c.text,
  status: z.enum(STATUS, `one of ${STATUS.join(", ")}`),
  notes: c.optionalText,
  source: c.sourceCell,
});

export const gangbukDesignTimeline: CsvDatasetSpec<typeof schema> = {
  name: "gangbuk-design-timeline",
  file: "data/tables/gangbuk-design-timeline.csv",
  title: "Gangbuk-gu's public design plan: timeline",
  description:
    "Milestones of Gangbuk-gu's public design promotion plan and its One-Stop Design Clinic, with their status as far as the sources tell.",
  notes: [
    "status is what the sources allow: planned (announced, not confirmed later), done, or unknown.",
    "Two later milestones have no date in the sources and are listed without one.",
    "No project sites with addresses were found, so there is no map layer.",
  ],
  kind: "table",
  key: "id",
  label_field: "milestone",
  schema,
  fields: [
    { name: "id", type: "string", label: "Id" },
    { name: "date", type: "date", label: "Date", description: "month precision where the source gives no day" },
    { name: "milestone", type: "string", label: "Milestone" },
    { name: "status", type: "string", label: "Status", values: [...STATUS] },
    { name: "notes", type: "string", label: "Notes" },
    SOURCE_FIELD,
  ],
};
