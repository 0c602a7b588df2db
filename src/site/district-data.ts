/**
 * What the datasets hold about one district, for its page: every row of every dataset
 * that names the district in a gu field (gu_code or gu_codes), with the row's label and,
 * where the row has one, its value and unit. The boundary layers (districts, dong) and the
 * office points are shown elsewhere on the page and left out here.
 */
import { dateLabel } from "../../scripts/lib/date-label.ts";
import type { DatasetStore, Row } from "../figures/datasets.ts";
import type { DatasetInfo } from "../lib/manifest.ts";

const SHOWN_ELSEWHERE = new Set(["districts", "dong", "district-offices", "census-2015-gu"]);

export interface DistrictRows {
  info: DatasetInfo;
  rows: Row[];
}

function namesDistrict(row: Row, code: string): boolean {
  const single = row.gu_code;
  const many = row.gu_codes;
  return single === code || (Array.isArray(many) && many.includes(code));
}

export function districtRows(store: DatasetStore, code: string): DistrictRows[] {
  const out: DistrictRows[] = [];
  for (const name of store.names()) {
    if (SHOWN_ELSEWHERE.has(name)) continue;
    const info = store.info(name)!;
    if (!info.fields.some((f) => f.name === "gu_code" || f.name === "gu_codes")) continue;
    const rows = store.get(name).rows.filter((r) => namesDistrict(r, code));
    // Dated rows in date order; undated ones keep the data's order, after them.
    if (info.fields.some((f) => f.name === "date")) rows.sort((a, b) => String(a.date ?? "9999").localeCompare(String(b.date ?? "9999")));
    if (rows.length) out.push({ info, rows });
  }
  return out;
}

/** A row in words: its label, then its value and unit where it has them. */
export function rowText(info: DatasetInfo, row: Row): { label: string; value?: string } {
  const when = typeof row.date === "string" && info.fields.some((f) => f.name === "date" && f.type === "date") ? dateLabel(row.date) : null;
  const label = `${when ? `${when}: ` : ""}${String(row.label ?? row[info.label_field] ?? row[info.key] ?? "")}`;
  // The row's value: its value column, or else its first number with a unit (a census count).
  const measure =
    info.fields.find((f) => f.name === "value") ?? info.fields.find((f) => (f.type === "integer" || f.type === "number") && f.unit);
  const value = measure ? row[measure.name] : undefined;
  if (typeof value !== "number") return { label };
  const unit = typeof row.unit === "string" ? ` ${row.unit}` : measure?.unit ? ` ${measure.unit}` : "";
  const approx = row.approx === "true" || row.approx === (true as unknown) ? "about " : "";
  return { label, value: `${approx}${value.toLocaleString("en-GB")}${unit}` };
}
