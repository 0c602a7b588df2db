/**
 * Single figures the stories quote that belong in no series: counts of projects and
 * strategies, grant and fund sizes, G-Valley's size (facts.md §3.1, §3.3, §1.3c; brief).
 * Every number a story's text gives must stand in a dataset; these rows hold the rest.
 */
import { z } from "zod";
import * as c from "../contract.ts";
import type { CsvDatasetSpec } from "../csv-dataset.ts";
import { SOURCE_FIELD } from "./point-fields.ts";
import { POLICY_TOPICS } from "./policy-milestones.ts";

const schema = z.object({
  id: c.rowId,
  gu: c.guCodes,
  topic: z.enum(POLICY_TOPICS, `one of ${POLICY_TOPICS.join(", ")}`),
  fact: c.text,
  value: c.number,
  unit: c.text,
  approx: c.boolean,
  date: c.partialDate,
  as_stated: c.text,
  notes: c.optionalText,
  source: c.sourceCell,
});

export const policyFacts: CsvDatasetSpec<typeof schema> = {
  name: "policy-facts",
  file: "data/tables/policy-facts.csv",
  title: "Figures from the districts' programmes",
  description:
    "Single figures quoted in the stories: projects, strategies, grants, funds, and the size of G-Valley, each with its unit and date.",
  notes: [
    "date is the date of the statement (or of the figure, where the source gives it), at the precision the source gives.",
    'approx is true where the source says "about".',
    "G-Valley figures of 2025 cover Geumcheon-gu's part only; those of 2019 and 2020 cover the whole complex.",
  ],
  kind: "table",
  key: "id",
  label_field: "fact",
  schema,
  guColumns: ["gu"],
  fields: [
    { name: "id", type: "string", label: "Id" },
    { name: "gu_codes", type: "list", label: "Gu (KOSTAT codes)" },
    { name: "topic", type: "string", label: "Topic", values: [...POLICY_TOPICS] },
    { name: "fact", type: "string", label: "What" },
    { name: "value", type: "number", label: "Value", description: "in the row's unit" },
    { name: "unit", type: "string", label: "Unit" },
    { name: "approx", type: "boolean", label: 'Approximate ("about")' },
    { name: "date", type: "date", label: "Date" },
    { name: "as_stated", type: "string", label: "As stated" },
    { name: "notes", type: "string", label: "Notes" },
    SOURCE_FIELD,
  ],
  output: (r) => {
    const { gu, ...rest } = r;
    return { ...rest, gu_codes: gu };
  },
};
