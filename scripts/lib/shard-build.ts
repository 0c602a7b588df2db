/**
 * One shard of a build split by stories (scripts/lib/shards.ts), in a process of its own:
 * `node --import tsx scripts/lib/shard-build.ts <root> <input> <output> --error-file <path>`,
 * with ATLAS_SHARD_PLAN and ATLAS_SHARD_INDEX set. scripts/build.ts starts one per shard;
 * the site's shard (the last) also leaves the build report in the plan's folder.
 */
import { join } from "node:path";
import { briefReport } from "../../src/site/build-report.ts";
import { takeBuildReport } from "../../src/site/build-report-output.ts";
import { atlasEleventy } from "./atlas-eleventy.ts";
import { writeFileAtomicSync } from "./atomic.ts";
import { runCli } from "./cli.ts";
import { findProblemError, leaveProblemsToUs } from "./eleventy-problems.ts";
import { tightenHeap } from "./memory.ts";
import { currentShard, shardFiles, shardIncludes } from "./shards.ts";

if (import.meta.url === `file://${process.argv[1]}`) {
  tightenHeap();
  const [root, input, output] = process.argv.slice(2) as [string, string, string];
  await runCli(async () => {
    const shard = currentShard();
    if (!shard) throw new Error("ATLAS_SHARD_PLAN is not set: scripts/build.ts starts the shards of a build");
    const site = atlasEleventy(input, output, {
      quietMode: true,
      configPath: join(root, ".eleventy.js"),
      include: shardIncludes(shard, input),
    });
    leaveProblemsToUs(site.eleventy);
    try {
      await site.render();
    } catch (error) {
      throw findProblemError(error) ?? error;
    }
    if (shard.kind === "site") {
      // What the terminal prints of it; the page itself is in the output (build-report.html).
      const report = takeBuildReport();
      writeFileAtomicSync(shardFiles.report(shard.plan.dir), JSON.stringify(report ? briefReport(report) : null));
    }
  });
}
