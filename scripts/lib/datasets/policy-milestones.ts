/** Dated milestones of the districts' programmes in the stories (facts.md §3.1, §3.3, §4). */
import { z } from "zod";
import * as c from "../contract.ts";
import type { CsvDatasetSpec } from "../csv-dataset.ts";
import { guNameColumns, SOURCE_FIELD } from "./point-fields.ts";

const STATUS = ["planned", "done", "unknown"] as const;
export const POLICY_TOPICS = ["s-valley", "s-valley-agency", "alley-economy", "public-design", "carbon-neutrality", "g-valley"] as const;

const schema = z.object({
  id: c.rowId,
  gu: c.guCode,
  topic: z.enum(POLICY_TOPICS, `one of ${POLICY_TOPICS.join(", ")}`),
  date: c.partialDate,
  milestone: c.text,
  status: z.enum(STATUS, `one of ${STATUS.join(", ")}`),
  notes: c.optionalText,
  source: c.sourceCell,
});

export const policyMilestones: CsvDatasetSpec<typeof schema> = {
  name: "policy-milestones",
  file: "data/tables/policy-milestones.csv",
  title: "Milestones of the districts' programmes",
  description:
    "Dated steps of Gwanak S-Valley and its promotion agency, Geumcheon-gu's alley-economy agreements, and the public design plans of north-eastern districts.",
  notes: [
    "status is what the sources allow: done, planned (announced, not confirmed later), or unknown.",
    "Dates have the precision the source gives (year, month or day).",
  ],
  kind: "table",
  key: "id",
  label_field: "milestone",
  schema,
  guColumns: ["gu"],
  fields: [
    { name: "id", type: "string", label: "Id" },
    { name: "gu_code", type: "string", label: "Gu (KOSTAT code)" },
    { name: "gu_name_en", type: "string", label: "District" },
    { name: "topic", type: "string", label: "Topic", values: [...POLICY_TOPICS] },
    { name: "date", type: "date", label: "Date", description: "at the precision the source gives" },
    { name: "milestone", type: "string", label: "Milestone" },
    { name: "status", type: "string", label: "Status", values: [...STATUS] },
    { name: "notes", type: "string", label: "Notes" },
    SOURCE_FIELD,
  ],
  output: (r, _join, names) => ({ ...r, ...guNameColumns(r.gu, names) }),
};
