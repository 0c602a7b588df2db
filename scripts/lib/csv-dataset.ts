/**
 * A dataset made from one CSV file and its descriptor (scripts/lib/datasets/descriptor.ts):
 * every check the descriptor declares, generated from it — the columns, each cell's type
 * and constraints (contract.ts), the primary key and unique columns, foreign keys, source
 * ids in every column that holds them, and for points: coordinates inside Seoul, not
 * swapped, inside the gu the row names — then the columns the descriptor derives (lookups
 * through a foreign key, the spatial join to gu and dong, labels from templates) and the
 * output rows and GeoJSON features.
 *
 * Every problem names file, line and column; all of them are collected before the run stops.
 */
import type { Feature, Point } from "geojson";
import type { FieldInfo, TranslationGap } from "../../src/lib/manifest.ts";
import { type CellValue, cellParser } from "./contract.ts";
import { type Bounds, coordinateProblems } from "./coordinates.ts";
import type { CsvTable } from "./csv.ts";
import { columnOf, type DatasetDescriptor, type FieldDescriptor, kindOf } from "./datasets/descriptor.ts";
import { koreanTwin, translationGaps } from "./datasets/korean.ts";
import { dateLabel } from "./date-label.ts";
import { roundPosition } from "./geojson.ts";
import type { Problem, ProblemList } from "./problems.ts";
import { checkSourceIds, type Source } from "./sources.ts";
import type { PolygonIndex } from "./spatial-index.ts";

/** A polygon layer to join points against: its index and, per feature, code and names. */
export interface JoinLayer {
  index: PolygonIndex;
  features: { code: string; name_en: string; name_ko: string }[];
}

/** A dataset that foreign keys point to: its rows by the value of the referenced field, for the check and for lookups. */
export interface Reference {
  /** What the reader calls it, for messages: "Seoul's 25 gu". */
  title: string;
  rows: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}

/** What the pipeline knows when it checks a dataset. */
export interface DatasetContext {
  sources: Map<string, Source>;
  /** KOSTAT code → English name of the 25 gu (from the boundary file). */
  districts: Map<string, string>;
  gu: JoinLayer;
  dong: JoinLayer;
  bounds: Bounds;
  problems: ProblemList;
  /** The rows of the dataset a foreign key names, by its field `field` (districts and dong come from the boundary files). */
  reference(name: string, field: string): Reference | undefined;
}

/** Where the spatial join put a point. */
export interface PointJoin {
  gu: { code: string; name_en: string; name_ko: string } | null;
  dong: { code: string; name_en: string; name_ko: string } | null;
}

export interface CsvDatasetResult {
  rows: Record<string, unknown>[];
  /** Points datasets: one feature per row that has coordinates. */
  features?: Feature<Point>[];
  sources: string[];
  /** Points datasets: the sources of the rows that have coordinates (those in the GeoJSON). */
  featureSources?: string[];
  rowsRead: number;
  rowsWithoutGeometry: number;
  join: { points: number; matched_gu: number; matched_dong: number } | null;
  /** Text one edition lacks (rows, units, caveats): listed, not a problem that stops the run. */
  translationGaps: TranslationGap[];
}

/** A row that passed every check, with its line and typed cells (by field name). */
export interface ValidRow {
  line: number;
  cells: Record<string, CellValue>;
}

const PUBLISHED_TYPE = {
  string: "string",
  integer: "integer",
  number: "number",
  boolean: "boolean",
  date: "date",
  year: "year",
  list: "list",
} as const;

const JOIN_NOTES = {
  code: "point-in-polygon join to the KOSTAT 2013 {layer} boundaries",
  name_en: "from {layer}_code",
  name_ko: "from {layer}_code",
};

const JOIN_NOTES_KO = {
  code: "통계청 2013년 {layer} 경계에 좌표를 대어 찾은 값",
  name_en: "{layer}_code로 찾은 이름",
  name_ko: "{layer}_code로 찾은 이름",
};
const LAYER_KO = { gu: "자치구", dong: "행정동" } as const;

/** A field as the manifest and the site describe it; `fields` (the dataset's) name its Korean twin. */
export function fieldInfo(f: FieldDescriptor, fields: readonly FieldDescriptor[] = []): FieldInfo {
  const d = f.derived;
  const derived = d && "join" in d ? (d.note ?? JOIN_NOTES[d.take].replace("{layer}", d.join)) : d?.note;
  // In Korean: the descriptor's note_ko, or for a join without its own note the standard one.
  const derivedKo =
    d && "join" in d && !d.note ? JOIN_NOTES_KO[d.take].replace("{layer}", d.take === "code" ? LAYER_KO[d.join] : d.join) : d?.note_ko;
  const info: FieldInfo = { name: f.name, type: PUBLISHED_TYPE[f.type], label: f.title, label_ko: f.title_ko };
  if (f.unit) info.unit = f.unit;
  if (f.unit_ko) info.unit_ko = f.unit_ko;
  if (derived) info.derived = derived;
  if (derived && derivedKo) info.derived_ko = derivedKo;
  if (f.description) info.description = f.description;
  if (f.description_ko) info.description_ko = f.description_ko;
  const twin = koreanTwin(fields, f);
  if (twin) info.ko_field = twin.name;
  if (f.sources) info.sources = f.sources;
  if (f.constraints?.enum) info.values = f.constraints.enum;
  if (f.categories) info.categories = f.categories.map(({ value, label, label_ko }) => ({ value, label, label_ko }));
  return info;
}

/** Columns that hold a typed name of what a foreign key names, by the resource it names. */
export const NAME_COLUMN_KINDS: Record<string, RegExp> = {
  districts: /^(gu|district)(_name)?(_(en|ko))?$/,
  dong: /^dong(_name)?(_(en|ko))?$/,
};

/** A name as written, without case, spaces, hyphens, brackets or a closing -gu/구, -dong/동. */
const bareName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9가-힣]/g, "")
    .replace(/(gu|구|dong|동)$/, "");

/** Whether a typed name is the referenced row's English or Korean name (Gangnam-gu, gangnam gu, Gangnam, 강남구, 강남). */
function namesMatch(typed: string, row: Readonly<Record<string, unknown>>): boolean {
  const bare = bareName(typed);
  return bare !== "" && [row.name_en, row.name_ko].some((n) => typeof n === "string" && bareName(n) === bare);
}

/**
 * Check a table against its descriptor: columns, cells, source ids, keys and foreign keys.
 * Returns the rows without a problem; the problems go to `ctx.problems`.
 */
export function validateTable(d: DatasetDescriptor, table: CsvTable, ctx: Pick<DatasetContext, "sources" | "problems" | "reference">) {
  const { problems } = ctx;
  const { descriptor } = d;
  const used = new Set<string>();
  const before = problems.size;
  // A file that could not be read (not UTF-8) has its one problem already.
  if (table.unreadable) return { rows: [] as ValidRow[], used };
  checkColumns(d, table, problems);
  if (problems.size === before && !table.rows.length)
    problems.add({
      code: "csv-empty",
      file: table.file,
      line: 1,
      message: "the file has its header and no rows: the dataset would be published empty",
      hint: `Put the rows back (git checkout ${table.file} restores the last committed file), or remove the dataset: its CSV and ${d.file}.`,
    });
  if (problems.size > before) return { rows: [] as ValidRow[], used };

  const inputs = descriptor.schema.fields.filter((f) => columnOf(f) !== undefined);
  const parsers = inputs.map((f) => ({ field: f, column: columnOf(f)!, parse: cellParser(f) }));
  const hintOf = (f: FieldDescriptor, column: string) =>
    f.hint ??
    `Correct the value in column "${column}" (declared in ${d.file}${d.lines.has(f.name) ? `, line ${d.lines.get(f.name)}` : ""}).`;
  const keyed = new Map<string, Map<string, number>>();
  const uniqueFields = [descriptor.schema.primaryKey, ...inputs.filter((f) => f.constraints?.unique).map((f) => f.name)];
  const foreignKeys = (descriptor.schema.foreignKeys ?? []).map((fk) => ({
    ...fk,
    target: ctx.reference(fk.reference.resource, fk.reference.fields),
  }));
  // Names typed beside a code (gu_name, district_name_ko, dong_name…): each checked against the name the code has.
  const typedNames = new Map<string, FieldDescriptor[]>();
  for (const fk of foreignKeys) {
    const kind = NAME_COLUMN_KINDS[fk.reference.resource];
    if (!kind) continue;
    const named = inputs.filter((f) => f.name !== fk.fields && f.type === "string" && kind.test(f.name));
    if (named.length) typedNames.set(fk.fields, named);
  }
  const rows: ValidRow[] = [];
  // Cells that are not of their field's type, by field, and each field's non-empty cells: a column that fails as a whole points at the descriptor.
  const typeFailures = new Map<string, Problem[]>();
  const filled = new Map<string, number>();

  for (const { line, values } of table.rows) {
    const where = { file: table.file, line };
    const cells: Record<string, CellValue> = {};
    let ok = true;
    for (const { field, column, parse } of parsers) {
      const raw = values[column] ?? "";
      const result = parse(raw);
      if (raw.trim() !== "") filled.set(field.name, (filled.get(field.name) ?? 0) + 1);
      if ("issue" in result) {
        ok = false;
        const shown = raw.trim() === "" && result.issue.code === "missing-field" ? "(empty)" : JSON.stringify(raw);
        const problem = {
          ...where,
          code: result.issue.code,
          field: column,
          message: `${shown}: ${result.issue.message}`,
          hint: hintOf(field, column),
        };
        if (!result.issue.type) problems.add(problem);
        else if (typeFailures.has(field.name)) typeFailures.get(field.name)!.push(problem);
        else typeFailures.set(field.name, [problem]);
        continue;
      }
      cells[field.name] = result.value;
      if (field.checks?.includes("source-ids") && result.value !== null) {
        const cell = Array.isArray(result.value) ? result.value.join(";") : String(result.value);
        const before = problems.size;
        const ids = checkSourceIds(cell, ctx.sources, { ...where, field: column }, problems);
        if (problems.size > before) ok = false;
        for (const id of ids) if (ctx.sources.has(id)) used.add(id);
      }
    }
    if (!ok) continue;

    for (const [total, parts] of Object.entries(descriptor.checks?.sums ?? {})) {
      const values = parts.map((p) => cells[p]);
      if (cells[total] === null || values.some((v) => v === null)) continue;
      const sum = (values as number[]).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - (cells[total] as number)) < 1e-9) continue;
      ok = false;
      const column = (name: string) => columnOf(inputs.find((f) => f.name === name)!) ?? name;
      problems.add({
        ...where,
        code: "sum-mismatch",
        field: column(total),
        message: `${cells[total]} is not ${parts.map(column).join(" + ")} (${values.join(" + ")} = ${sum})`,
        hint: `Check the three figures against the source; ${d.file} says ${column(total)} is the sum of ${parts.map(column).join(" and ")}.`,
      });
    }

    for (const name of uniqueFields) {
      const value = cells[name];
      if (value === null || value === undefined) continue;
      const seen = keyed.get(name) ?? new Map<string, number>();
      keyed.set(name, seen);
      const previous = seen.get(String(value));
      const column = columnOf(inputs.find((f) => f.name === name)!) ?? name;
      if (previous !== undefined) {
        ok = false;
        problems.add({
          ...where,
          code: "duplicate-id",
          field: column,
          message: `"${value}" is already used on line ${previous}`,
          hint:
            name === descriptor.schema.primaryKey
              ? `Each row needs its own ${column}; merge the two rows or rename one.`
              : `Each value of ${column} appears once (the descriptor says unique: true).`,
        });
      } else seen.set(String(value), line);
    }

    for (const fk of foreignKeys) {
      const value = cells[fk.fields];
      if (value === null || value === undefined || !fk.target) continue;
      const column = columnOf(inputs.find((f) => f.name === fk.fields)!) ?? fk.fields;
      if (!Array.isArray(value) && fk.target.rows.has(String(value))) {
        const named = fk.target.rows.get(String(value))!;
        for (const f of typedNames.get(fk.fields) ?? []) {
          const typed = cells[f.name];
          if (typeof typed !== "string" || typed.trim() === "" || namesMatch(typed, named)) continue;
          ok = false;
          const nameColumn = columnOf(f) ?? f.name;
          problems.add({
            ...where,
            code: "name-mismatch",
            field: nameColumn,
            message: `"${typed}" is not the name of ${value} (${[named.name_en, named.name_ko].filter(Boolean).join(", ")}), which ${column} gives`,
            hint: `Correct the name or the code; better, let the pipeline write the name from the code: remove the column "${nameColumn}" from the CSV and declare it in ${d.file} with derived: { lookup: ${fk.fields}, take: name_${/_ko$/.test(f.name) ? "ko" : "en"} }.`,
          });
        }
      }
      for (const v of Array.isArray(value) ? value : [String(value)]) {
        if (fk.target.rows.has(v)) continue;
        ok = false;
        const keys = [...fk.target.rows.keys()];
        const shown = keys.map((k) => {
          const name = fk.target!.rows.get(k)!.name_en;
          return name ? `${k} ${name}` : k;
        });
        // The administrative code (SIG_CD) some portals use, where the atlas keys districts by KOSTAT's.
        const [code, byAdmin] = [...fk.target.rows].find(([, row]) => row.sig_cd !== undefined && String(row.sig_cd) === v) ?? [];
        problems.add({
          ...where,
          code: "unknown-reference",
          field: column,
          message: `${v} is not one of ${fk.target.title}`,
          hint: byAdmin
            ? `${v} is the administrative code (SIG_CD) of ${byAdmin.name_en}; the atlas uses KOSTAT's: write ${code}.`
            : keys.length <= 30
              ? `Use a ${fk.reference.fields} of ${fk.reference.resource}: ${shown.join(", ")}.`
              : `Use a ${fk.reference.fields} of ${fk.reference.resource} (its values are in generated/${fk.reference.resource}.csv).`,
        });
      }
    }
    if (ok) rows.push({ line, cells });
  }
  for (const [name, failures] of typeFailures) {
    const field = inputs.find((f) => f.name === name)!;
    if (failures.length < 3 || failures.length !== filled.get(name)) {
      for (const p of failures) problems.add(p);
      continue;
    }
    const first = failures[0]!;
    problems.add({
      file: d.file,
      line: d.lines.get(name),
      code: "type-mismatch",
      field: name,
      message: `no value of column "${first.field}" in ${table.file} is of type ${field.type}: line ${first.line} has ${first.message}, and the ${failures.length - 1} other rows fail the same way`,
      hint: `If the values are right, the descriptor is wrong: give ${name} the type its values have (number for decimals, string for text, date for dates) in ${d.file}. If they are wrong, correct them in ${table.file}.`,
    });
  }
  return { rows, used };
}

export function buildCsvDataset(d: DatasetDescriptor, table: CsvTable, ctx: DatasetContext): CsvDatasetResult {
  const { descriptor } = d;
  const { problems } = ctx;
  const { rows: valid, used } = validateTable(d, table, ctx);
  const seoul = descriptor.checks?.["in-seoul"];
  const claimedGu = descriptor.checks?.["gu-matches-position"];
  const columnName = (name: string) => columnOf(descriptor.schema.fields.find((f) => f.name === name)!) ?? name;
  const join = seoul ? { points: 0, matched_gu: 0, matched_dong: 0 } : null;
  const out: { key: string; record: Record<string, unknown>; position: [number, number] | null }[] = [];

  for (const { line, cells } of valid) {
    const where = { file: table.file, line };
    let pointJoin: PointJoin | null = null;
    let position: [number, number] | null = null;
    if (seoul) {
      const lat = cells[seoul.lat] as number | null;
      const lon = cells[seoul.lon] as number | null;
      const [latField, lonField] = [columnName(seoul.lat), columnName(seoul.lon)];
      if ((lat === null) !== (lon === null)) {
        const missing = lat === null ? latField : lonField;
        problems.add({
          ...where,
          code: "missing-field",
          field: missing,
          message: `(empty): ${missing} is empty but ${missing === latField ? lonField : latField} is not`,
          hint: "Give both coordinates, or leave both empty when no source gives them.",
        });
      } else if (lat !== null && lon !== null) {
        const issues = coordinateProblems(lat, lon, ctx.bounds, { ...where, latField, lonField });
        for (const p of issues) problems.add(p);
        if (issues.length === 0) {
          pointJoin = joinPoint(lon, lat, ctx);
          position = roundPosition([lon, lat]) as [number, number];
          join!.points++;
          if (pointJoin.gu) join!.matched_gu++;
          if (pointJoin.dong) join!.matched_dong++;
          const claimed = claimedGu ? String(cells[claimedGu]) : undefined;
          if (claimed !== undefined && pointJoin.gu?.code !== claimed) {
            problems.add({
              ...where,
              code: "wrong-district",
              field: columnName(claimedGu!),
              message: pointJoin.gu
                ? `the row says ${claimed} (${ctx.districts.get(claimed)}) but ${lat}, ${lon} lies in ${pointJoin.gu.code} (${pointJoin.gu.name_en})`
                : `${lat}, ${lon} lies in no gu of the boundary file, so it cannot be checked against ${claimed} (${ctx.districts.get(claimed)})`,
              hint: "Check the coordinates against the source (a geocode of another building?) or correct the gu code.",
            });
          }
        }
      }
    }
    const record = deriveColumns(d, cells, pointJoin, ctx);
    out.push({ key: String(cells[descriptor.schema.primaryKey]), record, position });
  }

  // Deterministic order: by key.
  out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const columns = descriptor.schema.fields.map((f) => f.name);
  const rows = out.map((o) => Object.fromEntries(columns.map((c) => [c, o.record[c] ?? null])));
  const result: CsvDatasetResult = {
    rows,
    sources: [...used].sort(),
    rowsRead: table.rows.length,
    rowsWithoutGeometry: 0,
    join,
    translationGaps: translationGaps(d, table),
  };
  if (kindOf(descriptor) === "points") {
    result.features = [];
    const featureSources = new Set<string>();
    const idFields = descriptor.schema.fields.filter((f) => f.checks?.includes("source-ids")).map((f) => f.name);
    out.forEach((o, i) => {
      if (!o.position) {
        result.rowsWithoutGeometry++;
        return;
      }
      for (const name of idFields) for (const id of idsOf(o.record[name])) if (ctx.sources.has(id)) featureSources.add(id);
      result.features!.push({ type: "Feature", properties: rows[i]!, geometry: { type: "Point", coordinates: o.position } });
    });
    result.featureSources = [...featureSources].sort();
  }
  return result;
}

function idsOf(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/** The output record of a valid row: its cells, then the derived columns in the descriptor's order. */
function deriveColumns(d: DatasetDescriptor, cells: Record<string, CellValue>, join: PointJoin | null, ctx: DatasetContext) {
  const { descriptor } = d;
  const record: Record<string, unknown> = { ...cells };
  const referenceOf = (field: string) => {
    const fk = descriptor.schema.foreignKeys?.find((k) => k.fields === field);
    return fk ? ctx.reference(fk.reference.resource, fk.reference.fields) : undefined;
  };
  const templates: FieldDescriptor[] = [];
  for (const f of descriptor.schema.fields) {
    const how = f.derived;
    if (!how) continue;
    if ("lookup" in how) {
      const reference = referenceOf(how.lookup);
      const value = cells[how.lookup];
      const take = (k: string) => (reference?.rows.get(k)?.[how.take] as string | undefined) ?? null;
      record[f.name] =
        value === null || value === undefined ? null : Array.isArray(value) ? value.map((k) => take(k) ?? k) : take(String(value));
    } else if ("join" in how) {
      record[f.name] = join?.[how.join]?.[how.take] ?? null;
    } else if ("template" in how) templates.push(f);
  }
  // Templates last: they may use derived columns.
  for (const f of templates)
    record[f.name] = fillTemplate((f.derived as { template: string }).template, record, descriptor.schema.fields, templateLang(f.name));
  return record;
}

/**
 * "{gu_name_en} ({year|year not stated})": each {field} is replaced by the row's value — a
 * date as words ("May 2024"), an enumerated value by its category label, a list joined by
 * ", " — and `|text` is what stands when the cell is empty; a part in square brackets,
 * "{metric}[ ({sector})]", stands only when every cell it names is filled.
 *
 * In Korean (`lang` "ko", the template of a field whose name ends in `_ko`), dates and
 * years are written as Korean news writes them ("2024년 5월", "2018년": write no 년 after
 * them) and enumerated values by their `label_ko`.
 */
export function fillTemplate(
  template: string,
  record: Record<string, unknown>,
  fields: FieldDescriptor[],
  lang: "en" | "ko" = "en",
): string {
  // "[ ({sector})]": a part in square brackets stands only when every cell it names is filled.
  const filled = (name: string) => ![null, undefined, ""].includes(record[name] as never);
  const parts = template.replace(/\[([^\]]*)\]/g, (_whole, part: string) =>
    [...part.matchAll(/\{([a-z0-9_]+)/g)].every((m) => filled(m[1]!)) ? part : "",
  );
  return parts.replace(/\{([a-z0-9_]+)(?:\|([^}]*))?\}/g, (_whole, name: string, fallback: string | undefined) => {
    const value = record[name];
    if (value === null || value === undefined || value === "") return fallback ?? "";
    const field = fields.find((f) => f.name === name);
    if (field?.type === "date") return dateLabel(String(value), lang) ?? String(value);
    if (field?.type === "year" && lang === "ko") return `${String(value)}년`;
    const category = field?.categories?.find((c) => c.value === String(value));
    if (category) return lang === "ko" ? category.label_ko : category.label;
    return Array.isArray(value) ? value.join(", ") : String(value);
  });
}

/** The language of a derived text field: Korean for a name ending in `_ko`. */
export const templateLang = (fieldName: string): "en" | "ko" => (fieldName.endsWith("_ko") ? "ko" : "en");

/** The gu and dong a point lies in (first match in code order, boundaries inclusive). */
export function joinPoint(lon: number, lat: number, ctx: Pick<DatasetContext, "gu" | "dong">): PointJoin {
  const g = ctx.gu.index.find(lon, lat);
  const d = ctx.dong.index.find(lon, lat);
  return {
    gu: g < 0 ? null : { ...ctx.gu.features[g]! },
    dong: d < 0 ? null : { ...ctx.dong.features[d]! },
  };
}

/** Every column the descriptor reads must be in the header, and every column of the header in the descriptor. */
function checkColumns(d: DatasetDescriptor, table: CsvTable, problems: ProblemList): void {
  const expected = d.descriptor.schema.fields.map(columnOf).filter((c): c is string => c !== undefined);
  const missing = expected.filter((c) => !table.columns.includes(c));
  const extra = table.columns.filter((c) => !expected.includes(c));
  for (const column of missing) {
    problems.add({
      code: "missing-column",
      file: table.file,
      line: 1,
      field: column,
      message: `the header has no column "${column}", which ${d.file} declares`,
      hint: `Add the column to the CSV, or remove the field from ${d.file}. The columns are: ${expected.join(", ")}.`,
    });
  }
  for (const column of extra) {
    problems.add({
      code: "unknown-column",
      file: table.file,
      line: 1,
      field: column,
      message: `"${column}" is not a field of ${d.file}`,
      hint: `Describe it in ${d.file} (name, type, title, title_ko…), or remove it from the CSV. The declared columns are: ${expected.join(", ")}.`,
    });
  }
}
