// Preloaded into the builds the benchmark times (NODE_OPTIONS=--import=…, so that the
// processes a build starts load it too: the shards of a build split by stories): at exit,
// each Node process appends its resource use (peak resident memory of the process and its
// threads, CPU) to the file named by BENCH_USAGE_FILE, one line each.
import { appendFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.BENCH_USAGE_FILE) appendFileSync(process.env.BENCH_USAGE_FILE, `${JSON.stringify(process.resourceUsage())}\n`);
});
