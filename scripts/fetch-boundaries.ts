/** npm run data:fetch: download the pinned boundary files (or copy them from BOUNDARIES_MIRROR). */
import { fetchBoundaries } from "./lib/boundaries.ts";
import { runCli } from "./lib/cli.ts";

await runCli(async () => {
  const result = await fetchBoundaries({
    root: process.cwd(),
    mirror: process.env.BOUNDARIES_MIRROR || undefined,
    log: (line) => console.log(`boundaries: ${line}`),
  });
  console.log(`boundaries: ${result.written.length} fetched, ${result.kept.length} already present and valid`);
});
