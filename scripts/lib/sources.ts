/**
 * The bibliography (data/sources.yaml). Every dataset row names source ids that must be
 * listed here; the site builds every figure's source line from these entries.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { CONTROL_CHAR_HINT, controlCharProblems, controlCharsInValues, controlName } from "../../src/lib/control-chars.ts";
import { yamlError } from "../../src/lib/yaml-hints.ts";
import type { ProblemList } from "./problems.ts";

export const SOURCES_FILE = "data/sources.yaml";

export const Source = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lowercase letters, digits and single hyphens"),
    publisher: z.string().min(1),
    title: z.string().min(1),
    /** Optional only where no public address exists (third-party code files) or none was recorded: notes must say why. */
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** YYYY-MM-DD, YYYY-MM or YYYY as the source gives it, or "n.d." for an undated page. */
    published: z
      .union([z.string(), z.date(), z.number()])
      .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)))
      .pipe(
        z.string().regex(/^(\d{4}(-\d{2}(-\d{2})?)?|n\.d\.)$/, 'a date as YYYY-MM-DD, YYYY-MM or YYYY, or "n.d." when the source has none'),
      ),
    language: z.enum(["ko", "en"]),
    licence: z.string().min(1),
    type: z.enum(["OFF", "NEWS", "REPO", "CODE", "WIKI", "STUDY"]),
    notes: z.string().optional(),
    /**
     * The Korean edition's words for the publisher, title and licence, where the English ones
     * describe the source rather than quote it ("Third-party code file", "headline not
     * recorded"): a Korean page prints them instead. A source's own name or headline stays
     * as it is written.
     */
    publisher_ko: z.string().min(1).optional(),
    title_ko: z.string().min(1).optional(),
    licence_ko: z.string().min(1).optional(),
  })
  .refine((s) => s.url !== undefined || (s.notes ?? "").length > 0, {
    path: ["url"],
    message: "a source without url must say in notes why it has none (e.g. a third-party code file)",
  });
export type Source = z.output<typeof Source>;

export async function readSources(root: string, problems: ProblemList): Promise<Map<string, Source>> {
  const text = await readFile(join(root, SOURCES_FILE), "utf8");
  // Publishers and titles reach every figure's source line, the feed and the terminal.
  const inFile = controlCharProblems(text, SOURCES_FILE);
  for (const p of inFile) problems.add(p);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  const sources = new Map<string, Source>();
  /** Line of `key:` in one entry. */
  const keyLine = (item: unknown, key: string) => {
    const pair = isMap(item) ? item.items.find((p) => String((p.key as { value?: unknown })?.value) === key) : undefined;
    return lineAt((pair?.key as { range?: [number] } | undefined)?.range?.[0]);
  };
  for (const error of doc.errors) {
    problems.add({
      code: "yaml-syntax",
      file: SOURCES_FILE,
      ...yamlError(error, text, "Each source is a list item (- id: …) with key: value lines indented under it."),
    });
  }
  if (doc.errors.length) return sources;
  if (!isSeq(doc.contents)) {
    problems.add({
      code: "yaml-shape",
      file: SOURCES_FILE,
      line: 1,
      message: "the file must be a list of sources",
      hint: "Start each source with '- id: …'.",
    });
    return sources;
  }
  for (const item of doc.contents.items) {
    const line = isMap(item) ? lineAt(item.range?.[0]) : undefined;
    const raw = (item as { toJSON(): unknown }).toJSON() as Record<string, unknown> | null;
    const parsed = Source.safeParse(raw);
    // Written as YAML escapes ("\u001b"), they are in the values only.
    if (!inFile.length)
      for (const { key, char } of controlCharsInValues(raw))
        problems.add({
          code: "control-character",
          file: SOURCES_FILE,
          line: keyLine(item, key) ?? line,
          field: key,
          message: `an invisible control character, ${controlName(char)}`,
          hint: CONTROL_CHAR_HINT,
        });
    if (!parsed.success) {
      const reported = new Set<string>();
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "");
        // One problem per key: an entry is reported once, however many rules its value breaks.
        if (reported.has(key)) continue;
        reported.add(key);
        const value = raw?.[key];
        problems.add({
          code: "invalid-source",
          file: SOURCES_FILE,
          line: keyLine(item, key) ?? line,
          field: key,
          message: key === "url" && typeof value === "string" ? `${JSON.stringify(value)} is not a web address` : issue.message,
          hint:
            key === "url"
              ? "Write the source's address in full, starting with https:// (or http://), as the browser shows it."
              : "Every source needs id, publisher, title, url, published, language (ko|en), licence and type (OFF|NEWS|REPO|CODE|WIKI|STUDY).",
        });
      }
      // Its id is known all the same: the rows that cite it are not reported as citing an
      // unknown source (the run stops on the problem above, so the entry is never published).
      if (typeof raw?.id === "string" && !sources.has(raw.id)) sources.set(raw.id, raw as unknown as Source);
      continue;
    }
    if (sources.has(parsed.data.id)) {
      problems.add({
        code: "duplicate-id",
        file: SOURCES_FILE,
        line,
        field: "id",
        message: `"${parsed.data.id}" is listed twice`,
        hint: "Give each source its own id.",
      });
      continue;
    }
    sources.set(parsed.data.id, parsed.data);
  }
  return sources;
}

/** Split a `source` cell ("a; b") into ids. */
export function sourceIds(cell: string): string[] {
  return cell
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Report every id in `cell` that the bibliography lacks. */
export function checkSourceIds(
  cell: string,
  known: Map<string, Source>,
  where: { file: string; line: number; field?: string },
  problems: ProblemList,
): string[] {
  const ids = sourceIds(cell);
  if (ids.length === 0) {
    problems.add({
      code: "missing-source",
      ...where,
      field: where.field ?? "source",
      message: "no source id",
      hint: `Name one or more ids from ${SOURCES_FILE}, separated by ";".`,
    });
  }
  for (const id of ids) {
    if (!known.has(id)) {
      problems.add({
        code: "unknown-source",
        ...where,
        field: where.field ?? "source",
        message: `source id "${id}" is not in ${SOURCES_FILE}`,
        hint: `Add it to ${SOURCES_FILE}, or correct the id${similar(id, known)}.`,
      });
    }
  }
  return ids;
}

/** ", e.g. a, b" with up to five known ids that share the first part of `id`, or "". */
function similar(id: string, known: Map<string, Source>): string {
  const head = id.split("-")[0]!;
  const close = [...known.keys()].filter((k) => k.split("-")[0] === head).slice(0, 5);
  return close.length ? ` (ids starting with "${head}-": ${close.join(", ")})` : "";
}
