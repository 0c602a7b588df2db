/**
 * Dataset descriptors: one YAML file per dataset beside its data (`<name>.resource.yaml`),
 * in the form of a Frictionless Data Resource with a Table Schema — name, titles and
 * descriptions (English and Korean), licences, `schema.fields` with types and constraints,
 * `primaryKey`, `foreignKeys` — plus what the atlas adds where Table Schema has nothing:
 * named checks (`in-seoul`, `gu-matches-position`, `source-ids`), columns derived by the
 * pipeline (a lookup through a foreign key, the spatial join to gu and dong, a label made
 * from other cells), units, and Korean titles for the Korean edition.
 *
 * The descriptor describes the dataset as it is published (generated/<name>.csv and, for
 * points, .geojson); each field that is not derived is read from the CSV column of the same
 * name, or of the name given by `from`. A mistake in a descriptor is reported with its file
 * and line, like a mistake in a CSV.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { suggest } from "../../../src/figures/spec.ts";
import { yamlError } from "../../../src/lib/yaml-hints.ts";
import type { ProblemList } from "../problems.ts";

export const DESCRIPTOR_SUFFIX = ".resource.yaml";

/** Field types: Table Schema's, plus `list` (values separated by ";") and dates at the precision a source gives. */
export const FIELD_TYPES = ["string", "integer", "number", "boolean", "date", "year", "list"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Atlas checks on one column. */
export const FIELD_CHECKS = ["source-ids"] as const;

/** Datasets whose rows the pipeline builds from boundary files in TypeScript (see their modules). */
export const BUILDERS = ["districts", "district-offices", "dong"] as const;

const nonEmpty = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required: fill it in`);
const name = z
  .string({ error: "a name is required" })
  .regex(/^[a-z0-9]+(_[a-z0-9]+)*$/, "lowercase letters, digits and single underscores, e.g. population_2015");

const Constraints = z
  .object({
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    enum: z
      .array(z.union([z.string(), z.number()]).transform(String))
      .min(1)
      .optional(),
    /** A number, or for dates a date (YYYY, YYYY-MM or YYYY-MM-DD). */
    minimum: z.union([z.number(), z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)]).optional(),
    maximum: z.union([z.number(), z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)]).optional(),
    pattern: z
      .string()
      .refine((p) => {
        try {
          new RegExp(p, "u");
          return true;
        } catch {
          return false;
        }
      }, "not a valid regular expression")
      .optional(),
    minLength: z.number().int().nonnegative().optional(),
    maxLength: z.number().int().positive().optional(),
  })
  .strict();

/** How a derived column is made. */
const Derivation = z.union([
  /** A column of the dataset a foreign key points to, through that key: `{lookup: gu_code, take: name_en}`. */
  z.object({ lookup: name, take: name, note: z.string().optional(), note_ko: z.string().optional() }).strict(),
  /** The gu or dong a point lies in, from the spatial join: `{join: dong, take: code}`. */
  z
    .object({
      join: z.enum(["gu", "dong"]),
      take: z.enum(["code", "name_en", "name_ko"]),
      note: z.string().optional(),
      note_ko: z.string().optional(),
    })
    .strict(),
  /** Text from other cells: `{template: "{metric} ({kind}, {date|date not stated})"}`. */
  z.object({ template: z.string().min(1), note: z.string().optional(), note_ko: z.string().optional() }).strict(),
  /** Made by the dataset's TypeScript builder (boundary layers only); `note` says how. */
  z.object({ builder: z.string().min(1), note: z.string().optional(), note_ko: z.string().optional() }).strict(),
]);
export type Derivation = z.output<typeof Derivation>;

const Category = z.object({ value: z.string(), label: z.string().min(1), label_ko: z.string().min(1) }).strict();

export const FieldDescriptor = z
  .object({
    name,
    type: z.enum(FIELD_TYPES, `one of ${FIELD_TYPES.join(", ")}`),
    title: nonEmpty("a title"),
    title_ko: nonEmpty("a Korean title (title_ko)"),
    description: z.string().optional(),
    description_ko: z.string().optional(),
    unit: z
      .string()
      .trim()
      .min(1, "the unit is empty: fill it in (people, km², %), or delete the line when the column has no unit")
      .optional(),
    unit_ko: z
      .string()
      .trim()
      .min(1, "the Korean unit is empty: fill it in (명, ㎢, %), or delete the line when the column has no unit")
      .optional(),
    /** An example value, shown when a cell does not have the expected form. */
    example: z.string().optional(),
    /** How to fix a wrong cell of this column, when the generic hint would not do. */
    hint: z.string().optional(),
    constraints: Constraints.optional(),
    /** Labels of the values of an enumerated column (Table Schema 2 `categories`), used in templates. */
    categories: z.array(Category).optional(),
    /** The CSV column this field is read from, when its published name differs. */
    from: name.optional(),
    derived: Derivation.optional(),
    checks: z.array(z.enum(FIELD_CHECKS, `one of ${FIELD_CHECKS.join(", ")}`)).optional(),
    /** Sources of this column when narrower than the dataset's (ids from data/sources.yaml). */
    sources: z.array(z.string()).optional(),
  })
  .strict()
  .refine((f) => !(f.from && f.derived), { message: "a field is either read from a column (from) or derived, not both", path: ["from"] });
export type FieldDescriptor = z.output<typeof FieldDescriptor>;

const ForeignKey = z
  .object({
    fields: z.union([name, z.array(name).length(1)]).transform((v) => (Array.isArray(v) ? v[0]! : v)),
    reference: z
      .object({
        resource: z.string().min(1),
        fields: z.union([name, z.array(name).length(1)]).transform((v) => (Array.isArray(v) ? v[0]! : v)),
      })
      .strict(),
  })
  .strict();

const Licence = z
  .object({ name: z.string().min(1), title: z.string().min(1), title_ko: z.string().min(1).optional(), path: z.url().optional() })
  .strict();

export const ResourceDescriptor = z
  .object({
    name: z
      .string({ error: "a name is required" })
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase letters, digits and single hyphens, e.g. census-2015-gu"),
    title: nonEmpty("a title"),
    title_ko: nonEmpty("a Korean title (title_ko)"),
    description: nonEmpty("a description"),
    description_ko: nonEmpty("a Korean description (description_ko)"),
    /** The data file, relative to the descriptor (absent for datasets built from the boundary files). */
    path: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*\.csv$/, "the CSV file's name beside the descriptor, e.g. census-2015-gu.csv")
      .optional(),
    format: z.literal("csv").optional(),
    mediatype: z.literal("text/csv").optional(),
    encoding: z.literal("utf-8").optional(),
    profile: z.literal("tabular-data-resource").optional(),
    /** points: one GeoJSON feature per row with coordinates; polygons: boundary layers (builders only). */
    kind: z.enum(["table", "points", "polygons"]).optional(),
    builder: z.enum(BUILDERS).optional(),
    licenses: z.array(Licence).min(1, "name at least one licence"),
    /** Sources of the dataset as a whole (ids from data/sources.yaml), beside those its rows name. */
    sources: z.array(z.string()).optional(),
    /** When the data is of, where no column dates the rows: a date or an ISO interval (2005/2020) at the precision known. */
    period: z
      .union([z.string(), z.number()])
      .transform(String)
      .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/, "a date (2015-11-01) or an interval (2005/2020)"))
      .optional(),
    /** Caveats shown under figures that use the dataset. */
    notes: z.array(z.string().min(1)).optional(),
    /** The same caveats in Korean: as many as notes, in the same order. */
    notes_ko: z.array(z.string().min(1)).optional(),
    /** The field with a row's display name (default: the primary key). */
    label_field: name.optional(),
    checks: z
      .object({
        "in-seoul": z.object({ lat: name, lon: name }).strict().optional(),
        "gu-matches-position": name.optional(),
        /** Totals that must equal the sum of other fields of the row: {total: [korean_nationals, foreigners]}. */
        sums: z.record(name, z.array(name).min(2)).optional(),
      })
      .strict()
      .optional(),
    schema: z
      .object({
        fields: z.array(FieldDescriptor).min(1),
        primaryKey: z.union([name, z.array(name).length(1)]).transform((v) => (Array.isArray(v) ? v[0]! : v)),
        foreignKeys: z.array(ForeignKey).optional(),
        missingValues: z.tuple([z.literal("")]).optional(),
      })
      .strict(),
  })
  .strict()
  // Korean caveats stand beside the English ones, one for one: the site shows the n-th of either.
  .refine((d) => d.notes_ko === undefined || d.notes_ko.length === (d.notes ?? []).length, {
    message: "notes_ko must have one entry per entry of notes, in the same order",
    path: ["notes_ko"],
  });
export type ResourceDescriptor = z.output<typeof ResourceDescriptor>;

/** A descriptor read from data/, with where it is. */
export interface DatasetDescriptor {
  /** Path of the descriptor, relative to the root. */
  file: string;
  /** Path of its CSV, relative to the root (undefined for datasets built from boundary files). */
  data?: string;
  descriptor: ResourceDescriptor;
  /** 1-based line of each field's entry in the descriptor, by field name (for problems about the descriptor). */
  lines: Map<string, number>;
}

/** The CSV column a field is read from, or undefined for a derived field. */
export function columnOf(f: FieldDescriptor): string | undefined {
  return f.derived ? undefined : (f.from ?? f.name);
}

export function kindOf(d: ResourceDescriptor): "table" | "points" | "polygons" {
  return d.kind ?? (d.checks?.["in-seoul"] ? "points" : "table");
}

/** Files under data/ (data/raw/ left out) whose names end with `suffix`, sorted by path. */
function filesEnding(root: string, suffix: string, dir = "data"): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    if (!existsSync(join(root, rel))) return;
    for (const entry of readdirSync(join(root, rel)).sort()) {
      const path = `${rel}/${entry}`;
      if (path === "data/raw") continue;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (entry.endsWith(suffix)) out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** Every `*.resource.yaml` under data/. */
export const descriptorFiles = (root: string) => filesEnding(root, DESCRIPTOR_SUFFIX);

/** Every CSV file under data/: each must be the data of a descriptor. */
export const csvFiles = (root: string) => filesEnding(root, ".csv");

/** Parse one descriptor's text; every problem names the file and the line of the key concerned. */
export function parseDescriptor(text: string, file: string, problems: ProblemList): DatasetDescriptor | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  for (const error of doc.errors) {
    problems.add({
      code: "yaml-syntax",
      file,
      ...yamlError(
        error,
        text,
        "A descriptor is YAML: key: value lines, lists as '- item', nested keys indented by two spaces (a field's keys six spaces in).",
      ),
    });
  }
  if (doc.errors.length) return undefined;
  const raw = doc.toJS() as { schema?: { fields?: { name?: unknown }[] } } | null;
  const parsed = ResourceDescriptor.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // The deepest node of the path that exists: its key's line, or its own.
      let line: number | undefined;
      for (let n = issue.path.length; n >= 0 && line === undefined; n--) {
        const path = issue.path.slice(0, n) as (string | number)[];
        const parent = n > 0 ? doc.getIn(path.slice(0, -1), true) : undefined;
        const pair = parent && typeof parent === "object" && "items" in parent ? findPair(parent, path[n - 1]!) : undefined;
        const node = pair?.key ?? (n === 0 ? doc.contents : doc.getIn(path, true));
        line = lineAt((node as { range?: [number] } | undefined)?.range?.[0]);
      }
      problems.add({
        code: "invalid-descriptor",
        file,
        line,
        // schema.fields.3.title → schema.fields.3 (total).title: which field, by its name.
        field: issue.path
          .map((p, i) => {
            const name = i === 2 && issue.path[1] === "fields" ? raw?.schema?.fields?.[Number(p)]?.name : undefined;
            return typeof name === "string" ? `${String(p)} (${name})` : String(p);
          })
          .join("."),
        message: issueMessage(issue, raw),
        hint: `${issueSuggestion(issue, raw)}See docs/data.md, "Describing a dataset", for every key of a descriptor.`,
      });
    }
    return undefined;
  }
  const lines = new Map<string, number>();
  const fieldNodes = doc.getIn(["schema", "fields"], true) as { items?: { range?: [number] }[] } | undefined;
  parsed.data.schema.fields.forEach((f, i) => {
    const line = lineAt(fieldNodes?.items?.[i]?.range?.[0]);
    if (line !== undefined) lines.set(f.name, line);
  });
  const data = parsed.data.path ? `${dirname(file)}/${parsed.data.path}` : undefined;
  return { file, data, descriptor: parsed.data, lines };
}

/** A map's pair whose key is `key` (a list's item at index `key`), or undefined. */
function findPair(parent: object, key: string | number): { key?: unknown } | undefined {
  const items = (parent as { items: unknown[] }).items;
  if (typeof key === "number") {
    const item = items[key] as { range?: [number] } | undefined;
    return item ? { key: item } : undefined;
  }
  return items.find((p) => String((p as { key?: { value?: unknown } }).key?.value) === key) as { key?: unknown } | undefined;
}

export function readDescriptor(root: string, file: string, problems: ProblemList): DatasetDescriptor | undefined {
  return parseDescriptor(readFileSync(join(root, file), "utf8"), file, problems);
}

/** The value an issue is about, read from the descriptor as written. */
function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const p of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** zod's message, with the value written where it is one of a list ("nubmer": one of string, …). */
function issueMessage(issue: z.core.$ZodIssue, raw: unknown): string {
  const value = valueAt(raw, issue.path);
  return issue.code === "invalid_value" && typeof value === "string"
    ? `"${value}" is not one of ${issue.values.map((v) => String(v)).join(", ")}`
    : issue.message;
}

/** "Did you mean …?" for a misspelt value of a list. */
function issueSuggestion(issue: z.core.$ZodIssue, raw: unknown): string {
  const value = valueAt(raw, issue.path);
  if (issue.code !== "invalid_value" || typeof value !== "string") return "";
  const allowed = issue.values.filter((v): v is string => typeof v === "string");
  const near = suggest(value, allowed).trim();
  return near ? `${near} ` : "";
}
