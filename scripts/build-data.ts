/**
 * npm run data [-- --force] [-- --semas <file> [--semas-source <id>] [--semas-encoding euc-kr]]:
 * validate data/ and write generated/ (fetching boundaries when needed). With --semas, a
 * SEMAS store CSV is streamed and aggregated per dong and per gu (see scripts/lib/semas.ts).
 */
import { parseArgs } from "node:util";
import { runCli } from "./lib/cli.ts";
import { runPipeline } from "./lib/pipeline.ts";
import { createProgress } from "./lib/progress.ts";

const { values } = parseArgs({
  options: {
    force: { type: "boolean", default: false },
    semas: { type: "string" },
    "semas-source": { type: "string" },
    "semas-encoding": { type: "string" },
  },
});
const encoding = values["semas-encoding"];
if (encoding !== undefined && encoding !== "utf-8" && encoding !== "euc-kr") {
  console.error(`--semas-encoding must be utf-8 or euc-kr, not "${encoding}"`);
  process.exit(1);
}

await runCli(() =>
  runPipeline({
    root: process.cwd(),
    mirror: process.env.BOUNDARIES_MIRROR || undefined,
    force: values.force,
    semas: values.semas ? { file: values.semas, source: values["semas-source"], encoding } : undefined,
    progress: (label) => createProgress(label),
    log: (line) => console.log(`data: ${line}`),
  }),
);
