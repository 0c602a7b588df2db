/**
 * Build benchmark: a generated site of 1,000 stories (each with one choropleth and one bar
 * chart, over the real districts dataset) built by our pipeline (`scripts/build.ts`, data
 * step skipped: its inputs have not changed) against a bare Eleventy build of the same
 * Markdown with the figure blocks stripped, no config and no layout. Both run as fresh
 * Node processes, alternating, after one warm-up each; the table shows the medians.
 * The scratch sites live in tests/.tmp/ (git-ignored) and are removed afterwards.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runBuild, SCRATCH_DIR, scratchSite } from "../../tests/helpers/scratch-site.ts";
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

function bareBuild(root: string, dir: string): Promise<{ ms: number }> {
  const cmd = join(root, "node_modules", "@11ty", "eleventy", "cmd.cjs");
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cmd, "--input=stories", "--output=_site", "--quiet"], {
      cwd: dir,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) =>
      code === 0 ? resolve({ ms: performance.now() - started }) : reject(new Error(`bare Eleventy failed:\n${err}`)),
    );
  });
}

const bench: Bench = async ({ root, quick, log }) => {
  const runs = quick ? 1 : 3;
  const stories: Record<string, string> = {};
  for (let n = 1; n <= STORIES; n++) stories[`story-${String(n).padStart(4, "0")}.md`] = benchStory(n);
  const ours = scratchSite("bench-build", { stories });
  const bareDir = join(SCRATCH_DIR, `bench-bare-${process.pid}`);
  mkdirSync(join(bareDir, "stories"), { recursive: true });
  for (const [file, text] of Object.entries(stories)) writeFileSync(join(bareDir, "stories", file), stripFigures(text));
  try {
    log(`warm-up (font subset cache, disk cache) …`);
    await runBuild(ours.root);
    await bareBuild(root, bareDir);
    const times = { ours: [] as number[], bare: [] as number[] };
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so neither always gets the warmer machine.
      const order = i % 2 ? (["bare", "ours"] as const) : (["ours", "bare"] as const);
      for (const which of order) {
        const { ms } = which === "ours" ? await runBuild(ours.root) : await bareBuild(root, bareDir);
        times[which].push(Math.round(ms));
        log(`run ${i + 1}/${runs}: ${which} ${Math.round(ms)} ms`);
      }
    }
    const pages = readdirSync(join(ours.site, "stories")).length;
    const bare = median(times.bare);
    const oursMs = median(times.ours);
    const ratio = oursMs / bare;
    return {
      name: "build",
      title: `Build: ${STORIES.toLocaleString("en")} stories (one map + one chart each), ours vs bare Eleventy, median of ${runs}`,
      rows: [
        { label: "bare Eleventy (figures stripped, no layout)", value: bare, unit: "ms" },
        { label: "ours (npm run build, data step skipped)", value: oursMs, unit: "ms" },
        { label: "ratio ours / bare", value: Math.round(ratio * 100) / 100, unit: "×", goal: `≤ ${GOAL}×`, met: ratio <= GOAL },
        { label: "ours per story page", value: Math.round((oursMs / pages) * 100) / 100, unit: "ms" },
        { label: "story pages built", value: pages },
      ],
      notes: [
        "Wall-clock time of a fresh Node process for each build (start-up included), after one warm-up build of each.",
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
