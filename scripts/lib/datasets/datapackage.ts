/**
 * generated/datapackage.json, published as /data/datapackage.json: every dataset as a
 * Frictionless Data Package (v1) resource — path, format, mediatype, bytes, sha256 hash,
 * Table Schema, sources and licences — so that standard tools (frictionless validate,
 * CKAN, notebooks) can read and check the files the site serves.
 *
 * The schema is the descriptor's, for the published CSV: the atlas's own types become
 * Table Schema v1 types (a date at the precision its source gives, and a ";"-separated
 * list, are strings there), and what only the atlas reads (derivations, checks, hints)
 * is left out. GeoJSON files are listed as plain data resources beside their CSV.
 */
import type { DatasetInfo, Manifest, OutputFile } from "../../../src/lib/manifest.ts";
import type { Source } from "../sources.ts";
import type { DatasetDescriptor, FieldDescriptor } from "./descriptor.ts";

export const DATAPACKAGE_FILE = "datapackage.json";

/** Licence of the package as a whole: the atlas's compilation (each resource names its own). */
const PACKAGE_LICENCE = {
  name: "MIT",
  title: "MIT License (the atlas's compilation; each source keeps its own licence)",
  path: "https://opensource.org/license/mit",
};

const PARTIAL_DATE = "\\d{4}(-\\d{2}(-\\d{2})?)?";

/** A descriptor field as a Table Schema v1 field of the published CSV. */
export function publishedField(f: FieldDescriptor): Record<string, unknown> {
  const out: Record<string, unknown> = { name: f.name };
  const c = f.constraints ?? {};
  const constraints: Record<string, unknown> = {};
  const derived = f.derived !== undefined;
  switch (f.type) {
    case "date":
      out.type = "string";
      out.format = "default";
      constraints.pattern = PARTIAL_DATE;
      break;
    case "list":
      out.type = "string";
      break;
    default:
      out.type = f.type;
  }
  out.title = f.title;
  out.title_ko = f.title_ko;
  const description = [
    f.description,
    f.type === "date" ? "a date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD" : "",
    f.type === "list" ? 'values separated by ";"' : "",
  ]
    .filter(Boolean)
    .join("; ");
  if (description) out.description = description;
  if (f.description_ko) out.description_ko = f.description_ko;
  if (f.unit) out.unit = f.unit;
  if (f.unit_ko) out.unit_ko = f.unit_ko;
  if (!derived) {
    if (c.required) constraints.required = true;
    if (f.type === "string" || f.type === "integer" || f.type === "number" || f.type === "year") {
      if (c.enum) constraints.enum = f.type === "string" ? c.enum : c.enum.map(Number);
      if (f.type === "string" && c.pattern) constraints.pattern = c.pattern;
      if (f.type === "string" && c.minLength !== undefined) constraints.minLength = c.minLength;
      if (f.type === "string" && c.maxLength !== undefined) constraints.maxLength = c.maxLength;
      if (f.type !== "string" && typeof c.minimum === "number") constraints.minimum = c.minimum;
      if (f.type !== "string" && typeof c.maximum === "number") constraints.maximum = c.maximum;
    }
  }
  if (Object.keys(constraints).length) out.constraints = constraints;
  return out;
}

function sourceEntry(s: Source): Record<string, string> {
  return { title: `${s.publisher}: ${s.title}`, ...(s.url ? { path: s.url } : {}) };
}

function fileFacts(file: OutputFile) {
  return { bytes: file.bytes, hash: `sha256:${file.sha256}` };
}

/** The data package of a run: its datasets (manifest entries), their descriptors and the bibliography. */
export function dataPackage(
  manifest: Pick<Manifest, "datasets">,
  descriptors: Map<string, DatasetDescriptor>,
  sources: Map<string, Source>,
) {
  const resources: Record<string, unknown>[] = [];
  const cited = new Set<string>();
  for (const info of Object.values(manifest.datasets).sort((a, b) => a.name.localeCompare(b.name))) {
    const d = descriptors.get(info.name);
    const ids = [...new Set([...info.sources, ...(d?.descriptor.sources ?? [])])].sort();
    for (const id of ids) cited.add(id);
    const common = {
      title: info.title,
      ...(info.title_ko ? { title_ko: info.title_ko } : {}),
      description: info.description,
      ...(info.description_ko ? { description_ko: info.description_ko } : {}),
      // Frictionless licence objects: name, path, title (the Korean title is the site's own).
      licenses: (info.licenses ?? [PACKAGE_LICENCE]).map((l) => ({ name: l.name, title: l.title, ...(l.path ? { path: l.path } : {}) })),
      sources: ids.flatMap((id) => (sources.has(id) ? [sourceEntry(sources.get(id)!)] : [])),
    };
    resources.push({
      name: info.name,
      path: info.files.csv.path,
      profile: "tabular-data-resource",
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      ...fileFacts(info.files.csv),
      ...common,
      schema: d
        ? tableSchema(d, info)
        : {
            fields: info.fields.map((f) => ({
              name: f.name,
              type: f.type === "list" || f.type === "date" ? "string" : f.type,
              title: f.label,
            })),
          },
    });
    if (info.files.geojson)
      resources.push({
        name: `${info.name}-geojson`,
        path: info.files.geojson.path,
        profile: "data-resource",
        format: "geojson",
        mediatype: "application/geo+json",
        encoding: "utf-8",
        ...fileFacts(info.files.geojson),
        ...common,
        description: `${info.description} As GeoJSON: one feature per ${info.kind === "points" ? "row with coordinates" : "polygon"}, with the CSV's columns as properties.`,
      });
  }
  return {
    profile: "data-package",
    name: "seoul-district-atlas",
    title: "Seoul District Atlas: the data",
    title_ko: "서울 자치구 아틀라스: 데이터",
    description:
      "Every dataset of the Seoul District Atlas, as the site publishes it under /data/: each a CSV (and GeoJSON for maps) whose rows name their sources.",
    description_ko: "서울 자치구 아틀라스가 /data/에 공개하는 모든 데이터. 각각 CSV(지도는 GeoJSON도)이며, 모든 행에 출처가 있다.",
    licenses: [PACKAGE_LICENCE],
    sources: [...cited].sort().flatMap((id) => (sources.has(id) ? [sourceEntry(sources.get(id)!)] : [])),
    resources,
  };
}

/** The Table Schema of a published CSV. */
function tableSchema(d: DatasetDescriptor, info: DatasetInfo) {
  const { schema } = d.descriptor;
  const listFields = new Set(schema.fields.filter((f) => f.type === "list").map((f) => f.name));
  // A foreign key on a list of codes cannot be said in Table Schema v1: left out.
  const foreignKeys = (schema.foreignKeys ?? [])
    .filter((fk) => !listFields.has(fk.fields))
    .map((fk) => ({ fields: fk.fields, reference: { resource: fk.reference.resource, fields: fk.reference.fields } }));
  return {
    fields: schema.fields.filter((f) => info.fields.some((i) => i.name === f.name)).map(publishedField),
    primaryKey: schema.primaryKey,
    ...(foreignKeys.length ? { foreignKeys } : {}),
    missingValues: [""],
  };
}
