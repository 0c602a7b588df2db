/**
 * Build benchmark: a generated site of 1,000 stories (each with one choropleth and one bar
 * chart, over the real districts dataset) built by our pipeline (`scripts/build.ts`, data
 * step skipped: its inputs have not changed) against a bare Eleventy build of the same
 * Markdown with the figure blocks stripped, no config and no layout. Both run as fresh
 * Node processes, alternating, after one warm-up each; the table shows the medians of
 * wall-clock and of CPU time (5 runs; 1 with --quick).
 * The scratch sites live in tests/.tmp/ (git-ignored) and are removed afterwards.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SCRATCH_DIR, scratchSite } from "../../tests/helpers/scratch-site.ts";
import { type Bench, median } from "./types.ts";

const STORIES = 1000;
const GOAL = 1.3;

/** Story n: a few paragraphs of placeholder prose around a map and a chart of the real dataset. */
export function benchStory(n: number): string {
  const para = `Paragraph text for benchmark story ${n}. It stands in for a reporter's prose: a few sentences with **bold**, _italic_ and a [link](/) so Markdown has something to do.`;
  return `---
title: Benchmark story ${n}
dek: A generated story for the build benchmark.
date: 2026-01-${String((n % 28) + 1).padStart(2, "0")}
---

${para}

${para}

\`\`\`figure
kind: choropleth
dataset: districts
value: density_2010
title: Density map ${n}
method: quantile
classes: 5
palette: ylgnbu
\`\`\`

${para}

\`\`\`figure
kind: bar
dataset: districts
value: population_2010
title: Population chart ${n}
\`\`\`

${para}
`;
}

/** The same Markdown without its figure blocks. */
export function stripFigures(markdown: string): string {
  return markdown.replace(/^```figure\n[\s\S]*?^```\n/gm, "");
}

interface Timing {
  /** Wall-clock milliseconds. */
  wall: number;
  /** CPU milliseconds (user + system) of the build and every process it started (esbuild). */
  cpu: number;
}

/**
 * Run `node …args` in `cwd` under bash, whose `times` reports the CPU used by its children:
 * on a shared machine CPU time is steadier than wall-clock time.
 */
function timedNode(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Timing> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const script = 'node "$@" >/dev/null; status=$?; times 1>&2; exit $status';
    const child = spawn("bash", ["-c", script, "bash", ...args], { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const wall = performance.now() - started;
      const m = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(err);
      if (code !== 0 || !m) return reject(new Error(`node ${args.join(" ")} in ${cwd} failed (exit ${code}):\n${err}`));
      const cpu = (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000;
      resolve({ wall, cpu });
    });
  });
}

const oursBuild = (root: string, site: string) =>
  timedNode(["--import", "tsx", join(root, "scripts", "build.ts")], site, { ...process.env, ATLAS_SKIP_DATA: "1" });
const bareBuild = (root: string, dir: string) =>
  timedNode([join(root, "node_modules", "@11ty", "eleventy", "cmd.cjs"), "--input=stories", "--output=_site", "--quiet"], dir);

const bench: Bench = async ({ root, quick, log }) => {
  const runs = quick ? 1 : 5;
  const stories: Record<string, string> = {};
  for (let n = 1; n <= STORIES; n++) stories[`story-${String(n).padStart(4, "0")}.md`] = benchStory(n);
  const ours = scratchSite("bench-build", { stories });
  const bareDir = join(SCRATCH_DIR, `bench-bare-${process.pid}`);
  mkdirSync(join(bareDir, "stories"), { recursive: true });
  for (const [file, text] of Object.entries(stories)) writeFileSync(join(bareDir, "stories", file), stripFigures(text));
  try {
    log(`warm-up (font subset cache, disk cache) …`);
    await oursBuild(root, ours.root);
    await bareBuild(root, bareDir);
    const times = { ours: [] as Timing[], bare: [] as Timing[] };
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so neither always gets the warmer machine.
      const order = i % 2 ? (["bare", "ours"] as const) : (["ours", "bare"] as const);
      for (const which of order) {
        const t = which === "ours" ? await oursBuild(root, ours.root) : await bareBuild(root, bareDir);
        times[which].push({ wall: Math.round(t.wall), cpu: Math.round(t.cpu) });
        log(`run ${i + 1}/${runs}: ${which} ${Math.round(t.wall)} ms wall, ${Math.round(t.cpu)} ms CPU`);
      }
    }
    const pages = readdirSync(join(ours.site, "stories")).length;
    const med = (which: "ours" | "bare", k: keyof Timing) => median(times[which].map((t) => t[k]));
    const ratio = { wall: med("ours", "wall") / med("bare", "wall"), cpu: med("ours", "cpu") / med("bare", "cpu") };
    const r2 = (x: number) => Math.round(x * 100) / 100;
    return {
      name: "build",
      title: `Build: ${STORIES.toLocaleString("en")} stories (one map + one chart each), ours vs bare Eleventy, median of ${runs}`,
      rows: [
        { label: "bare Eleventy (figures stripped, no layout), wall", value: med("bare", "wall"), unit: "ms" },
        { label: "ours (npm run build, data step skipped), wall", value: med("ours", "wall"), unit: "ms" },
        { label: "ratio ours / bare, wall-clock", value: r2(ratio.wall), unit: "×", goal: `≤ ${GOAL}×`, met: ratio.wall <= GOAL },
        { label: "bare Eleventy, CPU (user + system)", value: med("bare", "cpu"), unit: "ms" },
        { label: "ours, CPU (user + system, esbuild included)", value: med("ours", "cpu"), unit: "ms" },
        { label: "ratio ours / bare, CPU", value: r2(ratio.cpu), unit: "×", goal: `≤ ${GOAL}×`, met: ratio.cpu <= GOAL },
        { label: "ours per story page, wall", value: r2(med("ours", "wall") / pages), unit: "ms" },
        { label: "story pages built", value: pages },
      ],
      notes: [
        "A fresh Node process for each build (start-up included), after one warm-up build of each. CPU time is steadier than wall-clock time on a shared machine.",
        "Ours includes esbuild for the browser assets, the font subset (cached after the warm-up), two SVG figures and their tables per page, and the layouts.",
      ],
      data: { runs, times },
    };
  } finally {
    ours.remove();
    rmSync(bareDir, { recursive: true, force: true });
  }
};

export default bench;
