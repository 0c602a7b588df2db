// Preloaded into the builds the benchmark times (node --import): at exit, the process's
// resource use (peak resident memory of the process and its threads, CPU) goes to the file
// named by BENCH_USAGE_FILE.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.BENCH_USAGE_FILE) writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify(process.resourceUsage()));
});
