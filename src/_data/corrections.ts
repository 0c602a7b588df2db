/** Corrections and data revisions from data/corrections.yaml, checked (file:line on mistakes). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { ProblemList } from "../../scripts/lib/problems.ts";
import { calendarDateProblem } from "../lib/calendar-date.ts";
import { CONTROL_CHAR_HINT, controlCharProblems, controlCharsInValues, controlName } from "../lib/control-chars.ts";
import { yamlError } from "../lib/yaml-hints.ts";

export const CORRECTIONS_FILE = "data/corrections.yaml";

export const Correction = z
  .object({
    date: z
      .union([z.string(), z.date()])
      .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
      .pipe(
        z.string().check((ctx) => {
          const wrong = calendarDateProblem(ctx.value);
          if (wrong)
            ctx.issues.push({
              code: "custom",
              input: ctx.value,
              message: `"${ctx.value}" ${wrong}: write the day it was published, as YYYY-MM-DD`,
            });
        }),
      ),
    type: z.enum(["correction", "revision"]),
    page: z
      .string()
      // Not "//…" or "/\…", which browsers read as another site's address; the page must exist (src/site/correction-pages.ts).
      .regex(/^\/(?![/\\])[^\\\s]*$/, "a site path such as /stories/…/")
      .optional(),
    dataset: z.string().optional(),
    /**
     * The edition whose text was wrong, when only one was (the English story before the Korean
     * one was written, say): the entry is at the foot of that edition's page only, and in both
     * editions' log. Left out: both editions.
     */
    edition: z.enum(["en", "ko"]).optional(),
    /** What was wrong: the published wording or figure, and why it misled. */
    wrong: z.string().min(1, "say what was wrong"),
    /** What the page says now (a revision: what the data holds now). */
    now: z.string().min(1, "say what the page says now"),
    /** The same two in Korean, for /ko/corrections/ and the Korean page's foot. */
    wrong_ko: z.string().min(1).optional(),
    now_ko: z.string().min(1).optional(),
  })
  .strict()
  .refine((c) => c.page || c.dataset, { message: "name the page or the dataset concerned", path: ["page"] });
/** An entry with its anchor on /corrections/ (`<date>-<n>`: the n-th entry of that day, in file order). */
export type Correction = z.output<typeof Correction> & { id: string };

export function parseCorrections(text: string, file = CORRECTIONS_FILE): Correction[] {
  const problems = new ProblemList();
  for (const p of controlCharProblems(text, file)) problems.add(p);
  problems.throwIfAny();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  for (const e of doc.errors) problems.add({ code: "yaml-syntax", file, ...yamlError(e, text, "Each entry is a list item (- date: …).") });
  problems.throwIfAny();
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) {
    problems.add({
      code: "yaml-shape",
      file,
      line: 1,
      message: "the file must be a list",
      hint: "Write [] for no entries, or list items starting with '- date:'.",
    });
    problems.throwIfAny();
  }
  const out: Correction[] = [];
  for (const item of (doc.contents as { items: unknown[] }).items) {
    const value = (item as { toJSON(): unknown }).toJSON();
    const parsed = Correction.safeParse(value);
    const line = isMap(item) && item.range ? lineCounter.linePos(item.range[0]).line : undefined;
    for (const { key, char } of controlCharsInValues(value))
      problems.add({
        code: "control-character",
        file,
        line,
        field: key,
        message: `an invisible control character, ${controlName(char)}`,
        hint: CONTROL_CHAR_HINT,
      });
    if (parsed.success) {
      const n = out.filter((c) => c.date === parsed.data.date).length + 1;
      out.push({ ...parsed.data, id: `${parsed.data.date}-${n}` });
    } else
      for (const issue of parsed.error.issues)
        problems.add({
          code: "invalid-correction",
          file,
          line,
          field: String(issue.path[0] ?? ""),
          message: issue.message,
          hint: "See the field list at the top of the file.",
        });
  }
  problems.throwIfAny();
  return out.sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * The entries about one page, newest first, that the foot of the corrected story lists in the
 * edition of `lang` (`url` is the page's English-edition address).
 */
export function correctionsOf(list: readonly Correction[], url: string, lang: "en" | "ko" = "en"): Correction[] {
  return list.filter((c) => c.page === url && (c.edition === undefined || c.edition === lang));
}

export default function corrections(): Correction[] {
  return parseCorrections(readFileSync(join(process.cwd(), CORRECTIONS_FILE), "utf8"));
}
