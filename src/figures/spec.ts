/**
 * Figure specs: the YAML a journalist writes in a ```figure block. The common keys are
 * checked here; each kind adds its own (kinds/*.ts). A mistake becomes a Problem naming
 * the story file and line, the key, and what is allowed.
 */
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { z } from "zod";
import type { Problem } from "../../scripts/lib/problems.ts";
import type { DatasetInfo, FieldInfo } from "../lib/manifest.ts";
import { yamlError } from "../lib/yaml-hints.ts";
import type { DatasetStore } from "./datasets.ts";

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
/** `where:`/`exclude:` — field values that pick rows (see where.ts). */
export const WhereSpec = z.record(z.string(), z.union([Scalar, z.array(Scalar).min(1)]));
export type WhereSpec = z.infer<typeof WhereSpec>;

export const CommonSpec = z.object({
  kind: z.string(),
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lowercase letters, digits and single hyphens")
    .optional(),
  dataset: z.string(),
  title: z.string().min(1),
  subtitle: z.string().optional(),
  notes: z.string().optional(),
  /** Overrides the generated accessible description. */
  description: z.string().optional(),
  /** Only the rows that match, e.g. `{ year: 2018 }` … */
  where: WhereSpec.optional(),
  /** … and not those that match, e.g. `{ id: 2020-first-estimate }`. */
  exclude: WhereSpec.optional(),
  /** Show the datasets' caveats (their notes in the manifest) under the figure: all, none, or those numbered. */
  caveats: z.union([z.boolean(), z.array(z.number().int().min(1))]).default(true),
});
export type CommonSpec = z.infer<typeof CommonSpec>;

/** A key in the spec: "value", or a path into nested keys like "target.x" or "annotations.0.x". */
export type SpecPath = string | (string | number)[];

export function pathOf(path: SpecPath): (string | number)[] {
  return Array.isArray(path) ? path : path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function pathName(path: SpecPath): string {
  return pathOf(path).join(".");
}

export interface ParsedSpec {
  data: Record<string, unknown>;
  /** 1-based line in the story file of a key (or of its nearest present parent, or of the block). */
  lineOf(path: SpecPath): number;
  /** The value at a path, or undefined. */
  get(path: SpecPath): unknown;
}

/** Parse the YAML body of a figure block that starts (its ``` line) at `fenceLine`. */
export function parseSpecYaml(body: string, file: string, fenceLine: number): { spec?: ParsedSpec; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(body, { lineCounter, uniqueKeys: true });
  const problems: Problem[] = [];
  for (const e of doc.errors) {
    const { line, message, hint } = yamlError(
      e,
      body,
      "Write one `key: value` per line; quote values that contain a colon followed by a space; never repeat a key.",
      fenceLine,
    );
    problems.push({
      code: "spec-yaml",
      file,
      line: line ?? fenceLine + 1,
      message: `the figure spec is not valid YAML: ${message}`,
      hint,
    });
  }
  if (problems.length) return { problems };
  if (!isMap(doc.contents)) {
    problems.push({
      code: "spec-shape",
      file,
      line: fenceLine + 1,
      message: "the figure block must contain `key: value` lines",
      hint: "Start with `kind: choropleth` (or points, bar, line, timeline, progress) and `dataset: …`.",
    });
    return { problems };
  }
  const root = doc.contents;
  const lineAt = (offset: number) => fenceLine + lineCounter.linePos(offset).line;
  const lineOf = (path: SpecPath) => {
    let node: Node | null | undefined = root;
    let line = fenceLine + 1;
    for (const seg of pathOf(path)) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        const keyRange = (pair.key as Node).range;
        if (keyRange) line = lineAt(keyRange[0]);
        node = pair.value as Node | null;
      } else if (isSeq(node) && typeof seg === "number") {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        if (item.range) line = lineAt(item.range[0]);
        node = item;
      } else break;
    }
    return line;
  };
  const data = doc.toJSON() as Record<string, unknown>;
  const get = (path: SpecPath) => {
    let v: unknown = data;
    for (const seg of pathOf(path)) v = v && typeof v === "object" ? (v as Record<string | number, unknown>)[seg] : undefined;
    return v;
  };
  return { spec: { data, lineOf, get }, problems };
}

/** Turn zod issues of a spec into problems at the offending key's line. */
export function specProblems(error: z.ZodError, spec: ParsedSpec, file: string, schema: z.ZodType): Problem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    if (issue.code === "unrecognized_keys") {
      const keys = (issue as { keys: string[] }).keys;
      const at = [...path, keys[0]!];
      const allowed = keysAt(schema, path);
      return {
        code: "spec-unknown-key",
        file,
        line: spec.lineOf(at),
        field: pathName(at),
        message: `unknown key${keys.length > 1 ? "s" : ""} ${keys.map((k) => `"${k}"`).join(", ")}${path.length ? ` in "${pathName(path)}"` : ""}`,
        hint: `Allowed keys${path.length ? ` in "${pathName(path)}"` : ""}: ${allowed.join(", ")}.${suggest(keys[0]!, allowed)}`,
      };
    }
    const value = spec.get(path);
    const name = pathName(path);
    return {
      code: value === undefined ? "spec-missing-key" : "spec-invalid-value",
      file,
      line: spec.lineOf(path),
      field: name,
      message: value === undefined ? `"${name}" is required` : `${JSON.stringify(value)} is not allowed for "${name}": ${issue.message}`,
      hint: value === undefined ? `Add a line \`${path[path.length - 1]}: …\`.` : allowedHint(issue),
    };
  });
}

function allowedHint(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value" && "values" in issue) return `Allowed: ${(issue.values as unknown[]).join(", ")}.`;
  if (issue.code === "invalid_type") return `Write ${EXPECTED[issue.expected] ?? `a ${issue.expected}`}.`;
  if (issue.code === "too_small" || issue.code === "too_big") return `Allowed: ${describeRange(issue)}.`;
  return "See docs/figures.md.";
}

const EXPECTED: Record<string, string> = {
  array: "a list, e.g. [a, b]",
  object: "keys below it, e.g. `{ field: value }`",
  string: "a text",
  number: "a number",
  boolean: "true or false",
};

function describeRange(issue: z.core.$ZodIssue): string {
  const i = issue as { minimum?: number | bigint; maximum?: number | bigint; origin?: string };
  if (i.origin === "string") return "a non-empty text";
  return i.minimum !== undefined ? `${i.minimum} or more` : `${i.maximum} or less`;
}

/** The keys a strict object schema allows at a path (for "unknown key" hints). */
export function keysAt(schema: z.ZodType, path: (string | number)[]): string[] {
  let s: z.ZodType | undefined = schema;
  for (const seg of path) {
    s = unwrap(s);
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(seg)];
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else return [];
  }
  s = unwrap(s);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

function unwrap(s: z.ZodType | undefined): z.ZodType | undefined {
  let t = s;
  while (t && (t instanceof z.ZodOptional || t instanceof z.ZodDefault || t instanceof z.ZodNullable)) t = t.unwrap() as z.ZodType;
  return t;
}

/** " Did you mean …?" for a near miss (one edit apart, or a known key containing it). */
export function suggest(key: string, allowed: string[]): string {
  // The nearest of those within two edits or sharing a start ("dte" → "date", not "dek").
  let near: string | undefined;
  let best = Number.POSITIVE_INFINITY;
  for (const a of allowed) {
    if (a === key) continue;
    const d = editDistance(a, key);
    if ((d <= 2 || a.startsWith(key) || key.startsWith(a)) && d < best) [near, best] = [a, d];
  }
  if (near) return ` Did you mean "${near}"?`;
  // None near: the names that share the key's longest first part up to a separator
  // ("ghg-district" → the four "ghg-" datasets), one as a guess, a few as a list.
  for (let end = key.length - 1; end >= 2; end--) {
    if (!"-_.".includes(key[end]!)) continue;
    const stem = key.slice(0, end + 1);
    const same = allowed.filter((a) => a.startsWith(stem));
    if (same.length === 1) return ` Did you mean "${same[0]}"?`;
    if (same.length > 1) return same.length <= 8 ? ` Those starting "${stem}": ${same.join(", ")}.` : "";
  }
  return "";
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export type FieldKind = "numeric" | "date" | "any";

export const isNumericField = (f: FieldInfo) => f.type === "integer" || f.type === "number";
/** Fields a time axis can use: dates, and integer years. */
export const isDateField = (f: FieldInfo) => f.type === "date" || f.type === "year" || f.type === "integer";

/** Problems of one spec, each at the line of its key: the shared context of every check. */
export class SpecChecker {
  readonly problems: Problem[] = [];
  constructor(
    readonly store: DatasetStore,
    readonly spec: ParsedSpec,
    readonly file: string,
  ) {}

  add(path: SpecPath, code: string, message: string, hint: string): void {
    const p = { code, file: this.file, line: this.spec.lineOf(path), field: pathName(path), message, hint };
    // The same key can be checked twice (e.g. a dataset named for two fields): report it once.
    if (!this.problems.some((q) => q.field === p.field && q.message === p.message)) this.problems.push(p);
  }

  /**
   * The dataset named at `path` (default "dataset"), if it exists and is of an allowed kind.
   * `value` is the name when the spec leaves the key out and a default applies.
   */
  dataset(path: SpecPath = "dataset", kinds?: DatasetInfo["kind"][], value?: unknown): DatasetInfo | undefined {
    const name = this.spec.get(path) ?? value;
    if (typeof name !== "string") return undefined;
    const info = this.store.info(name);
    if (!info) {
      this.add(
        path,
        "spec-unknown-dataset",
        `no dataset "${name}"`,
        `Datasets: ${this.store.names().join(", ")}.${suggest(name, this.store.names())}`,
      );
      return undefined;
    }
    if (kinds && !kinds.includes(info.kind)) {
      const fitting = this.store.names().filter((n) => kinds.includes(this.store.info(n)!.kind));
      this.add(
        path,
        "spec-wrong-dataset-kind",
        `"${name}" holds ${info.kind}, but this figure needs ${kinds.join(" or ")}`,
        `Datasets with ${kinds.join(" or ")}: ${fitting.join(", ") || "none"}.`,
      );
      return undefined;
    }
    return info;
  }

  /** The field named at `path` in `info`, if it exists and has the wanted type. */
  field(info: DatasetInfo, path: SpecPath, want: FieldKind = "any"): FieldInfo | undefined {
    const value = this.spec.get(path);
    if (value === undefined) return undefined;
    const ok = (f: FieldInfo) => want === "any" || (want === "numeric" ? isNumericField(f) : isDateField(f));
    const field = info.fields.find((f) => f.name === value);
    const allowed = info.fields.filter(ok).map((f) => f.name);
    const what = want === "numeric" ? "Numeric fields" : want === "date" ? "Date or year fields" : "Fields";
    if (!field) {
      this.add(
        path,
        "spec-unknown-field",
        `"${value}" is not a field of ${info.name}`,
        `${what} of ${info.name}: ${allowed.join(", ") || "none"}.${suggest(String(value), allowed)}`,
      );
      return undefined;
    }
    if (!ok(field)) {
      const needs = want === "numeric" ? "numeric" : "a date or a year";
      this.add(
        path,
        "spec-wrong-field-type",
        `"${value}" in ${info.name} is ${field.type}, not ${needs}`,
        `${what} of ${info.name}: ${allowed.join(", ") || "none"}.`,
      );
      return undefined;
    }
    return field;
  }

  /** Each value must be one of `allowed` (e.g. keys to highlight); lists what is allowed when not. */
  oneOf(path: SpecPath, values: unknown[], allowed: string[], what: string): void {
    const set = new Set(allowed);
    values.forEach((v, i) => {
      if (set.has(String(v))) return;
      const at = Array.isArray(this.spec.get(path)) ? [...pathOf(path), i] : path;
      const list = allowed.length > 40 ? `${allowed.slice(0, 40).join(", ")}, … (${allowed.length} in all)` : allowed.join(", ");
      this.add(at, "spec-unknown-value", `${JSON.stringify(v)} is not ${what}`, `Allowed: ${list}.${suggest(String(v), allowed)}`);
    });
  }
}
