/**
 * CSV output for downloads: RFC 4180 quoting, a header row, "\n" line ends, UTF-8. Text
 * cells that a spreadsheet would run as a formula are written as text (src/lib/spreadsheet-text.ts);
 * numeric columns are written as they are.
 */
import { stringify } from "csv-stringify/sync";
import type { FieldInfo } from "../../src/lib/manifest.ts";
import { toSpreadsheetText } from "../../src/lib/spreadsheet-text.ts";

export function toCsv(fields: Pick<FieldInfo, "name" | "type">[], rows: Record<string, unknown>[]): string {
  const columns = fields.map((f) => f.name);
  const numeric = fields.map((f) => f.type === "number" || f.type === "integer" || f.type === "year");
  return stringify(
    rows.map((r) => fields.map((f, i) => formatCell(r[f.name], numeric[i]!))),
    { header: true, columns, record_delimiter: "unix" },
  );
}

function formatCell(v: unknown, numeric: boolean): string {
  if (v === null || v === undefined) return "";
  const text = Array.isArray(v) ? v.join(";") : String(v);
  return numeric ? text : toSpreadsheetText(text);
}
