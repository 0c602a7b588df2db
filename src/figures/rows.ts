/** How a figure names, identifies and rounds the rows of a dataset. */
import type { DatasetInfo, FieldInfo } from "../lib/manifest.ts";
import type { Row } from "./datasets.ts";

/** "Gwanak-gu (관악구)": the label, with the Korean name when the dataset has one and the label is not it. */
export function displayName(row: Row, labelField: string): string {
  const label = String(row[labelField] ?? "–");
  const ko = row.name_ko;
  return typeof ko === "string" && ko && labelField !== "name_ko" && ko !== label ? `${label} (${ko})` : label;
}

/** What a spec may use to name a row: its key, and its slug where the dataset has one. */
export function rowKeys(info: DatasetInfo, rows: Row[]): string[] {
  return rows.flatMap((r) => [String(r[info.key]), ...(typeof r.slug === "string" ? [r.slug] : [])]);
}

/** Decimal places to show: none for integers, else as many as the data has (at most 2). */
export function valueDigits(field: FieldInfo, values: (number | null)[]): number {
  if (field.type === "integer") return 0;
  let digits = 0;
  for (const v of values) {
    if (v === null || Number.isInteger(v)) continue;
    const decimals = String(v).split(".")[1]?.length ?? 0;
    digits = Math.max(digits, Math.min(2, decimals));
  }
  return digits;
}
