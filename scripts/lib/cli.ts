import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { isProblemError, type Problem } from "./problems.ts";

/** What a failed step leaves for tools such as the preview server (`--error-file <path>`). */
export interface FailureReport {
  problems: Problem[];
  /** Text of an unexpected error (a crash rather than a problem in the input). */
  crash?: string;
}

/**
 * Run a command-line step: problems print as a list and exit 1; anything else is a crash.
 * With `--error-file <path>` the failure is also written there as JSON.
 */
export async function runCli(step: () => Promise<unknown>): Promise<void> {
  const i = process.argv.indexOf("--error-file");
  const errorFile = i > 0 ? process.argv[i + 1] : undefined;
  try {
    await step();
  } catch (error) {
    const report: FailureReport = { problems: [] };
    if (isProblemError(error)) {
      console.error(`\n${error.message}\n`);
      report.problems = error.problems;
    } else {
      console.error(error);
      report.crash = error instanceof Error ? (error.stack ?? error.message) : String(error);
    }
    if (errorFile) {
      mkdirSync(dirname(errorFile), { recursive: true });
      writeFileSync(errorFile, JSON.stringify(report, null, 2));
    }
    process.exitCode = 1;
  }
}
