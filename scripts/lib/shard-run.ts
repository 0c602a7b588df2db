/**
 * The parent's side of a build split by stories (scripts/lib/shards.ts): one process per
 * shard (scripts/lib/shard-build.ts), one after the other, into the same staging folder;
 * the site's shard last. A shard that fails stops the build with its problems, as a
 * build in one process reports them.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BuildReport } from "../../src/site/build-report.ts";
import type { BuildMade, ShardSummary } from "../../src/site/shard-results.ts";
import type { FailureReport } from "./cli.ts";
import { ProblemError } from "./problems.ts";
import { type ShardPlan, shardFiles } from "./shards.ts";

const SCRIPT = fileURLToPath(new URL("./shard-build.ts", import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** The lines a build prints about what it drew, wrote and found in the cache. */
export function madeLines(m: BuildMade): string[] {
  return [
    `cache: ${m.figuresDrawn} figure${m.figuresDrawn === 1 ? "" : "s"} drawn, ${m.pagesWritten} of ${m.pagesWritten + m.pagesLinked} files made anew (the others were in the cache, from an earlier build or the preview), ${m.cardsDrawn} of ${m.cards} share cards drawn`,
    `steps: ${Object.entries(m.steps)
      .map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`)
      .join(", ")}`,
  ];
}

/** Run one shard's process; its problems are thrown as the build's. */
function runShard(plan: ShardPlan, index: number, o: { root: string; input: string; output: string; planFile: string }): Promise<void> {
  const errorFile = shardFiles.error(plan.dir, index);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", TSX, SCRIPT, o.root, o.input, o.output, "--error-file", errorFile], {
      cwd: o.root,
      env: { ...process.env, ATLAS_SHARD_PLAN: o.planFile, ATLAS_SHARD_INDEX: String(index), ATLAS_SKIP_DATA: "1" },
      stdio: ["ignore", "inherit", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) return resolve();
      const failure = existsSync(errorFile) ? (JSON.parse(readFileSync(errorFile, "utf8")) as FailureReport) : undefined;
      if (failure?.problems.length) return reject(new ProblemError(failure.problems, "The site cannot be built"));
      reject(new Error(`shard ${index + 1} of ${plan.shards.length + 1} of the build failed (exit ${code}):\n${failure?.crash ?? err}`));
    });
  });
}

/**
 * Run the site's shard in this process, as a build in one process runs: its pages are few,
 * and what it holds (every shard's pages and figures) is the build's largest, so it is
 * better not to hold it beside a second Node process that only waits.
 */
async function runShardHere(
  index: number,
  o: { root: string; input: string; output: string; planFile: string },
): Promise<BuildReport | undefined> {
  const saved = { plan: process.env.ATLAS_SHARD_PLAN, index: process.env.ATLAS_SHARD_INDEX };
  process.env.ATLAS_SHARD_PLAN = o.planFile;
  process.env.ATLAS_SHARD_INDEX = String(index);
  try {
    const { buildShard } = await import("./shard-build.ts");
    return await buildShard(o.root, o.input, o.output);
  } finally {
    for (const [key, value] of [
      ["ATLAS_SHARD_PLAN", saved.plan],
      ["ATLAS_SHARD_INDEX", saved.index],
    ] as const)
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  }
}

/**
 * Build the site into `output` shard by shard. Returns the pages written and the build
 * report (the site's shard writes it, over every shard's pages).
 */
export async function buildInShards(
  plan: ShardPlan,
  o: { root: string; input: string; output: string; log: (line: string) => void },
): Promise<{ pages: number; report?: BuildReport }> {
  rmSync(plan.dir, { recursive: true, force: true });
  mkdirSync(plan.dir, { recursive: true });
  const planFile = shardFiles.plan(plan.dir);
  writeFileSync(planFile, JSON.stringify(plan));
  const stories = plan.shards.reduce((n, s) => n + s.length, 0);
  o.log(
    `site: ${stories} story files in ${plan.shards.length} shards of at most ${Math.max(...plan.shards.map((s) => s.length))} files, one process each, then the other pages in this one (ATLAS_SHARD_SIZE)`,
  );
  let pages = 0;
  let report: BuildReport | undefined;
  for (let i = 0; i <= plan.shards.length; i++) {
    const started = performance.now();
    if (i < plan.shards.length) await runShard(plan, i, { ...o, planFile });
    else report = await runShardHere(i, { ...o, planFile });
    const result = JSON.parse(readFileSync(shardFiles.summary(plan.dir, i), "utf8")) as ShardSummary;
    const what = i < plan.shards.length ? `${plan.shards[i]!.length} story files` : "the other pages, search index and build report";
    // The site's shard counts the whole build's files.
    pages = result.total ?? pages;
    o.log(
      `shard ${i + 1} of ${plan.shards.length + 1} (${what}): ${result.files} files in ${((performance.now() - started) / 1000).toFixed(1)} s, peak memory ${result.peakMb} MB`,
    );
    for (const line of madeLines(result.made)) o.log(`  ${line}`);
  }
  return { pages, report };
}
