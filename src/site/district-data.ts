/**
 * What the datasets hold about one district, for its page: every row of every dataset
 * that names the district in a gu field (gu_code or gu_codes), with the row's label and,
 * where the row has one, its value and unit. The boundary layers (districts, dong) and the
 * office points are shown elsewhere on the page and left out here.
 */
import { dateLabel } from "../../scripts/lib/date-label.ts";
import type { DatasetStore, Row } from "../figures/datasets.ts";
import { keepUnits } from "../lib/format.ts";
import type { Lang } from "../lib/i18n/index.ts";
import { scaledAmountKo } from "../lib/korean-numbers.ts";
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

/** A row's text in the edition's language: its Korean twin (the field's `ko_field`) where the row has one. */
function textOf(info: DatasetInfo, row: Row, name: string, lang: Lang): unknown {
  if (lang === "ko") {
    const twin = info.fields.find((f) => f.name === name)?.ko_field;
    const value = twin ? row[twin] : undefined;
    if (value !== undefined && value !== null && value !== "") return value;
  }
  return row[name];
}

/** Korean counters and signs that follow a number without a space ("3,100명", "40%"); longer units take one ("천 t CO₂eq"). */
const ATTACHED = /^(?:[가-힣]{1,2}(?:$|\()|[%㎢㎡])/;

/** A row in words: its label, then its value and unit where it has them, in the edition's language. */
export function rowText(info: DatasetInfo, row: Row, lang: Lang = "en"): { label: string; value?: string } {
  const when =
    typeof row.date === "string" && info.fields.some((f) => f.name === "date" && f.type === "date") ? dateLabel(row.date, lang) : null;
  const name = textOf(info, row, "label", lang) ?? textOf(info, row, info.label_field, lang) ?? row[info.key] ?? "";
  // What kind of figure the row holds, where its dataset says (a `detail` field: a target, a plan):
  // without it a reduction target would read as an amount, a planned event as one that was held.
  const detail = textOf(info, row, "detail", lang);
  const label = keepUnits(`${when ? `${when}: ` : ""}${String(name)}${detail ? ` (${String(detail)})` : ""}`);
  // The row's value: its value column, or else its first number with a unit (a census count).
  const measure =
    info.fields.find((f) => f.name === "value") ?? info.fields.find((f) => (f.type === "integer" || f.type === "number") && f.unit);
  const value = measure ? row[measure.name] : undefined;
  if (typeof value !== "number") return { label };
  const rowUnit = textOf(info, row, "unit", lang);
  const unitText =
    typeof rowUnit === "string" && rowUnit ? rowUnit : lang === "ko" && measure?.unit_ko ? measure.unit_ko : (measure?.unit ?? "");
  const approx = row.approx === "true" || row.approx === (true as unknown);
  const number = value.toLocaleString(lang === "ko" ? "ko-KR" : "en-GB");
  // A doubt the facts raise about the printed unit travels with the value ("the printed shares sum to more than 100 %").
  const doubt = textOf(info, row, "unit_doubt", lang);
  const caveat = typeof doubt === "string" && doubt ? ` (${doubt.replace(/[.。]\s*$/, "")})` : "";
  if (lang === "ko") {
    // "6 십억 원" is no way to write 60억 원: a scaled unit is written out in 만, 억 and 조.
    const scaled = scaledAmountKo(value, unitText);
    const unit = unitText ? (ATTACHED.test(unitText) ? unitText : ` ${unitText}`) : "";
    return { label, value: `${approx ? "약 " : ""}${scaled ?? `${number}${unit}`}${caveat}` };
  }
  return { label, value: keepUnits(`${approx ? "about " : ""}${number}${unitText ? ` ${unitText}` : ""}${caveat}`) };
}
