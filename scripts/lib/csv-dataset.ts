/**
 * A dataset made from one CSV file in data/: its contract (a zod schema per row), the
 * checks every dataset shares (source ids, unique keys, known gu codes, and for points:
 * coordinates inside Seoul, not swapped, inside the gu the row claims), the spatial join of
 * points to gu and dong, and the output rows and GeoJSON features.
 *
 * Every problem names file, line and field; all of them are collected before the run stops.
 */
import type { Feature, Point } from "geojson";
import type { z } from "zod";
import type { FieldInfo } from "../../src/lib/manifest.ts";
import { type Bounds, coordinateProblems } from "./coordinates.ts";
import { type CsvTable, validateRows } from "./csv.ts";
import { roundPosition } from "./geojson.ts";
import type { ProblemList } from "./problems.ts";
import { checkSourceIds, type Source } from "./sources.ts";
import type { PolygonIndex } from "./spatial-index.ts";

/** A polygon layer to join points against: its index and, per feature, code and names. */
export interface JoinLayer {
  index: PolygonIndex;
  features: { code: string; name_en: string; name_ko: string }[];
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
}

/** Where the spatial join put a point. */
export interface PointJoin {
  gu: { code: string; name_en: string } | null;
  dong: { code: string; name_en: string; name_ko: string } | null;
}

// biome-ignore lint/suspicious/noExplicitAny: any zod object schema
export type RowSchema = z.ZodObject<any>;

export interface CsvDatasetSpec<S extends RowSchema = RowSchema> {
  name: string;
  /** Input file, relative to the project root. */
  file: string;
  title: string;
  description: string;
  notes?: string[];
  kind: "table" | "points";
  /** Column whose values are unique and identify a row. */
  key: string;
  label_field: string;
  schema: S;
  /** Output columns, in order (CSV header and GeoJSON properties). */
  fields: FieldInfo[];
  /** Input columns holding KOSTAT gu codes (one code, or a list). */
  guColumns?: string[];
  /** Points: the input columns with latitude, longitude and the gu the row claims. */
  point?: { lat: string; lon: string; gu: string };
  /** Hints for particular columns, shown with their problems. */
  hints?: Partial<Record<string, string>>;
  /**
   * The output record of a valid row (keys = field names; `source` is set by the builder);
   * without it, the row's own cells under the same names.
   */
  output?(row: z.output<S>, join: PointJoin | null, districts: ReadonlyMap<string, string>): Record<string, unknown>;
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
}

export function buildCsvDataset<S extends RowSchema>(spec: CsvDatasetSpec<S>, table: CsvTable, ctx: DatasetContext): CsvDatasetResult {
  const { problems } = ctx;
  const before = problems.size;
  checkColumns(spec, table, problems);
  if (problems.size > before) return { rows: [], sources: [], rowsRead: table.rows.length, rowsWithoutGeometry: 0, join: null };

  const valid = validateRows(table, spec.schema, problems, spec.hints);
  const seen = new Map<string, number>();
  const out: { key: string; record: Record<string, unknown>; position: [number, number] | null }[] = [];
  const join = spec.point ? { points: 0, matched_gu: 0, matched_dong: 0 } : null;
  const used = new Set<string>();

  for (const { line, row } of valid) {
    const where = { file: table.file, line };
    const r = row as Record<string, unknown>;
    const ids = checkSourceIds(String(r.source), ctx.sources, where, problems);
    for (const id of ids) if (ctx.sources.has(id)) used.add(id);

    const key = String(r[spec.key]);
    const previous = seen.get(key);
    if (previous !== undefined) {
      problems.add({
        ...where,
        code: "duplicate-id",
        field: spec.key,
        message: `"${key}" is already used on line ${previous}`,
        hint: `Each row needs its own ${spec.key}; merge the two rows or rename one.`,
      });
    } else seen.set(key, line);

    let districtsOk = true;
    for (const column of spec.guColumns ?? []) {
      const value = r[column];
      for (const code of Array.isArray(value) ? value : [value]) {
        if (code === null || code === undefined || ctx.districts.has(String(code))) continue;
        districtsOk = false;
        problems.add({
          ...where,
          code: "unknown-district",
          field: column,
          message: `${code} is not one of Seoul's 25 gu`,
          hint: `Use a KOSTAT 2013 gu code: ${[...ctx.districts].map(([c, n]) => `${c} ${n}`).join(", ")}.`,
        });
      }
    }

    let pointJoin: PointJoin | null = null;
    let position: [number, number] | null = null;
    if (spec.point) {
      const lat = r[spec.point.lat] as number | null;
      const lon = r[spec.point.lon] as number | null;
      if ((lat === null) !== (lon === null)) {
        const missing = lat === null ? spec.point.lat : spec.point.lon;
        problems.add({
          ...where,
          code: "missing-field",
          field: missing,
          message: `(empty): ${missing} is empty but ${missing === spec.point.lat ? spec.point.lon : spec.point.lat} is not`,
          hint: "Give both coordinates, or leave both empty when no source gives them.",
        });
      } else if (lat !== null && lon !== null) {
        const coordinateIssues = coordinateProblems(lat, lon, ctx.bounds, { ...where, latField: spec.point.lat, lonField: spec.point.lon });
        for (const p of coordinateIssues) problems.add(p);
        if (coordinateIssues.length === 0) {
          pointJoin = joinPoint(lon, lat, ctx);
          position = roundPosition([lon, lat]) as [number, number];
          join!.points++;
          if (pointJoin.gu) join!.matched_gu++;
          if (pointJoin.dong) join!.matched_dong++;
          const claimed = String(r[spec.point.gu]);
          if (districtsOk && pointJoin.gu?.code !== claimed) {
            problems.add({
              ...where,
              code: "wrong-district",
              field: spec.point.gu,
              message: pointJoin.gu
                ? `the row says ${claimed} (${ctx.districts.get(claimed)}) but ${lat}, ${lon} lies in ${pointJoin.gu.code} (${pointJoin.gu.name_en})`
                : `${lat}, ${lon} lies in no gu of the boundary file, so it cannot be checked against ${claimed} (${ctx.districts.get(claimed)})`,
              hint: "Check the coordinates against the source (a geocode of another building?) or correct the gu code.",
            });
          }
        }
      } else {
        pointJoin = { gu: null, dong: null };
      }
    }
    const record = spec.output ? spec.output(row as z.output<S>, pointJoin, ctx.districts) : { ...row };
    record.source = ids;
    out.push({ key, record, position });
  }

  // Deterministic order: by key.
  out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const columns = spec.fields.map((f) => f.name);
  const rows = out.map((o) => Object.fromEntries(columns.map((c) => [c, o.record[c] ?? null])));
  const result: CsvDatasetResult = {
    rows,
    sources: [...used].sort(),
    rowsRead: table.rows.length,
    rowsWithoutGeometry: 0,
    join,
  };
  if (spec.kind === "points") {
    result.features = [];
    const featureSources = new Set<string>();
    out.forEach((o, i) => {
      if (!o.position) {
        result.rowsWithoutGeometry++;
        return;
      }
      for (const id of o.record.source as string[]) if (ctx.sources.has(id)) featureSources.add(id);
      result.features!.push({ type: "Feature", properties: rows[i]!, geometry: { type: "Point", coordinates: o.position } });
    });
    result.featureSources = [...featureSources].sort();
  }
  return result;
}

/** The gu and dong a point lies in (first match in code order, boundaries inclusive). */
export function joinPoint(lon: number, lat: number, ctx: Pick<DatasetContext, "gu" | "dong">): PointJoin {
  const g = ctx.gu.index.find(lon, lat);
  const d = ctx.dong.index.find(lon, lat);
  return {
    gu: g < 0 ? null : { code: ctx.gu.features[g]!.code, name_en: ctx.gu.features[g]!.name_en },
    dong: d < 0 ? null : { ...ctx.dong.features[d]! },
  };
}

/** Every column of the contract must be in the header; say which are missing, once. */
function checkColumns(spec: CsvDatasetSpec, table: CsvTable, problems: ProblemList): void {
  const expected = Object.keys(spec.schema.shape);
  const missing = expected.filter((c) => !table.columns.includes(c));
  const extra = table.columns.filter((c) => !expected.includes(c));
  for (const column of missing) {
    problems.add({
      code: "missing-column",
      file: table.file,
      line: 1,
      field: column,
      message: `the header has no column "${column}"`,
      hint: `The columns of ${table.file} are: ${expected.join(", ")}.`,
    });
  }
  for (const column of extra) {
    problems.add({
      code: "unknown-column",
      file: table.file,
      line: 1,
      field: column,
      message: `"${column}" is not a column of this dataset`,
      hint: `Remove it, or add it to the contract of ${spec.name} (scripts/lib/datasets/) first. The columns are: ${expected.join(", ")}.`,
    });
  }
}
