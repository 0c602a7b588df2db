/**
 * Figure specs: the YAML a journalist writes in a ```figure block. The common keys are
 * checked here; each kind adds its own (kinds/*.ts). A mistake becomes a Problem naming
 * the story file and line, the key, and what is allowed.
 */
import { type Document, isMap, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import type { Problem } from "../../scripts/lib/problems.ts";
import type { DatasetStore } from "./datasets.ts";

export const CommonSpec = z.object({
  kind: z.string(),
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase letters, digits and single hyphens")
    .optional(),
  dataset: z.string(),
  title: z.string().min(1),
  subtitle: z.string().optional(),
  notes: z.string().optional(),
  /** Overrides the generated accessible description. */
  description: z.string().optional(),
});
export type CommonSpec = z.infer<typeof CommonSpec>;

export interface ParsedSpec {
  data: Record<string, unknown>;
  /** 1-based line in the story file of a top-level key (or of the block when absent). */
  lineOf(key: string): number;
}

/** Parse the YAML body of a figure block that starts (its ``` line) at `fenceLine`. */
export function parseSpecYaml(body: string, file: string, fenceLine: number): { spec?: ParsedSpec; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(body, { lineCounter });
  const problems: Problem[] = [];
  for (const e of doc.errors) {
    problems.push({
      code: "spec-yaml",
      file,
      line: fenceLine + (e.linePos?.[0]?.line ?? 1),
      message: `the figure spec is not valid YAML: ${e.message.split("\n")[0]}`,
      hint: "Write one `key: value` per line; quote values that contain a colon followed by a space.",
    });
  }
  if (problems.length) return { problems };
  if (!isMap(doc.contents)) {
    problems.push({
      code: "spec-shape",
      file,
      line: fenceLine + 1,
      message: "the figure block must contain `key: value` lines",
      hint: "Start with `kind: choropleth` (or bar, …) and `dataset: …`.",
    });
    return { problems };
  }
  const map = doc.contents;
  const lineOf = (key: string) => {
    const pair = map.items.find((p) => String((p.key as { value?: unknown })?.value) === key);
    const offset = (pair?.key as { range?: [number] } | undefined)?.range?.[0];
    return fenceLine + (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  };
  return { spec: { data: doc.toJSON() as Record<string, unknown>, lineOf }, problems };
}

/** Turn zod issues of a spec into problems at the offending key's line. */
export function specProblems(error: z.ZodError, spec: ParsedSpec, file: string, allowedKeys: string[]): Problem[] {
  return error.issues.map((issue) => {
    const key = String(issue.path[0] ?? "");
    if (issue.code === "unrecognized_keys") {
      const keys = (issue as { keys: string[] }).keys;
      return {
        code: "spec-unknown-key",
        file,
        line: spec.lineOf(keys[0]!),
        field: keys[0],
        message: `unknown key${keys.length > 1 ? "s" : ""} ${keys.map((k) => `"${k}"`).join(", ")}`,
        hint: `Allowed keys: ${allowedKeys.join(", ")}.`,
      };
    }
    const value = spec.data[key];
    return {
      code: value === undefined ? "spec-missing-key" : "spec-invalid-value",
      file,
      line: spec.lineOf(key),
      field: key,
      message: value === undefined ? `"${key}" is required` : `${JSON.stringify(value)} is not allowed for "${key}": ${issue.message}`,
      hint: value === undefined ? `Add a line \`${key}: …\`.` : allowedHint(issue),
    };
  });
}

function allowedHint(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value" && "values" in issue) return `Allowed: ${(issue.values as unknown[]).join(", ")}.`;
  return "See the figure reference in README.md.";
}

/** Check that the spec's dataset exists and the named keys are fields of it (of the right type). */
export function checkFields(
  store: DatasetStore,
  spec: ParsedSpec,
  file: string,
  fields: { key: string; numeric?: boolean; kinds?: ("polygons" | "points" | "table")[] }[],
): Problem[] {
  const name = String(spec.data.dataset);
  const info = store.info(name);
  if (!info) {
    return [
      {
        code: "spec-unknown-dataset",
        file,
        line: spec.lineOf("dataset"),
        field: "dataset",
        message: `no dataset "${name}"`,
        hint: `Datasets: ${store.names().join(", ")}.`,
      },
    ];
  }
  const problems: Problem[] = [];
  for (const { key, numeric, kinds } of fields) {
    if (kinds && !kinds.includes(info.kind)) {
      problems.push({
        code: "spec-wrong-dataset-kind",
        file,
        line: spec.lineOf("dataset"),
        field: "dataset",
        message: `"${name}" holds ${info.kind}, but this figure needs ${kinds.join(" or ")}`,
        hint: `Datasets with ${kinds.join(" or ")}: ${
          store
            .names()
            .filter((n) => kinds.includes(store.info(n)!.kind))
            .join(", ") || "none"
        }.`,
      });
      continue;
    }
    const value = spec.data[key];
    if (value === undefined) continue;
    const field = info.fields.find((f) => f.name === value);
    const allowed = info.fields.filter((f) => !numeric || f.type === "integer" || f.type === "number").map((f) => f.name);
    if (!field || (numeric && field.type !== "integer" && field.type !== "number")) {
      problems.push({
        code: "spec-unknown-field",
        file,
        line: spec.lineOf(key),
        field: key,
        message: field ? `"${value}" in ${name} is not numeric` : `"${value}" is not a field of ${name}`,
        hint: `${numeric ? "Numeric fields" : "Fields"} of ${name}: ${allowed.join(", ")}.`,
      });
    }
  }
  return problems;
}
