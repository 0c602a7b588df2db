/**
 * `npm run new:dataset -- data/tables/<name>.csv`: write the descriptor of a CSV beside it,
 * with what the file itself tells — each column's type, which columns are required, short
 * repeated text as an enumeration, the primary key, gu and dong codes as foreign keys,
 * source-id columns, coordinates — and empty places for what only a person knows: titles
 * and descriptions in English and Korean, units. The pipeline then checks the new descriptor
 * and lists what is left to fill in.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { isRealDate } from "./contract.ts";
import { parseCsv } from "./csv.ts";
import { NAME_COLUMN_KINDS } from "./csv-dataset.ts";
import { DESCRIPTOR_SUFFIX, type FieldType } from "./datasets/descriptor.ts";
import { ProblemList } from "./problems.ts";

/** What the values of one column say about it. */
export interface InferredField {
  name: string;
  type: FieldType;
  required: boolean;
  enum?: string[];
  pattern?: string;
  unique: boolean;
  checks?: ["source-ids"];
  /** A foreign key this column looks like (KOSTAT gu or dong codes). */
  reference?: "districts" | "dong";
  /** What a person should fix in the CSV or check in the descriptor, said when the descriptor is written. */
  advice?: string;
}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** Short repeated text is an enumeration: at most this many values, each used twice on average. */
const MAX_ENUM = 8;

export function inferField(name: string, values: string[]): InferredField {
  const filled = values.map((v) => v.trim()).filter((v) => v !== "");
  const distinct = [...new Set(filled)];
  const all = (re: RegExp) => filled.length > 0 && filled.every((v) => re.test(v));
  const field: InferredField = {
    name,
    type: "string",
    // A Korean twin is never required: a row may have no Korean text yet (the English shows).
    required: filled.length === values.length && values.length > 0 && !name.endsWith("_ko"),
    unique: distinct.length === filled.length,
  };
  if (name === "source" || name.endsWith("_source")) {
    field.type = name === "source" ? "list" : "string";
    field.checks = ["source-ids"];
    return field;
  }
  if (all(/^11\d{3}$/) && /(^|_)gu(_code)?$|^code$/.test(name)) {
    field.pattern = "\\d{5}";
    field.reference = "districts";
    return field;
  }
  if (all(/^11\d{5}$/) && /dong/.test(name)) {
    field.pattern = "\\d{7}";
    field.reference = "dong";
    return field;
  }
  // Numbers written with thousands separators or a unit: typed as the numbers they are, and the cells to correct named.
  const bare = (v: string) => v.replace(/,/g, "").replace(/^(-?\d+(\.\d+)?)\s*[^\d\s.,-].*$/u, "$1");
  const written = filled.filter((v) => bare(v) !== v);
  if (written.length && filled.every((v) => NUMBER.test(bare(v)))) {
    field.type = filled.every((v) => INTEGER.test(bare(v))) ? "integer" : "number";
    field.advice = `${written.length === 1 ? "a number" : `${written.length} numbers`} written with a thousands separator or a unit (${JSON.stringify(written[0])}): write numbers bare (${bare(written[0]!)}) in the CSV, and the unit in the descriptor's unit`;
    return field;
  }
  if (all(/^(true|false)$/)) field.type = "boolean";
  else if (all(/^\d{4}$/) && /year/.test(name)) field.type = "year";
  else if (all(INTEGER)) field.type = "integer";
  else if (all(NUMBER)) field.type = "number";
  else if (all(DATE) && filled.every(isRealDate)) field.type = "date";
  else if (distinct.length <= MAX_ENUM && filled.length >= 2 * distinct.length && distinct.every((v) => v.length <= 40))
    field.enum = distinct.sort();
  return field;
}

function quoted(v: string): string {
  return /^[\w가-힣][\w가-힣 .-]*$/u.test(v) && !/^(true|false|null|yes|no|\d+(\.\d+)?)$/i.test(v) ? v : JSON.stringify(v);
}

/** The descriptor's YAML for a CSV (its path relative to the root), to be completed by hand. */
export function descriptorFor(file: string, text: string): { name: string; yaml: string; fields: InferredField[] } {
  const problems = new ProblemList();
  const table = parseCsv(text, file, problems);
  const name = basename(file, ".csv");
  const fields = table.columns.map((c) =>
    inferField(
      c,
      table.rows.map((r) => r.values[c] ?? ""),
    ),
  );
  const key = fields.find((f) => f.name === "id" && f.unique && f.required) ?? fields.find((f) => f.unique && f.required) ?? fields[0]!;
  const lat = fields.find((f) => /^(lat|latitude)$/.test(f.name) && f.type === "number");
  const lon = fields.find((f) => /^(lon|lng|longitude)$/.test(f.name) && f.type === "number");
  const gu = fields.find((f) => f.reference === "districts");
  // A district's name typed beside its code: the pipeline checks it against the code, and can write it instead.
  if (gu)
    for (const f of fields)
      if (NAME_COLUMN_KINDS.districts!.test(f.name) && f !== gu && f.type === "string")
        f.advice = `the district's name, typed beside ${gu.name}: npm run data checks each against the code's name, and can write it for you — remove the column from the CSV and declare it with derived: { lookup: ${gu.name}, take: name_${f.name.endsWith("_ko") ? "ko" : "en"} } (docs/data.md)`;
  const out: string[] = [
    `# ${name}: written by npm run new:dataset from ${basename(file)}. Fill in every empty "" and`,
    "# check what was guessed (types, required, enumerations, the key); docs/data.md says how.",
    `name: ${name}`,
    'title: "" # fill in: what a reader calls the dataset',
    'title_ko: "" # fill in: the title in Korean',
    'description: "" # fill in: one or two sentences, with the source and what it counts',
    'description_ko: "" # fill in: the description in Korean',
    `path: ${basename(file)}`,
    "licenses:",
    "  - name: MIT",
    "    title: MIT License (the atlas's compilation; each source keeps its own licence)",
    "    title_ko: MIT 라이선스(아틀라스가 엮은 자료. 출처별 자료는 각 출처의 라이선스를 따른다)",
    "    path: https://opensource.org/license/mit",
  ];
  if (lat && lon) {
    out.push("checks:", `  in-seoul: { lat: ${lat.name}, lon: ${lon.name} }`);
    if (gu) out.push(`  gu-matches-position: ${gu.name}`);
  }
  out.push("schema:", `  primaryKey: ${key.name}`);
  const references = fields.filter((f) => f.reference);
  if (references.length) {
    out.push("  foreignKeys:");
    for (const f of references) out.push(`    - { fields: ${f.name}, reference: { resource: ${f.reference}, fields: code } }`);
  }
  out.push("  fields:");
  for (const f of fields) {
    out.push(`    - name: ${f.name}`, `      type: ${f.type}`, '      title: "" # fill in', '      title_ko: "" # fill in');
    if (f.type === "integer" || f.type === "number")
      out.push(
        '      unit: "" # fill in (people, km², %, …), or delete this line',
        '      unit_ko: "" # fill in (명, ㎢, %, …), or delete this line',
      );
    const constraints = [
      f.required || f === key ? "required: true" : "",
      f.enum ? `enum: [${f.enum.map(quoted).join(", ")}]` : "",
      f.pattern ? `pattern: ${JSON.stringify(f.pattern)}` : "",
    ].filter(Boolean);
    if (constraints.length) out.push(`      constraints: { ${constraints.join(", ")} }`);
    if (f.checks) out.push("      checks: [source-ids]");
    if (f.advice) out.push(`      # check: ${f.advice}`);
  }
  if (!fields.some((f) => f.checks))
    out.push("# No column names sources: every row must name its sources in a source column (ids from data/sources.yaml).");
  return { name, yaml: `${out.join("\n")}\n`, fields };
}

/** Where the descriptor of a CSV goes: beside it, `<name>.resource.yaml`. */
export function descriptorPath(file: string): string {
  return join(dirname(file), `${basename(file, ".csv")}${DESCRIPTOR_SUFFIX}`);
}

export function readCsvText(root: string, file: string): string {
  const path = join(root, file);
  if (!existsSync(path)) throw new Error(`${file} does not exist`);
  return readFileSync(path, "utf8");
}
