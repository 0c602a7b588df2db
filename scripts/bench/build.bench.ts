/**
 * Build benchmark: the benchmark site (scripts/bench/bench-site.ts) built by our
 * `scripts/build.ts` (data step skipped: its inputs have not changed) against a bare
 * Eleventy build of the same Markdown with the figure blocks stripped, no config and no
 * layout. Every build is a fresh Node process; ours and bare alternate, after one warm-up
 * each.
 *
 * - cold: ours with `.cache/` removed first (every figure, page, share card, the search
 *   index, the bundles and the font subsets made again);
 * - warm: ours again with nothing changed (what the content-addressed cache saves);
 * - 10,000 stories: one cold and one warm build beside one bare build, with the peak
 *   resident memory of each (the build process and its threads; Pagefind's and esbuild's
 *   own processes are not counted). `-- --no-10k` leaves it out.
 * Medians of 3 runs (1 with --quick). The scratch sites are removed afterwards.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
 * reports the process's peak memory, and under GNU time (if installed), whose %M is the
 * peak of the largest process of the build: Node or one it started (Pagefind, esbuild).
 */
function timedNode(root: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Timing> {
  const started = performance.now();
  const usageFile = join(usageDir, `${runs++}.json`);
  const preload = ["--import", join(root, "scripts", "bench", "usage.mjs")];
  return new Promise((resolve, reject) => {
    const script =
      'if [ -x /usr/bin/time ]; then /usr/bin/time -f %M -o "$BENCH_LARGEST_FILE" node "$@"; else node "$@"; fi >/dev/null; status=$?; times 1>&2; exit $status';
    const largestFile = `${usageFile}.largest`;
    const child = spawn("bash", ["-c", script, "bash", ...preload, ...args], {
      cwd,
      env: { ...env, BENCH_USAGE_FILE: usageFile, BENCH_LARGEST_FILE: largestFile },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const wall = performance.now() - started;
      const m = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(err);
      if (code !== 0 || !m) return reject(new Error(`node ${args.join(" ")} in ${cwd} failed (exit ${code}):\n${err}`));
      const cpu = (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000;
      const usage = JSON.parse(readFileSync(usageFile, "utf8")) as { maxRSS: number };
      const largest = existsSync(largestFile) ? Number(readFileSync(largestFile, "utf8").trim().split("\n").at(-1)) || 0 : 0;
      resolve({
        wall: Math.round(wall),
        cpu: Math.round(cpu),
        rssMb: Math.round(usage.maxRSS / 1024),
        largestMb: Math.round(largest / 1024),
      });
    });
  });
}

const oursBuild = (root: string, site: ScratchSite, cold: boolean) => {
  if (cold) rmSync(join(site.root, ".cache"), { recursive: true, force: true });
  return timedNode(root, ["--import", "tsx", join(root, "scripts", "build.ts")], site.root, { ...process.env, ATLAS_SKIP_DATA: "1" });
};
const bareBuild = (root: string, dir: string) =>
  timedNode(root, [join(root, "node_modules", "@11ty", "eleventy", "cmd.cjs"), "--input=stories", "--output=_site", "--quiet"], dir);

const r2 = (x: number) => Math.round(x * 100) / 100;

const bench: Bench = async ({ root, quick, log }) => {
  const n = quick ? 1 : 3;
  const tenThousand = !process.argv.includes("--no-10k");
  const ours = benchSite("bench-build", 1000);
  const bare = bareSite("bench-bare", 1000);
  const times = { cold: [] as Timing[], warm: [] as Timing[], edit: [] as Timing[], bare: [] as Timing[] };
  const big: Record<string, Timing> = {};
  try {
    log("warm-up (one build of each) …");
    await oursBuild(root, ours, false);
    await bareBuild(root, bare.dir);
    for (let i = 0; i < n; i++) {
      // Alternate which goes first, so neither always gets the warmer machine.
      for (const which of i % 2 ? (["bare", "cold", "warm"] as const) : (["cold", "warm", "bare"] as const)) {
        const t = which === "bare" ? await bareBuild(root, bare.dir) : await oursBuild(root, ours, which === "cold");
        times[which].push(t);
        log(`run ${i + 1}/${n}: ${which} ${t.wall} ms wall, ${t.cpu} ms CPU, ${t.rssMb} MB`);
      }
      // A warm build after the usual change: one word of one story's prose.
      const story = join(ours.root, "src", "stories", storyFile(500));
      writeFileSync(story, readFileSync(story, "utf8").replace("Paragraph text", i % 2 ? "Paragraph text" : "Paragraph prose"));
      const edit = await oursBuild(root, ours, false);
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
      log("10,000 stories: bare, then ours cold, then ours warm …");
      big.bare = await bareBuild(root, bare10k.dir);
      log(`bare ${big.bare.wall} ms, ${big.bare.rssMb} MB`);
      big.cold = await oursBuild(root, site, true);
      log(`cold ${big.cold.wall} ms, ${big.cold.rssMb} MB (largest process ${big.cold.largestMb} MB)`);
      big.warm = await oursBuild(root, site, false);
      log(`warm ${big.warm.wall} ms, ${big.warm.rssMb} MB`);
    } finally {
      site.remove();
      rmSync(bare10k.dir, { recursive: true, force: true });
    }
  }
  rmSync(usageDir, { recursive: true, force: true });

  const med = (which: keyof typeof times, k: keyof Timing) => median(times[which].map((t) => t[k]));
  const ratio = (which: "cold" | "warm", k: "wall" | "cpu") => r2(med(which, k) / med("bare", k));
  const rows: BenchRow[] = [
    { label: "bare Eleventy (figures stripped, no layout), wall", value: med("bare", "wall"), unit: "ms" },
    { label: "ours, warm (nothing changed), wall", value: med("warm", "wall"), unit: "ms" },
    { label: "ours, cold (.cache/ removed), wall", value: med("cold", "wall"), unit: "ms" },
    { label: "ours, one story's prose edited since the last build, wall", value: med("edit", "wall"), unit: "ms" },
    {
      label: "ratio warm / bare, wall-clock",
      value: ratio("warm", "wall"),
      unit: "×",
      goal: `≤ ${GOALS.warm}×`,
      met: ratio("warm", "wall") <= GOALS.warm,
    },
    {
      label: "ratio cold / bare, wall-clock",
      value: ratio("cold", "wall"),
      unit: "×",
      goal: `≤ ${GOALS.cold}×`,
      met: ratio("cold", "wall") <= GOALS.cold,
    },
    { label: "ratio warm / bare, CPU (user + system, child processes included)", value: ratio("warm", "cpu"), unit: "×" },
    { label: "ratio cold / bare, CPU", value: ratio("cold", "cpu"), unit: "×" },
    { label: "ratio one story edited / bare, wall-clock", value: r2(med("edit", "wall") / med("bare", "wall")), unit: "×" },
    {
      label: "peak memory: bare / warm / cold",
      value: `${med("bare", "rssMb")} / ${med("warm", "rssMb")} / ${med("cold", "rssMb")}`,
      unit: "MB",
    },
  ];
  if (big.cold && big.warm && big.bare) {
    const warmRatio = r2(big.warm.wall / big.bare.wall);
    const coldRatio = r2(big.cold.wall / big.bare.wall);
    const peak = Math.max(big.cold.rssMb, big.warm.rssMb);
    const growth = r2(big.warm.rssMb / med("warm", "rssMb") - 1);
    const coldGrowth = r2(big.cold.rssMb / med("cold", "rssMb") - 1);
    rows.push(
      { label: "10,000 stories: bare Eleventy, wall / peak memory", value: `${big.bare.wall} / ${big.bare.rssMb}`, unit: "ms / MB" },
      { label: "10,000 stories: ours warm, wall / peak memory", value: `${big.warm.wall} / ${big.warm.rssMb}`, unit: "ms / MB" },
      { label: "10,000 stories: ours cold, wall / peak memory", value: `${big.cold.wall} / ${big.cold.rssMb}`, unit: "ms / MB" },
      {
        label: "10,000 stories: ratio warm / bare, wall-clock",
        value: warmRatio,
        unit: "×",
        goal: `≤ ${GOALS.tenThousand}×`,
        met: warmRatio <= GOALS.tenThousand,
      },
      {
        label: "10,000 stories: ratio cold / bare, wall-clock",
        value: coldRatio,
        unit: "×",
        goal: `≤ ${GOALS.tenThousand}×`,
        met: coldRatio <= GOALS.tenThousand,
      },
      {
        label: "10,000 stories: peak memory (cold or warm)",
        value: peak,
        unit: "MB",
        goal: `≤ ${GOALS.rssMb} MB`,
        met: peak <= GOALS.rssMb,
      },
      {
        label: "10,000 stories: peak memory of the largest process, cold (the build or Pagefind, which it starts)",
        value: big.cold.largestMb || "GNU time not installed",
        unit: big.cold.largestMb ? "MB" : "",
      },
      {
        label: "peak memory, 10,000 vs 1,000 stories (warm builds)",
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
      "Cold: .cache/ removed, so every figure, page, share card (1,000 PNGs drawn), the search index, the bundles and the font subsets are made again. Warm: nothing changed since the last build. One story edited: a warm build after one word of one story's prose changed (its page, the feeds and the search index made again).",
      "Peak memory: the build process with its worker threads (process.resourceUsage().maxRSS); Pagefind and esbuild run in processes of their own, and the largest process's peak (GNU time's %M) is given beside it for the 10,000-story cold build, where Pagefind indexes every story. Default Node heap.",
    ],
    data: { runs: n, times, tenThousand: big },
  };
};

export default bench;
