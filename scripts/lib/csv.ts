/**
 * CSV files with line numbers: every row keeps the line it starts on, so a later check
 * can say `data/districts.csv:12:population_2010 — …`. Syntax errors (bad quoting, a row
 * with the wrong number of fields) are reported with their line and the rest of the file
 * is still read, so one run shows every problem.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { z } from "zod";
import type { ProblemList } from "./problems.ts";

export interface CsvRow {
  /** 1-based line on which the record starts. */
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  file: string;
  columns: string[];
  rows: CsvRow[];
  /** Set when the file could not be read as text (not UTF-8): its problem is reported, nothing else of it is checked. */
  unreadable?: true;
}

/** What to do with a CSV that is not UTF-8 (Korean Excel saves "CSV" as CP949 unless told otherwise). */
export const ENCODING_HINT =
  'Save the file as UTF-8: in Excel, "Save as" → "CSV UTF-8 (쉼표로 분리)"; in LibreOffice, tick "Edit filter settings" and choose Unicode (UTF-8); or convert it: iconv -f CP949 -t UTF-8 old.csv > new.csv.';

/**
 * Where the quoted value that csv-parse stumbled on at `line` opened, following RFC 4180's
 * quoting from the top of the file: a value whose closing quote is missing runs on over the
 * lines below, and the parser notices only where the next quote is (or at the end of the
 * file). Undefined when no quoted value runs into `line` from a line above.
 */
export function quoteOpenedAbove(text: string, line: number): number | undefined {
  let inQuotes = false;
  let opened = 0;
  let at = 1;
  let fieldStart = true;
  for (let i = 0; i < text.length && at <= line; i++) {
    const c = text[i];
    if (i === 0 && c === "\uFEFF") continue;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else {
          inQuotes = false;
          // The value closed on the line the parser stumbled on, having opened above it.
          if (at === line && opened < line) return opened;
        }
      } else if (c === "\n") at++;
      continue;
    }
    if (c === '"' && fieldStart) {
      inQuotes = true;
      opened = at;
    } else if (c === "\n") at++;
    fieldStart = c === "," || c === "\n" || (c === "\r" && fieldStart);
  }
  return inQuotes && opened < line ? opened : undefined;
}

export function parseCsv(text: string, file: string, problems: ProblemList): CsvTable {
  // Bytes that are not UTF-8 were read as U+FFFD: the file was saved in another encoding
  // (CP949, EUC-KR), and every Korean value in it would be garbled. Nothing else of it is read.
  const bad = text.indexOf("\uFFFD");
  if (bad >= 0) {
    problems.add({
      code: "csv-encoding",
      file,
      line: text.slice(0, bad).split("\n").length,
      message:
        "the file is not UTF-8 text: this line holds bytes UTF-8 does not have (a file saved as CP949/EUC-KR, as Korean Excel does by default, reads this way)",
      hint: ENCODING_HINT,
    });
    return { file, columns: [], rows: [], unreadable: true };
  }
  let columns: string[] = [];
  const reported = new Set<number>();
  const records = parse(text, {
    bom: true,
    columns: (header: string[]) => (columns = header.map((h) => h.trim())),
    info: true,
    skip_empty_lines: true,
    trim: false,
    skip_records_with_error: true,
    on_skip: (error: { message: string; lines?: number; code?: string; column?: string | number } | undefined) => {
      // After a broken quote csv-parse may report the same line twice: keep the first.
      if (!error || (error.lines !== undefined && reported.has(error.lines))) return;
      if (error.lines !== undefined) reported.add(error.lines);
      const quoting = error.code === "CSV_INVALID_CLOSING_QUOTE" || error.code === "CSV_QUOTE_NOT_CLOSED";
      // A quote left open is reported where it opened, not where the parser noticed it.
      const opened = quoting && error.lines !== undefined ? quoteOpenedAbove(text, error.lines) : undefined;
      problems.add({
        code: "csv-syntax",
        file,
        line: opened ?? error.lines,
        field: typeof error.column === "string" && opened === undefined ? error.column : undefined,
        message: quoting
          ? // csv-parse quotes the character it met byte by byte ("ì" for a "−"): not shown.
            opened !== undefined
            ? `bad quoting: the value in double quotes that opens on this line is not closed (it runs on to line ${error.lines})`
            : "bad quoting: a value in double quotes is not closed where it should be"
          : error.message
              .replace(/^Invalid Record Length: /, "")
              .replace(/^Invalid (Opening|Closing) Quote: /, "bad quoting: ")
              .replace(/ at line \d+/, ""),
        hint:
          error.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH" || error.code === "CSV_RECORD_INCONSISTENT_COLUMNS"
            ? `Every row needs exactly ${columns.length} fields (${columns.join(", ")}). A number written with a thousands separator (302,333) is the usual cause: write it bare (302333). Quote text that contains a comma with double quotes.`
            : 'Wrap a value that contains commas or quotes in double quotes, and double any quote inside it ("").',
      });
    },
  }) as { record: Record<string, string>; info: { lines: number } }[];
  // csv-parse counts the lines read so far, i.e. the line on which the record ends.
  // Records in our files never span lines unless quoted, so count the record's own
  // line breaks to find where it starts.
  const rows = records.map(({ record, info }) => {
    const breaks = Object.values(record).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    return { line: info.lines - breaks, values: record };
  });
  return { file, columns, rows };
}

export async function readCsv(root: string, file: string, problems: ProblemList): Promise<CsvTable> {
  return parseCsv(await readFile(join(root, file), "utf8"), file, problems);
}

/**
 * Validate each row with a zod schema. Returns the rows that passed, each with its line;
 * every issue of every failing row becomes a problem naming file, line and field.
 */
export function validateRows<S extends z.ZodType>(
  table: CsvTable,
  schema: S,
  problems: ProblemList,
  hints: Partial<Record<string, string>> = {},
): { line: number; row: z.output<S> }[] {
  const out: { line: number; row: z.output<S> }[] = [];
  for (const { line, values } of table.rows) {
    const parsed = schema.safeParse(values);
    if (parsed.success) {
      out.push({ line, row: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      const raw = values[field];
      const shown = raw === undefined || raw === "" ? "(empty)" : JSON.stringify(raw);
      problems.add({
        code: raw === undefined || raw === "" ? "missing-field" : "invalid-value",
        file: table.file,
        line,
        field,
        message: `${shown}: ${issue.message}`,
        hint: hints[field] ?? `Correct the value in column "${field}".`,
      });
    }
  }
  return out;
}
