/**
 * The validator of a dataset, generated from its descriptor: one cell parser per field,
 * made from the field's type and constraints (required, enum, minimum, maximum, pattern,
 * minLength, maxLength). A CSV cell is always text; the parser turns it into the typed
 * value (null for an empty optional cell: missing data stays missing) or says in plain
 * words what was expected. Text cells may not carry control characters, and dates must be
 * days of the calendar between 1900 and one year from now.
 */
import type { FieldDescriptor, FieldType } from "./datasets/descriptor.ts";

export type CellValue = string | number | boolean | string[] | null;

/** What is wrong with a cell: a problem code and a message. */
export interface CellIssue {
  code: "missing-field" | "invalid-value" | "control-character" | "out-of-range";
  message: string;
  /** The cell is not of the field's type at all (the descriptor's type may be what is wrong). */
  type?: true;
}

export type CellParser = (raw: string) => { value: CellValue } | { issue: CellIssue };

/** A finite number written with a dot and no thousands separators, e.g. 45673 or 0.67 or -40. */
const NUMBER = /^-?\d+(\.\d+)?$/;
const INTEGER = /^-?\d+$/;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
export const FIRST_YEAR = 1900;

/**
 * The first control character of a cell (C0, DEL, C1), or undefined. Tab and line feed are
 * allowed in free text, where a note may be laid out; nowhere else.
 */
function controlCharacter(v: string, allowLayout: boolean): { ch: string; at: number } | undefined {
  let at = 0;
  for (const ch of v) {
    at++;
    const cp = ch.codePointAt(0)!;
    if (allowLayout && (cp === 0x09 || cp === 0x0a)) continue;
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return { ch, at };
  }
  return undefined;
}

/** "U+001B" for ESC: how a control character is named in a message. */
function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The latest year a date may have: one year from now (a source does not date things further ahead). */
export function lastYear(now = new Date()): number {
  return now.getUTCFullYear() + 1;
}

/** True for YYYY, YYYY-MM or YYYY-MM-DD naming a real day (month) of the calendar. */
export function isRealDate(v: string): boolean {
  if (!DATE.test(v)) return false;
  const [y, m = "01", d = "01"] = v.split("-");
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === `${y}-${m}-${d}`;
}

const TYPE_TEXT: Record<FieldType, string> = {
  string: "text",
  integer: "a whole number written like 1234 (no thousands separators or units)",
  number: "a number written like 1234.5 (no thousands separators or units)",
  boolean: "true or false",
  date: "a date as YYYY-MM-DD, YYYY-MM or YYYY",
  year: "a year written with four digits, e.g. 2015",
  list: 'one or more values separated by ";"',
};

/** "2023" → "2023-01-01", "2023-05" → "2023-05-01": the first day a partial date covers. */
const firstDay = (v: string) => `${v}${"-01-01".slice(v.length - 4)}`;
/** "2023" → "2023-12-31", "2023-05" → "2023-05-31": compared as text, so "-31" stands for the month's last day. */
const lastDay = (v: string) => `${v}${"-12-31".slice(v.length - 4)}`;

const issue = (code: CellIssue["code"], message: string) => ({ issue: { code, message } });
const typeIssue = (message: string) => ({ issue: { code: "invalid-value" as const, message, type: true as const } });

/** What a number that is not written as a bare number has around it, said so that the fix is plain. */
function numberAdvice(v: string, type: FieldType): string | undefined {
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(v)) return `a number written with thousands separators: write it ${v.replace(/,/g, "")}`;
  const unit = /^(-?[\d,]+(?:\.\d+)?)\s*([^\d\s.,-].*)$/u.exec(v);
  if (unit)
    return `a number with "${unit[2]}" after it: write the number alone, ${unit[1]!.replace(/,/g, "")}, and the unit in the descriptor's unit`;
  if (type === "integer" && /^-?\d+\.\d+$/.test(v))
    return "a whole number, and this one has decimals: if the value is right, the descriptor's type is number, not integer";
  return undefined;
}

/** The parser of one field's cells. */
export function cellParser(field: FieldDescriptor, now = new Date()): CellParser {
  const c = field.constraints ?? {};
  const required = c.required === true;
  const pattern = c.pattern === undefined ? undefined : new RegExp(`^(?:${c.pattern})$`, "u");
  const allowed = c.enum ? new Set(c.enum) : undefined;
  const example = field.example ? ` (e.g. ${field.example})` : "";
  const expected = (text: string) => (required ? text : `${text}, or an empty cell when no source gives it`);
  const freeText = (field.type === "string" || field.type === "list") && !pattern && !allowed;
  const maxYear = lastYear(now);

  /** One value (a cell, or an item of a list) against the enum, pattern and length constraints. */
  const checkText = (v: string): CellIssue | undefined => {
    if (allowed && !allowed.has(v)) return { code: "invalid-value", message: `one of ${[...allowed].join(", ")}` };
    if (pattern && !pattern.test(v)) return { code: "invalid-value", message: `not of the form ${c.pattern}${example}` };
    if (c.minLength !== undefined && [...v].length < c.minLength)
      return { code: "invalid-value", message: `at least ${c.minLength} characters` };
    if (c.maxLength !== undefined && [...v].length > c.maxLength)
      return { code: "invalid-value", message: `at most ${c.maxLength} characters` };
    return undefined;
  };
  const checkRange = (n: number): CellIssue | undefined => {
    if (typeof c.minimum === "number" && n < c.minimum) return { code: "out-of-range", message: `less than the minimum, ${c.minimum}` };
    if (typeof c.maximum === "number" && n > c.maximum) return { code: "out-of-range", message: `more than the maximum, ${c.maximum}` };
    return undefined;
  };

  return (raw) => {
    const bad = controlCharacter(raw, freeText);
    if (bad) return issue("control-character", `contains the control character ${codePoint(bad.ch)} at character ${bad.at}`);
    const v = raw.trim();
    if (v === "") return required ? issue("missing-field", "a value is required") : { value: null };
    const fail = (i: CellIssue | undefined) => (i ? { issue: i } : undefined);
    switch (field.type) {
      case "string":
        return fail(checkText(v)) ?? { value: v };
      case "list": {
        const items = v
          .split(";")
          .map((s) => s.trim())
          .filter(Boolean);
        for (const item of items) {
          const i = checkText(item);
          if (i) return issue(i.code, `"${item}": ${i.message}`);
        }
        return { value: items };
      }
      case "integer":
      case "number":
      case "year": {
        const form = field.type === "number" ? NUMBER : field.type === "year" ? /^\d{4}$/ : INTEGER;
        if (!form.test(v)) return typeIssue(numberAdvice(v, field.type) ?? expected(TYPE_TEXT[field.type]));
        const n = Number(v);
        return fail(checkText(v)) ?? fail(checkRange(n)) ?? { value: n };
      }
      case "boolean":
        return v === "true" || v === "false" ? { value: v === "true" } : typeIssue(TYPE_TEXT.boolean);
      case "date": {
        if (!DATE.test(v)) return typeIssue(expected(TYPE_TEXT.date));
        if (!isRealDate(v)) return issue("invalid-value", "not a date of the calendar");
        // The range: 1900 to one year from now, unless the descriptor gives its own (plans lie further ahead).
        const from = c.minimum !== undefined ? String(c.minimum) : String(FIRST_YEAR);
        const to = c.maximum !== undefined ? String(c.maximum) : String(maxYear);
        if (firstDay(v) < firstDay(from) || firstDay(v) > lastDay(to)) {
          const own = c.minimum !== undefined || c.maximum !== undefined;
          return issue("out-of-range", `a date between ${from} and ${to}${own ? "" : " (one year from now)"}`);
        }
        return fail(checkText(v)) ?? { value: v };
      }
    }
  };
}
