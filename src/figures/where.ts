/**
 * `where:` in a spec picks rows by field values, e.g. `where: { status: inventory }` or
 * `where: { metric: [firms, jobs] }`. Values compare as text, so `year: 2018` matches
 * the integer 2018. Every field must exist and every value must occur in the data.
 */
import { z } from "zod";
import type { DatasetInfo } from "../lib/manifest.ts";
import type { Row } from "./datasets.ts";
import { pathOf, type SpecChecker, type SpecPath } from "./spec.ts";

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
export const WhereSpec = z.record(z.string(), z.union([Scalar, z.array(Scalar).min(1)]));
export type WhereSpec = z.infer<typeof WhereSpec>;

function cellValues(v: Row[string] | undefined): string[] {
  if (v === null || v === undefined) return [];
  return Array.isArray(v) ? v : [String(v)];
}

export function matchesWhere(row: Row, where: WhereSpec | undefined): boolean {
  if (!where) return true;
  return Object.entries(where).every(([field, wanted]) => {
    const want = (Array.isArray(wanted) ? wanted : [wanted]).map(String);
    return cellValues(row[field]).some((v) => want.includes(v));
  });
}

export function applyWhere(rows: Row[], where: WhereSpec | undefined): Row[] {
  return where ? rows.filter((r) => matchesWhere(r, where)) : rows;
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
