/**
 * Problems found in data, specs or inputs. Every problem names where it is (file, line,
 * field), what is wrong, and how to fix it, so that a maintainer never has to read code
 * to act on it. Modelled on the Reuters graphics kit's validate step: a code per kind
 * of problem, a hint, and the context.
 */
import { printable } from "../../src/lib/control-chars.ts";

export interface Problem {
  /** Stable identifier of the kind of problem, e.g. "csv-quote", "unknown-source". */
  code: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line number in `file`, when the problem has one. */
  line?: number;
  /** Column, key or field the problem is about. */
  field?: string;
  /** What is wrong, with the offending value quoted. */
  message: string;
  /** What to do about it. */
  hint?: string;
}

/** `data/sites.csv:7:lat — 126.95 is outside Seoul …` followed by the hint on its own line. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.field].filter((x) => x !== undefined && x !== "").join(":");
  const head = `${where} — ${p.message}`;
  // Values quoted from the input may hold control characters (ESC, BEL…): shown as \x1B, never sent to the terminal.
  return printable(p.hint ? `${head}\n    how to fix: ${p.hint} [${p.code}]` : `${head} [${p.code}]`);
}

/** Thrown when one or more problems stop a run. Carries all of them, not just the first. */
export class ProblemError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[], summary?: string) {
    const n = problems.length;
    const count = `${n} problem${n === 1 ? "" : "s"}`;
    const head = summary ? `${summary} (${count})` : `${count} stopped the run`;
    super(`${head}:\n${problems.map(formatProblem).join("\n")}`);
    this.name = "ProblemError";
    this.problems = problems;
  }
}

/**
 * True for a ProblemError, also for one thrown by another copy of this module (the site's
 * code in a scratch copy of the project, built by the project's own scripts): judged by its
 * name and its list of problems, so a problem is never shown as a crash.
 */
export function isProblemError(error: unknown): error is ProblemError {
  return (
    error instanceof ProblemError ||
    (error instanceof Error && error.name === "ProblemError" && Array.isArray((error as Partial<ProblemError>).problems))
  );
}

/** Collects problems while a step runs, then throws them together. */
export class ProblemList {
  readonly items: Problem[] = [];
  add(p: Problem): void {
    this.items.push(p);
  }
  get size(): number {
    return this.items.length;
  }
  throwIfAny(summary?: string): void {
    if (this.items.length > 0) throw new ProblemError(this.items, summary);
  }
}
