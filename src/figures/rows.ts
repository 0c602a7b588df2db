/** How a figure names, identifies and rounds the rows of a dataset. */

import { slugOf } from "../lib/district-slug.ts";
import { formatValue } from "../lib/format.ts";
import { FIGURE_STRINGS } from "../lib/i18n/figures.ts";
import { fill, type Lang } from "../lib/i18n/index.ts";
import { formatWonKo, scaledAmountKo } from "../lib/korean-numbers.ts";
import type { DatasetInfo, FieldInfo } from "../lib/manifest.ts";
import type { Row } from "./datasets.ts";
import type { SpecChecker, SpecPath } from "./spec.ts";

/**
 * "Gwanak-gu (관악구)": the label, with the Korean name when the dataset has one and the label
 * is not it; in Korean the name alone (the label column holds the Korean name there).
 */
export function displayName(row: Row, labelField: string, lang: Lang = "en"): string {
  const label = String(row[labelField] ?? "–");
  if (lang === "ko") return label;
  const ko = row.name_ko;
  return typeof ko === "string" && ko && labelField !== "name_ko" && ko !== label ? `${label} (${ko})` : label;
}

/**
 * The district slug a row names: its own `slug` (the districts dataset), or the slug of the
 * district its English gu name gives (`gwanak-gu` for a row of Gwanak-gu in any dataset keyed
 * by gu code), so that a journalist can name a district's rows as they name the district.
 */
export function rowSlug(r: Row): string | undefined {
  if (typeof r.slug === "string") return r.slug;
  return typeof r.gu_name_en === "string" && r.gu_name_en ? slugOf(r.gu_name_en) : undefined;
}

/** What a spec may use to name a row: its key, and the slug of its district where it has one. */
export function rowKeys(info: DatasetInfo, rows: Row[]): string[] {
  return [
    ...new Set(
      rows.flatMap((r) => {
        const slug = rowSlug(r);
        return slug ? [String(r[info.key]), slug] : [String(r[info.key])];
      }),
    ),
  ];
}

/** Decimal places to show: none for integers, else as many as the data has (at most 2). */
export function valueDigits(field: FieldInfo, values: (number | null)[]): number {
  if (field.type === "integer" || field.type === "year") return 0;
  let digits = 0;
  for (const v of values) {
    if (v === null || Number.isInteger(v)) continue;
    const decimals = String(v).split(".")[1]?.length ?? 0;
    digits = Math.max(digits, Math.min(2, decimals));
  }
  return digits;
}

/** Rows' own units, from a `unit` column, when the field itself has none. */
function rowUnits(info: DatasetInfo, field: FieldInfo, rows: Row[]): string[] {
  if (field.unit || !info.fields.some((f) => f.name === "unit")) return [];
  return [...new Set(rows.filter((r) => r[field.name] !== null).map((r) => String(r.unit ?? "")))].filter(Boolean);
}

/** The unit shown with a field's values: the field's own, else the one unit its rows give. */
export function unitOf(info: DatasetInfo, field: FieldInfo, rows: Row[]): string | undefined {
  return field.unit ?? rowUnits(info, field, rows)[0];
}

/** Values on one axis or one colour scale must share a unit: names the units when they do not. */
export function checkOneUnit(check: SpecChecker, path: SpecPath, info: DatasetInfo, fieldName: string, rows: Row[]): void {
  const field = info.fields.find((f) => f.name === fieldName);
  if (!field) return;
  const units = rowUnits(info, field, rows);
  if (units.length > 1) {
    check.add(
      check.spec.get("where") ? "where" : path,
      "spec-mixed-units",
      `the rows picked give "${fieldName}" in ${units.length} units: ${units.join("; ")}`,
      "Values in different units cannot share a scale: pick rows of one unit with `where` (e.g. one metric).",
    );
  }
}

/** "about 3,100 people", "약 3,100명": a value the data marks as approximate (`approx: true`). */
export function approxPrefix(row: Row, value: string, lang: Lang = "en"): string {
  return row.approx === "true" ? fill(FIGURE_STRINGS[lang].approx, { value }) : value;
}

/** The fields of `info` with these names, in this order, each once; names it lacks are skipped. */
export function fieldsNamed(info: DatasetInfo, names: (string | undefined)[]): FieldInfo[] {
  const seen = new Set<string>();
  return names.flatMap((n) => {
    const f = n === undefined || seen.has(n) ? undefined : info.fields.find((x) => x.name === n);
    if (f) seen.add(f.name);
    return f ? [f] : [];
  });
}

/**
 * A value with its unit in the page's language (formatValue), and in Korean an amount in won
 * in 억/조 ("1,400억 원") and an amount in a scaled unit as Korean news writes it (49,445 in
 * "천 t CO₂eq" → "4,944만5,000t CO₂eq", not "49,445천 t CO₂eq"). Build side only: the browser
 * shows the text made here.
 */
export function formatAmount(value: number | null | undefined, unit: string | undefined, digits: number, lang: Lang): string {
  if (lang === "ko" && typeof value === "number" && Number.isFinite(value)) {
    if (unit === "원") return formatWonKo(value);
    const scaled = unit ? scaledAmountKo(value, unit) : undefined;
    if (scaled) return scaled;
  }
  return formatValue(value, unit, digits, lang);
}
