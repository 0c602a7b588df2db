/** CSV output for downloads: RFC 4180 quoting, a header row, "\n" line ends, UTF-8. */
import { stringify } from "csv-stringify/sync";

export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  return stringify(
    rows.map((r) => columns.map((c) => formatCell(r[c]))),
    { header: true, columns, record_delimiter: "unix" },
  );
}

function formatCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.join(";");
  return String(v);
}
