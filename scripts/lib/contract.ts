/**
 * Building blocks of the data contracts: zod schemas for the cell types our CSV files use.
 * A CSV cell is always text; these schemas turn it into the typed value (or null for an
 * empty optional cell) and say in plain words what was expected when it is wrong.
 */
import { z } from "zod";

/** A required piece of text. */
export const text = z.string().trim().min(1, "a value is required");

/** Optional text: an empty cell becomes null. */
export const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v));

/** A finite number written with a dot and no thousands separators, e.g. 45673 or 0.67 or -40. */
const NUMBER = /^-?\d+(\.\d+)?$/;
export const number = z.string().trim().regex(NUMBER, "a number written like 1234.5 (no thousands separators or units)").transform(Number);

/** A number or an empty cell (null): missing data stays missing. */
export const optionalNumber = z
  .string()
  .trim()
  .refine((v) => v === "" || NUMBER.test(v), "a number written like 1234.5, or an empty cell when no source gives it")
  .transform((v) => (v === "" ? null : Number(v)));

/** A whole number or an empty cell. */
export const optionalInteger = z
  .string()
  .trim()
  .refine((v) => v === "" || /^-?\d+$/.test(v), "a whole number, or an empty cell when no source gives it")
  .transform((v) => (v === "" ? null : Number(v)));

/** true or false. */
export const boolean = z.enum(["true", "false"], "true or false").transform((v) => v === "true");

/** A date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD, and a real day of the calendar. */
export const partialDate = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "a date as YYYY-MM-DD, YYYY-MM or YYYY")
  .refine(isRealDate, "not a date of the calendar");

export const optionalPartialDate = z
  .string()
  .trim()
  .refine(
    (v) => v === "" || (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v) && isRealDate(v)),
    "a date as YYYY-MM-DD, YYYY-MM or YYYY, or an empty cell",
  )
  .transform((v) => (v === "" ? null : v));

function isRealDate(v: string): boolean {
  const [y, m = "01", d = "01"] = v.split("-");
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === `${y}-${m}-${d}`;
}

/** A KOSTAT 2013 gu code (five digits); whether it is one of the 25 is checked against the boundary file. */
export const guCode = z
  .string()
  .trim()
  .regex(/^\d{5}$/, "a five-digit KOSTAT 2013 gu code such as 11210 (Gwanak-gu)");

/** One or more gu codes separated by ";" (a district that spans two gu). */
export const guCodes = z
  .string()
  .trim()
  .regex(/^\d{5}(\s*;\s*\d{5})*$/, 'one or more five-digit KOSTAT gu codes separated by ";", e.g. 11060; 11080')
  .transform((v) => v.split(";").map((s) => s.trim()));

/** Identifier of a row: lowercase letters, digits and hyphens, so it is safe in URLs and HTML ids. */
export const rowId = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase letters, digits and single hyphens, e.g. snu-research-park");

/** The `source` cell: one or more source ids separated by ";" (checked against data/sources.yaml). */
export const sourceCell = z.string().trim().min(1, 'one or more source ids from data/sources.yaml, separated by ";"');
