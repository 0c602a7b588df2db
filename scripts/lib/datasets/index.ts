/**
 * The datasets of data/: one descriptor (`*.resource.yaml`) each, found by walking the
 * folder, so that adding a dataset is adding a CSV and its descriptor — no code. Besides
 * the descriptor's own form (descriptor.ts), what only the whole set can tell is checked
 * here: every CSV has a descriptor, names are unique, and each descriptor's keys, foreign
 * keys, derivations, checks and sources name things that exist.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { ProblemList } from "../problems.ts";
import type { Source } from "../sources.ts";
import { columnOf, csvFiles, type DatasetDescriptor, DESCRIPTOR_SUFFIX, descriptorFiles, kindOf, readDescriptor } from "./descriptor.ts";

/** Datasets other descriptors may point to that are built from the boundary files, with their columns. */
export const BOUNDARY_REFERENCES: Record<string, string[]> = {
  districts: ["code", "name_en", "name_ko"],
  dong: ["code", "name_en", "name_ko", "gu_code", "gu_name_en", "gu_name_ko"],
};

/** Read every descriptor under data/ and check them together. Problems go to `problems`. */
export function loadDescriptors(root: string, problems: ProblemList): DatasetDescriptor[] {
  const found: DatasetDescriptor[] = [];
  // A CSV beside a descriptor of its name counts as described, even when the descriptor has a
  // mistake (that mistake is reported, not a missing descriptor as well).
  const described = new Set<string | undefined>();
  for (const file of descriptorFiles(root)) {
    described.add(`${file.slice(0, -DESCRIPTOR_SUFFIX.length)}.csv`);
    const d = readDescriptor(root, file, problems);
    if (d) found.push(d);
  }
  const byName = new Map<string, DatasetDescriptor>();
  for (const d of found) {
    const other = byName.get(d.descriptor.name);
    if (other) {
      problems.add({
        code: "duplicate-id",
        file: d.file,
        line: 1,
        field: "name",
        message: `the dataset name "${d.descriptor.name}" is already used by ${other.file}`,
        hint: "Each dataset needs its own name: it is the name of its files under /data/ and what figures use.",
      });
      continue;
    }
    byName.set(d.descriptor.name, d);
    if (d.descriptor.name !== d.file.split("/").pop()!.slice(0, -DESCRIPTOR_SUFFIX.length))
      problems.add({
        code: "invalid-descriptor",
        file: d.file,
        line: 1,
        field: "name",
        message: `the descriptor of "${d.descriptor.name}" must be named ${d.descriptor.name}${DESCRIPTOR_SUFFIX}`,
        hint: "Rename the file or the dataset, so that each can be found from the other.",
      });
  }
  for (const d of found) described.add(d.data);
  for (const csv of csvFiles(root)) {
    if (described.has(csv)) continue;
    problems.add({
      code: "missing-descriptor",
      file: csv,
      message: "no descriptor describes this CSV file",
      hint: `Write one with: npm run new:dataset -- ${csv} (then fill in the titles, units and licence it asks for).`,
    });
  }
  for (const d of byName.values()) checkDescriptor(root, d, byName, problems);
  return [...byName.values()];
}

/** What the descriptor names must exist: fields, files, referenced datasets and their columns. */
function checkDescriptor(root: string, d: DatasetDescriptor, all: Map<string, DatasetDescriptor>, problems: ProblemList): void {
  const { descriptor } = d;
  const fields = new Map(descriptor.schema.fields.map((f) => [f.name, f]));
  const add = (field: string, message: string, hint: string, at?: string) =>
    problems.add({ code: "invalid-descriptor", file: d.file, line: d.lines.get(at ?? field) ?? 1, field, message, hint });
  const fieldsText = [...fields.keys()].join(", ");

  const seen = new Set<string>();
  for (const f of descriptor.schema.fields) {
    if (seen.has(f.name)) add(`schema.fields.${f.name}`, `the field "${f.name}" is declared twice`, "Declare each field once.", f.name);
    seen.add(f.name);
  }
  const columns = new Map<string, string>();
  for (const f of descriptor.schema.fields) {
    const column = columnOf(f);
    if (!column) continue;
    const other = columns.get(column);
    if (other) add(f.name, `fields "${other}" and "${f.name}" both read the column "${column}"`, "Read each CSV column into one field.");
    columns.set(column, f.name);
  }

  if (descriptor.builder === undefined) {
    if (!d.data)
      add("path", "the descriptor names no data file (path)", "Give the CSV's file name beside the descriptor, e.g. path: my-data.csv.");
    else if (!existsSync(join(root, d.data)))
      add("path", `${d.data} does not exist`, "Put the CSV beside its descriptor, or correct path.");
    if (kindOf(descriptor) === "polygons")
      add("kind", "polygon datasets are built from the boundary files only", "Use kind: table or kind: points (with checks: in-seoul).");
    if (!descriptor.schema.fields.some((f) => f.checks?.includes("source-ids") && !f.derived))
      add(
        "schema.fields",
        "no field holds the rows' source ids",
        "Every row names its sources: add a source column to the CSV and a field for it with type: list, checks: [source-ids], constraints: {required: true}.",
        descriptor.schema.primaryKey,
      );
    for (const f of descriptor.schema.fields)
      if (f.derived && "builder" in f.derived)
        add(f.name, `the field "${f.name}" is derived by a builder, but the dataset has none`, "Use lookup, join or template.");
  }

  const need = (field: string | undefined, what: string) => {
    if (field !== undefined && !fields.has(field))
      add(what, `${what} names "${field}", which is not a field`, `The fields are: ${fieldsText}.`);
  };
  need(descriptor.schema.primaryKey, "schema.primaryKey");
  need(descriptor.label_field, "label_field");
  const seoul = descriptor.checks?.["in-seoul"];
  need(seoul?.lat, "checks.in-seoul.lat");
  need(seoul?.lon, "checks.in-seoul.lon");
  for (const axis of [seoul?.lat, seoul?.lon])
    if (axis && fields.has(axis) && fields.get(axis)!.type !== "number")
      add(axis, `the coordinate field "${axis}" must have type: number`, "Coordinates are WGS84 decimal degrees.");
  const guClaim = descriptor.checks?.["gu-matches-position"];
  need(guClaim, "checks.gu-matches-position");
  if (guClaim && !seoul)
    add("checks.gu-matches-position", "gu-matches-position needs the point's coordinates", "Add checks: in-seoul: {lat: …, lon: …}.");

  for (const [total, parts] of Object.entries(descriptor.checks?.sums ?? {}))
    for (const f of [total, ...parts]) {
      need(f, "checks.sums");
      const type = fields.get(f)?.type;
      if (type && type !== "integer" && type !== "number")
        add("checks.sums", `the sum check uses "${f}", which is not a number`, "Sum numbers only.", f);
    }

  const referenceColumns = (resource: string): string[] | undefined => {
    if (BOUNDARY_REFERENCES[resource]) return BOUNDARY_REFERENCES[resource];
    const other = all.get(resource);
    return other?.descriptor.schema.fields.filter((f) => columnOf(f) !== undefined).map((f) => f.name);
  };
  for (const fk of descriptor.schema.foreignKeys ?? []) {
    need(fk.fields, "schema.foreignKeys.fields");
    const columnsThere = referenceColumns(fk.reference.resource);
    if (!columnsThere)
      add(
        "schema.foreignKeys",
        `the foreign key of "${fk.fields}" points to "${fk.reference.resource}", which is not a dataset`,
        `Point it to districts, dong or a dataset described in data/ (${[...all.keys()].join(", ")}).`,
        fk.fields,
      );
    else if (!columnsThere.includes(fk.reference.fields))
      add(
        "schema.foreignKeys",
        `${fk.reference.resource} has no field "${fk.reference.fields}"`,
        `Its fields are: ${columnsThere.join(", ")}.`,
        fk.fields,
      );
  }
  if (guClaim && !descriptor.schema.foreignKeys?.some((fk) => fk.fields === guClaim && fk.reference.resource === "districts"))
    add(
      guClaim,
      `gu-matches-position needs a foreign key from "${guClaim}" to districts`,
      `Add to schema.foreignKeys: {fields: ${guClaim}, reference: {resource: districts, fields: code}}.`,
    );

  // Categories name the values of an enumeration in both editions: one for each value, none for another.
  for (const f of descriptor.schema.fields) {
    if (!f.categories) continue;
    const allowed = f.constraints?.enum;
    if (!allowed) {
      add(f.name, `"${f.name}" has categories but no enum`, "List its values in constraints.enum, then label each in categories.");
      continue;
    }
    const labelled = new Set(f.categories.map((c) => c.value));
    const stray = f.categories.filter((c) => !allowed.includes(c.value)).map((c) => c.value);
    const unlabelled = allowed.filter((v) => !labelled.has(v));
    if (stray.length)
      add(
        f.name,
        `the categories of "${f.name}" name ${stray.map((v) => `"${v}"`).join(", ")}, not in its enum`,
        `Its values are: ${allowed.join(", ")}.`,
      );
    if (unlabelled.length)
      add(
        f.name,
        `the categories of "${f.name}" give no label for ${unlabelled.map((v) => `"${v}"`).join(", ")}`,
        "Add { value, label, label_ko } for each value of the enum.",
      );
  }

  for (const f of descriptor.schema.fields) {
    const how = f.derived;
    if (!how) continue;
    if ("lookup" in how) {
      const fk = descriptor.schema.foreignKeys?.find((k) => k.fields === how.lookup);
      if (!fk)
        add(
          f.name,
          `"${f.name}" is looked up through "${how.lookup}", which has no foreign key`,
          "Declare the foreign key in schema.foreignKeys.",
        );
      else {
        const columnsThere = referenceColumns(fk.reference.resource);
        if (columnsThere && !columnsThere.includes(how.take))
          add(f.name, `${fk.reference.resource} has no column "${how.take}" to take`, `Its columns are: ${columnsThere.join(", ")}.`);
      }
    } else if ("join" in how) {
      if (!seoul)
        add(f.name, `"${f.name}" comes from the spatial join, which needs coordinates`, "Add checks: in-seoul: {lat: …, lon: …}.");
    } else if ("template" in how) {
      for (const [, name] of how.template.matchAll(/\{([a-z0-9_]+)(?:\|[^}]*)?\}/g))
        if (!fields.has(name!))
          add(f.name, `the template of "${f.name}" uses "${name}", which is not a field`, `The fields are: ${fieldsText}.`);
    }
  }
}

/** Source ids a descriptor names (the dataset's and its fields') that the bibliography lacks. */
export function checkDescriptorSources(d: DatasetDescriptor, sources: Map<string, Source>, problems: ProblemList): void {
  const named = [
    ...(d.descriptor.sources ?? []).map((id) => ({ id, field: "sources", line: 1 })),
    ...d.descriptor.schema.fields.flatMap((f) =>
      (f.sources ?? []).map((id) => ({ id, field: `${f.name}.sources`, line: d.lines.get(f.name) ?? 1 })),
    ),
  ];
  for (const { id, field, line } of named) {
    if (sources.has(id)) continue;
    problems.add({
      code: "unknown-source",
      file: d.file,
      line,
      field,
      message: `source id "${id}" is not in data/sources.yaml`,
      hint: "Add the source to data/sources.yaml, or correct the id.",
    });
  }
}
