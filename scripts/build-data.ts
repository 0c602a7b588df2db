/** npm run data [-- --force]: validate data/ and write generated/ (fetching boundaries when needed). */

import { runCli } from "./lib/cli.ts";
import { runPipeline } from "./lib/pipeline.ts";

await runCli(() =>
  runPipeline({
    root: process.cwd(),
    mirror: process.env.BOUNDARIES_MIRROR || undefined,
    force: process.argv.includes("--force"),
    log: (line) => console.log(`data: ${line}`),
  }),
);
