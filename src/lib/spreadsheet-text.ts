/**
 * Text cells of the published CSVs, made safe to open in a spreadsheet. Excel, LibreOffice
 * and Google Sheets run a cell that starts with = + - @ (or a tab or carriage return before
 * one) as a formula: `=HYPERLINK(…)` or `+cmd|…` in a downloaded file would run on the
 * reader's computer. Such a text cell is written with a leading apostrophe, which
 * spreadsheets show as text (OWASP's advice for CSV injection). Numbers stay numbers: a
 * numeric column is never touched, and neither is a text cell that is a plain number such
 * as -3.5. The apostrophe is taken off again when the site reads its own CSVs, so figures
 * show the text as written; a text that itself starts with apostrophes before such a
 * character gets one more, so reading it back is exact.
 */

const FORMULA = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** The cell as the published CSV holds it. */
export function toSpreadsheetText(text: string): string {
  return FORMULA.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** The text a published CSV cell holds, as it was written in data/. */
export function fromSpreadsheetText(cell: string): string {
  return cell.startsWith("'") && FORMULA.test(cell) && !PLAIN_NUMBER.test(cell.slice(1)) ? cell.slice(1) : cell;
}
