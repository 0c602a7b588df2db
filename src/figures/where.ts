/**
 * `where:` in a spec picks rows by field values, e.g. `where: { status: inventory }` or
 * `where: { metric: [firms, jobs] }`; `exclude:` drops the rows it matches. Values compare
 * as text, so `year: 2018` matches the integer 2018 and `approx: false` the text "false".
 * Every field must exist and every value must occur in the data.
 */
import type { DatasetInfo } from "../lib/manifest.ts";
import type { Row } from "./datasets.ts";
import { originalRow } from "./localize.ts";
import { pathOf, type SpecChecker, type SpecPath, WhereSpec } from "./spec.ts";

export { WhereSpec };

function cellValues(v: Row[string] | undefined): string[] {
  if (v === null || v === undefined) return [];
  return Array.isArray(v) ? v : [String(v)];
}

export function matchesWhere(row: Row, where: WhereSpec | undefined): boolean {
  if (!where) return true;
  // A Korean figure's rows hold Korean texts; `where` names the data's own (English) values.
  const own = originalRow(row);
  return Object.entries(where).every(([field, wanted]) => {
    const want = (Array.isArray(wanted) ? wanted : [wanted]).map(String);
    return cellValues(own[field]).some((v) => want.includes(v));
  });
}

export function applyWhere(rows: Row[], where: WhereSpec | undefined): Row[] {
  return where ? rows.filter((r) => matchesWhere(r, where)) : rows;
}

/** The rows a spec's `where` keeps and its `exclude` does not drop. */
export function applyFilters(rows: Row[], spec: { where?: WhereSpec; exclude?: WhereSpec }): Row[] {
  const kept = applyWhere(rows, spec.where);
  return spec.exclude ? kept.filter((r) => !matchesWhere(r, spec.exclude)) : kept;
}

/** Check a `where` at `path` against a dataset's fields and the values present in its rows. */
export function checkWhere(check: SpecChecker, path: SpecPath, info: DatasetInfo, rows: Row[]): void {
  const where = check.spec.get(path);
  if (!where || typeof where !== "object" || Array.isArray(where)) return;
  for (const [field, wanted] of Object.entries(where as Record<string, unknown>)) {
    const at = [...pathOf(path), field];
    if (!info.fields.some((f) => f.name === field)) {
      check.add(
        at,
        "spec-unknown-field",
        `"${field}" is not a field of ${info.name}`,
        `Fields of ${info.name}: ${info.fields.map((f) => f.name).join(", ")}.`,
      );
      continue;
    }
    const present = [...new Set(rows.flatMap((r) => cellValues(r[field])))].sort();
    check.oneOf(at, Array.isArray(wanted) ? wanted : [wanted], present, `a value of "${field}" in ${info.name}`);
  }
}
