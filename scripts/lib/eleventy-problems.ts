/**
 * Problems (a broken figure spec, a bad data row) that stop an Eleventy build: found inside
 * Eleventy's wrapped errors, and printed once, as a list (file:line, what is wrong, how to
 * fix it), by the command that runs the build — not a second time by Eleventy with its
 * stack trace, which tells a journalist nothing.
 */
import { readFileSync } from "node:fs";
import { frontMatterLines, frontMatterOf } from "../../src/lib/front-matter.ts";
import { unclosedQuote } from "../../src/lib/yaml-hints.ts";
import { isProblemError, ProblemError } from "./problems.ts";

interface Wrapped {
  name?: string;
  message?: string;
  originalError?: unknown;
  cause?: unknown;
  /** js-yaml's YAMLException: what is wrong, and where in the front matter (0-based). */
  reason?: string;
  mark?: { line: number; column: number };
}

/**
 * A story whose front matter is not valid YAML: Eleventy reports the template and, inside,
 * js-yaml's error with its place in the front matter (which starts on line 2 of the file).
 */
function frontMatterProblem(chain: Wrapped[]): ProblemError | undefined {
  const template = chain.map((e) => /reading front matter from template (?:\.\/)?(\S+)/.exec(e.message ?? "")?.[1]).find(Boolean);
  const yaml = chain.find((e) => e.name === "YAMLException" && e.mark);
  if (!template || !yaml?.mark) return undefined;
  // js-yaml counts from the text after the first "---", whose line 0 is that line's end: its
  // line n is the file's line n + 1. A quote left open is found at the end of the front
  // matter; the message points at its last line, not past the closing "---".
  let line = yaml.mark.line + 1;
  let unclosed = false;
  try {
    const source = readFileSync(template, "utf8");
    const closing = frontMatterLines(source);
    // No closing "---": everything below the opening one was read as front matter.
    unclosed = closing === 0 && /^---\s*$/.test(source.split(/\r?\n/, 1)[0] ?? "");
    if (closing > 2) line = Math.min(line, closing - 1);
    // A quote left open: the line where the value opens a quote it does not close.
    if (/end of the stream within a (double|single) quoted scalar/.test(yaml.reason ?? "")) {
      const front = source
        .split(/\r?\n/)
        .slice(1, closing > 0 ? closing - 1 : undefined)
        .join("\n");
      const open = unclosedQuote(front);
      if (open) line = open.line + 1;
    }
  } catch {
    // The file is named relative to the build's folder; without it, the line as js-yaml gave it.
  }
  if (unclosed)
    return new ProblemError(
      [
        {
          code: "front-matter-unclosed",
          file: template,
          line: 1,
          message: `the front matter opened by "---" on line 1 is never closed, so the story's text was read as front matter (it stops making sense at line ${line})`,
          hint: "Put a line of three hyphens, ---, after the front matter's last key (title, dek, date…), before the story's first paragraph.",
        },
      ],
      `The story ${template} cannot be read`,
    );
  return new ProblemError(
    [
      {
        code: "front-matter-yaml",
        file: template,
        line,
        message: `the front matter is not valid YAML: ${yaml.reason ?? "syntax error"}`,
        hint: 'The lines between the two "---" are "key: value" pairs. Put a value that contains a colon, a # or starts with a quote inside double quotes, close every quote you open (the problem may be on a line above this one), and indent list items under their key.',
      },
    ],
    `The story ${template} cannot be read`,
  );
}

/** A date Eleventy cannot read: it names the value and the template. */
function dateProblem(chain: Wrapped[]): ProblemError | undefined {
  const m = chain.map((e) => /value for `date` \((.*)\) is invalid for (?:\.\/)?(\S+)/.exec(e.message ?? "")).find(Boolean);
  if (!m) return undefined;
  const [, value, file] = m as unknown as [string, string, string];
  let line: number | undefined;
  try {
    line = frontMatterOf(readFileSync(file, "utf8")).lineOf("date");
  } catch {
    // The file is named relative to the build's folder; without it, no line.
  }
  return new ProblemError(
    [
      {
        code: "story-front-matter",
        file,
        line,
        field: "date",
        message: `"${value}" is not a date`,
        hint: "Write the publication date as YYYY-MM-DD, e.g. date: 2026-11-26.",
      },
    ],
    `The story ${file} cannot be read`,
  );
}

/** Find our ProblemError inside Eleventy's wrapped errors (or make one from a broken front matter). */
export function findProblemError(error: unknown): ProblemError | undefined {
  const chain: Wrapped[] = [];
  for (let e = error as Wrapped | undefined, i = 0; e && i < 10; i++) {
    if (isProblemError(e)) return e;
    chain.push(e);
    e = (e.originalError ?? e.cause) as Wrapped | undefined;
  }
  return frontMatterProblem(chain) ?? dateProblem(chain);
}

interface ErrorHandler {
  once(type: string, error: unknown, message?: string): void;
}

/** Keep Eleventy from logging errors that are problems; it still logs every other error. */
export function leaveProblemsToUs(eleventy: object): void {
  const handler = (eleventy as { errorHandler?: ErrorHandler }).errorHandler;
  if (typeof handler?.once !== "function") return;
  const once = handler.once.bind(handler);
  handler.once = (type, error, message) => {
    if (!findProblemError(error)) once(type, error, message);
  };
}
