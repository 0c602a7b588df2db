/** npm run data [-- --force]: validate data/ and write generated/ (fetching boundaries when needed). */
import { runPipeline } from "./lib/pipeline.ts";
import { runCli } from "./lib/cli.ts";

await runCli(() =>
  runPipeline({
    root: process.cwd(),
    mirror: process.env.BOUNDARIES_MIRROR || undefined,
    force: process.argv.includes("--force"),
    log: (line) => console.log(`data: ${line}`),
  }),
);
