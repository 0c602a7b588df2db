/**
 * Build benchmark: the benchmark site (scripts/bench/bench-site.ts) built by our
 * `scripts/build.ts` (data step skipped: its inputs have not changed) against a bare
 * Eleventy build of the same Markdown with the figure blocks stripped, no config and no
 * layout. Every build is a fresh Node process; ours and bare alternate, after one warm-up
 * each.
 *
 * - cold: ours with `.cache/` removed first (every figure, page, share card, the search
 *   index, the bundles and the font subsets made again);
 * - warm: ours again with nothing changed (the build keeps _site/: scripts/lib/build-stamp.ts);
 * - every step from warm caches: ATLAS_FULL_BUILD=1, nothing changed (what the
 *   content-addressed caches save when every step runs, as after a layout edit);
 * - one story edited: one word of one story's prose, then a build;
 * - 10,000 stories: one cold build, one of every step from warm caches and one with nothing
 *   changed, beside one bare build, with the peak resident memory of each (the build process
 *   and its threads; Pagefind's and esbuild's own processes are counted by GNU time's
 *   largest process). `-- --no-10k` leaves it out.
 * Medians of 3 runs (1 with --quick). The scratch sites are removed afterwards.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ScratchSite } from "../../tests/helpers/scratch-site.ts";
import { bareSite, benchSite, storyFile } from "./bench-site.ts";
import { type Bench, type BenchRow, median } from "./types.ts";

const GOALS = { warm: 2, cold: 6, tenThousand: 8, rssMb: 1536, flat: 0.3 };

interface Timing {
  /** Wall-clock milliseconds. */
  wall: number;
  /** CPU milliseconds (user + system) of the build and every process it started (esbuild, Pagefind). */
  cpu: number;
  /** Peak resident memory of the build process (its worker threads included), MB. */
  rssMb: number;
  /** Peak resident memory of the largest process of the build: itself or one it started (Pagefind), MB; 0 without GNU time. */
  largestMb: number;
}

const usageDir = mkdtempSync(join(tmpdir(), "bench-usage-"));
let runs = 0;

/**
 * Run `node …args` in `cwd` under bash, whose `times` reports the CPU used by its children
 * (on a shared machine CPU time is steadier than wall-clock time), with a preload that
 * reports the peak memory of each Node process (the build, and the shards it runs one after
 * the other when it is split: scripts/lib/shards.ts), and under GNU time (if installed),
 * whose %M is the peak of the largest process of the build: Node or one it started
 * (Pagefind, esbuild). The build's peak is the larger of two: the highest resident memory
 * of all its Node processes at once (sampled every 200 ms: a build in shards runs its own
 * process and one shard's beside it), and the highest peak of any one of them (exact,
 * however short).
 */
function timedNode(root: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Timing> {
  const started = performance.now();
  const usageFile = join(usageDir, `${runs++}.json`);
  // In NODE_OPTIONS, so that the shards a build starts load it too.
  const preload = `--import=${pathToFileURL(join(root, "scripts", "bench", "usage.mjs")).href}`;
  return new Promise((resolve, reject) => {
    const script =
      'if [ -x /usr/bin/time ]; then /usr/bin/time -f %M -o "$BENCH_LARGEST_FILE" node "$@"; else node "$@"; fi >/dev/null; status=$?; times 1>&2; exit $status';
    const largestFile = `${usageFile}.largest`;
    const child = spawn("bash", ["-c", script, "bash", ...args], {
      cwd,
      env: {
        ...env,
        NODE_OPTIONS: [env.NODE_OPTIONS, preload].filter(Boolean).join(" "),
        BENCH_USAGE_FILE: usageFile,
        BENCH_LARGEST_FILE: largestFile,
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    // The resident memory of all the build's Node processes at once, sampled: a build in
    // shards runs its own process and one shard's beside it.
    let together = 0;
    const sampler = setInterval(() => {
      if (child.pid) together = Math.max(together, nodeTreeRss(child.pid));
    }, 200);
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(sampler);
      const wall = performance.now() - started;
      const m = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(err);
      if (code !== 0 || !m) return reject(new Error(`node ${args.join(" ")} in ${cwd} failed (exit ${code}):\n${err}`));
      const cpu = (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000;
      const largest = existsSync(largestFile) ? Number(readFileSync(largestFile, "utf8").trim().split("\n").at(-1)) || 0 : 0;
      resolve({
        wall: Math.round(wall),
        cpu: Math.round(cpu),
        rssMb: Math.round(Math.max(together, largestNode(readFileSync(usageFile, "utf8"))) / 1024),
        largestMb: Math.round(largest / 1024),
      });
    });
  });
}

/** The largest peak (KB) among the build's Node processes, from the lines the preload wrote (the build's own, or a shard's). */
export function largestNode(lines: string): number {
  return Math.max(
    0,
    ...lines
      .trim()
      .split("\n")
      .map((l) => (JSON.parse(l) as { maxRSS: number }).maxRSS),
  );
}

/** Resident memory (KB) of the Node processes in the tree under `pid`, now (Linux's /proc; 0 elsewhere). */
export function nodeTreeRss(pid: number): number {
  let kb = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      if (/^Name:\s+node$/m.test(status)) kb += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      for (const c of readFileSync(`/proc/${p}/task/${p}/children`, "utf8").split(" ").filter(Boolean)) visit(Number(c));
    } catch {
      // The process ended meanwhile.
    }
  };
  visit(pid);
  return kb;
}

/**
 * Our build of `site`: `cold` with .cache/ removed; `warm` with nothing changed since the
 * last build (the build keeps _site/: scripts/lib/build-stamp.ts); `full` every step again
 * (ATLAS_FULL_BUILD=1) from warm caches, as after a change to a layout.
 */
const oursBuild = async (root: string, site: ScratchSite, mode: "cold" | "warm" | "full") => {
  if (mode === "cold") rmSync(join(site.root, ".cache"), { recursive: true, force: true });
  const env = { ...process.env, ATLAS_SKIP_DATA: "1", ...(mode === "full" ? { ATLAS_FULL_BUILD: "1" } : {}) };
  const timing = await timedNode(root, ["--import", "tsx", join(root, "scripts", "build.ts")], site.root, env);
  await replacedSiteRemoved(site.root);
  return timing;
};

/**
 * Wait until the process a build left to delete the site it replaced (`_site.old-…`,
 * scripts/lib/atomic.ts) is done, so that the next build timed does not share the machine with it.
 */
async function replacedSiteRemoved(dir: string): Promise<void> {
  for (let i = 0; i < 1200 && readdirSync(dir).some((name) => name.startsWith("_site.old-")); i++)
    await new Promise((r) => setTimeout(r, 100));
}
const bareBuild = (root: string, dir: string) =>
  timedNode(root, [join(root, "node_modules", "@11ty", "eleventy", "cmd.cjs"), "--input=stories", "--output=_site", "--quiet"], dir);

const r2 = (x: number) => Math.round(x * 100) / 100;

const bench: Bench = async ({ root, quick, log }) => {
  const n = quick ? 1 : 3;
  const tenThousand = !process.argv.includes("--no-10k");
  const ours = benchSite("bench-build", 1000);
  const bare = bareSite("bench-bare", 1000);
  const times = { cold: [] as Timing[], warm: [] as Timing[], full: [] as Timing[], edit: [] as Timing[], bare: [] as Timing[] };
  const big: Record<string, Timing> = {};
  try {
    log("warm-up (one build of each) …");
    await oursBuild(root, ours, "cold");
    await bareBuild(root, bare.dir);
    for (let i = 0; i < n; i++) {
      // Alternate which goes first, so neither always gets the warmer machine.
      for (const which of i % 2 ? (["bare", "cold", "warm", "full"] as const) : (["cold", "warm", "full", "bare"] as const)) {
        const t = which === "bare" ? await bareBuild(root, bare.dir) : await oursBuild(root, ours, which);
        times[which].push(t);
        log(`run ${i + 1}/${n}: ${which} ${t.wall} ms wall, ${t.cpu} ms CPU, ${t.rssMb} MB`);
      }
      // A build after the usual change: one word of one story's prose.
      const story = join(ours.root, "src", "stories", storyFile(500));
      writeFileSync(story, readFileSync(story, "utf8").replace("Paragraph text", i % 2 ? "Paragraph text" : "Paragraph prose"));
      const edit = await oursBuild(root, ours, "warm");
      times.edit.push(edit);
      log(`run ${i + 1}/${n}: one story edited ${edit.wall} ms wall, ${edit.cpu} ms CPU, ${edit.rssMb} MB`);
    }
  } finally {
    ours.remove();
    rmSync(bare.dir, { recursive: true, force: true });
  }
  if (tenThousand) {
    const site = benchSite("bench-build-10k", 10_000);
    const bare10k = bareSite("bench-bare-10k", 10_000);
    try {
      log("10,000 stories: bare, then ours cold, every step from warm caches, and with nothing changed …");
      big.bare = await bareBuild(root, bare10k.dir);
      log(`bare ${big.bare.wall} ms, ${big.bare.rssMb} MB`);
      big.cold = await oursBuild(root, site, "cold");
      log(`cold ${big.cold.wall} ms, ${big.cold.rssMb} MB (largest process ${big.cold.largestMb} MB)`);
      big.full = await oursBuild(root, site, "full");
      log(`every step, warm caches ${big.full.wall} ms, ${big.full.rssMb} MB`);
      big.warm = await oursBuild(root, site, "warm");
      log(`nothing changed ${big.warm.wall} ms, ${big.warm.rssMb} MB`);
    } finally {
      site.remove();
      rmSync(bare10k.dir, { recursive: true, force: true });
    }
  }
  rmSync(usageDir, { recursive: true, force: true });

  const med = (which: keyof typeof times, k: keyof Timing) => median(times[which].map((t) => t[k]));
  const ratio = (which: Exclude<keyof typeof times, "bare">, k: "wall" | "cpu") => r2(med(which, k) / med("bare", k));
  const rows: BenchRow[] = [
    { label: "bare Eleventy (figures stripped, no layout), wall", value: med("bare", "wall"), unit: "ms" },
    { label: "ours, warm (nothing changed: _site/ kept), wall", value: med("warm", "wall"), unit: "ms" },
    { label: "ours, one story's prose edited since the last build, wall", value: med("edit", "wall"), unit: "ms" },
    { label: "ours, every step from warm caches (ATLAS_FULL_BUILD=1), wall", value: med("full", "wall"), unit: "ms" },
    { label: "ours, cold (.cache/ removed), wall", value: med("cold", "wall"), unit: "ms" },
    {
      label: "ratio warm (nothing changed) / bare, wall-clock",
      value: ratio("warm", "wall"),
      unit: "×",
      goal: `≤ ${GOALS.warm}×`,
      met: ratio("warm", "wall") <= GOALS.warm,
    },
    { label: "ratio one story edited / bare, wall-clock", value: ratio("edit", "wall"), unit: "×" },
    { label: "ratio every step from warm caches / bare, wall-clock", value: ratio("full", "wall"), unit: "×" },
    {
      label: "ratio cold / bare, wall-clock",
      value: ratio("cold", "wall"),
      unit: "×",
      goal: `≤ ${GOALS.cold}×`,
      met: ratio("cold", "wall") <= GOALS.cold,
    },
    { label: "ratio one story edited / bare, CPU (user + system, child processes included)", value: ratio("edit", "cpu"), unit: "×" },
    { label: "ratio cold / bare, CPU", value: ratio("cold", "cpu"), unit: "×" },
    {
      label: "peak memory: bare / warm / one story edited / every step / cold",
      value: `${med("bare", "rssMb")} / ${med("warm", "rssMb")} / ${med("edit", "rssMb")} / ${med("full", "rssMb")} / ${med("cold", "rssMb")}`,
      unit: "MB",
    },
  ];
  if (big.cold && big.full && big.warm && big.bare) {
    const fullRatio = r2(big.full.wall / big.bare.wall);
    const coldRatio = r2(big.cold.wall / big.bare.wall);
    const peak = Math.max(big.cold.rssMb, big.full.rssMb);
    const growth = r2(big.full.rssMb / med("full", "rssMb") - 1);
    const coldGrowth = r2(big.cold.rssMb / med("cold", "rssMb") - 1);
    rows.push(
      { label: "10,000 stories: bare Eleventy, wall / peak memory", value: `${big.bare.wall} / ${big.bare.rssMb}`, unit: "ms / MB" },
      {
        label: "10,000 stories: ours, nothing changed, wall / peak memory",
        value: `${big.warm.wall} / ${big.warm.rssMb}`,
        unit: "ms / MB",
      },
      {
        label: "10,000 stories: ours, every step from warm caches, wall / peak memory",
        value: `${big.full.wall} / ${big.full.rssMb}`,
        unit: "ms / MB",
      },
      { label: "10,000 stories: ours cold, wall / peak memory", value: `${big.cold.wall} / ${big.cold.rssMb}`, unit: "ms / MB" },
      {
        label: "10,000 stories: ratio every step from warm caches / bare, wall-clock",
        value: fullRatio,
        unit: "×",
        goal: `≤ ${GOALS.tenThousand}×`,
        met: fullRatio <= GOALS.tenThousand,
      },
      {
        label: "10,000 stories: ratio cold / bare, wall-clock",
        value: coldRatio,
        unit: "×",
        goal: `≤ ${GOALS.tenThousand}×`,
        met: coldRatio <= GOALS.tenThousand,
      },
      {
        label: "10,000 stories: peak memory of the build process (cold or every step)",
        value: peak,
        unit: "MB",
        goal: `≤ ${GOALS.rssMb} MB`,
        met: peak <= GOALS.rssMb,
      },
      {
        label: "10,000 stories: peak memory of the largest process, cold (the build or Pagefind, which it starts)",
        value: big.cold.largestMb || "GNU time not installed",
        unit: big.cold.largestMb ? "MB" : "",
        ...(big.cold.largestMb ? { goal: `≤ ${GOALS.rssMb} MB`, met: big.cold.largestMb <= GOALS.rssMb } : {}),
      },
      {
        label: "peak memory, 10,000 vs 1,000 stories (every step from warm caches)",
        value: `${growth >= 0 ? "+" : ""}${Math.round(growth * 100)}`,
        unit: "%",
        goal: `within ${GOALS.flat * 100} %`,
        met: Math.abs(growth) <= GOALS.flat,
      },
      {
        label: "peak memory, 10,000 vs 1,000 stories (cold builds)",
        value: `${coldGrowth >= 0 ? "+" : ""}${Math.round(coldGrowth * 100)}`,
        unit: "%",
        goal: `within ${GOALS.flat * 100} %`,
        met: Math.abs(coldGrowth) <= GOALS.flat,
      },
    );
  }
  return {
    name: "build",
    title: `Build: 1,000 stories (a map and a chart each) ${tenThousand ? "and 10,000 " : ""}vs bare Eleventy, median of ${n}`,
    rows,
    notes: [
      "Every build is a fresh Node process (start-up included), after one warm-up build of each; the data step is skipped (its inputs are unchanged).",
      "Cold: .cache/ removed, so every figure, page, share card (1,000 PNGs drawn), the search index, the bundles and the font subsets are made again. Warm: nothing changed since the last build, which keeps _site/ (scripts/lib/build-stamp.ts). One story edited: one word of one story's prose changed since the last build; every step runs, from the caches (that page, the feeds and the search index are made again). Every step from warm caches: ATLAS_FULL_BUILD=1 with nothing changed, as after an edit to a layout.",
      "Peak memory: the build's Node processes with their worker threads, the larger of the highest sum of all of them at once (sampled every 200 ms: a build of more than 1,000 stories runs in shards, one process each beside the build's own; share cards are drawn in processes of their own) and the highest peak of any one of them (process.resourceUsage().maxRSS). Pagefind and esbuild run in processes of their own, and the largest process's peak (GNU time's %M) is given beside it for the 10,000-story cold build, where Pagefind indexes every story. Default Node heap size; the build lets the heap grow 50 % past what a full collection kept (scripts/lib/memory.ts).",
    ],
    data: { runs: n, times, tenThousand: big },
  };
};

export default bench;
