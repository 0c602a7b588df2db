import { ProblemError } from "./problems.ts";

/** Run a command-line step: problems print as a list and exit 1; anything else is a crash. */
export async function runCli(step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (error instanceof ProblemError) {
      console.error(`\n${error.message}\n`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}
