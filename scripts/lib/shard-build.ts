/**
 * One shard of a build split by stories (scripts/lib/shards.ts), with ATLAS_SHARD_PLAN and
 * ATLAS_SHARD_INDEX set. A story shard runs in a process of its own:
 * `node --import tsx scripts/lib/shard-build.ts <root> <input> <output> --error-file <path>`;
 * the site's shard (the last) runs in the build's own process (`buildShard`) and returns
 * the build report (run as a process of its own, it leaves it in the plan's folder).
 */
import { join } from "node:path";
import { type BuildReport, briefReport } from "../../src/site/build-report.ts";
import { takeBuildReport } from "../../src/site/build-report-output.ts";
import { forgetAtlasSite } from "../../src/site/eleventy.ts";
import { atlasEleventy } from "./atlas-eleventy.ts";
import { runCli } from "./cli.ts";
import { findProblemError, leaveProblemsToUs } from "./eleventy-problems.ts";
import { writeJsonAtomicSync } from "./json-pieces.ts";
import { tightenHeap } from "./memory.ts";
import { currentShard, shardFiles, shardIncludes } from "./shards.ts";

/**
 * Build the shard that ATLAS_SHARD_PLAN and ATLAS_SHARD_INDEX name into `output`. The site's
 * shard returns the build report (the terminal's summary of it); in a process of its own it
 * also leaves it in the plan's folder (`save`).
 */
export async function buildShard(root: string, input: string, output: string, save = false): Promise<BuildReport | undefined> {
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
  } finally {
    forgetAtlasSite();
  }
  if (shard.kind !== "site") return undefined;
  // What the terminal prints of it; the page itself is in the output (build-report.html).
  const taken = takeBuildReport();
  const report = taken && briefReport(taken);
  // In a process of its own (a build across machines), for the build that started it. Piece
  // by piece: on 10,000 stories it is 16 MB of JSON. In the build's own process it is
  // handed over as it is: written and read back, it was the top of the build's memory.
  if (save) writeJsonAtomicSync(shardFiles.report(shard.plan.dir), report ?? null);
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  tightenHeap();
  const [root, input, output] = process.argv.slice(2) as [string, string, string];
  await runCli(async () => {
    await buildShard(root, input, output, true);
  });
}
