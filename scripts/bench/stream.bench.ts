/**
 * Streaming benchmark: a SYNTHETIC 1,000,000-row file in SEMAS's column layout (written to
 * the system's temporary folder and deleted afterwards; never committed) is parsed,
 * validated, joined to the 423 dong and aggregated, in a child process whose peak memory
 * (maxRSS) is measured. Goals (issue 3): ≥ 200,000 rows/s and peak RSS < 300 MB.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { runPipeline } from "../lib/pipeline.ts";
import { SEMAS_HEADER, writeSyntheticSemas } from "./semas-synthetic.ts";
import { type Bench, median } from "./types.ts";

interface ChildResult {
  rows: number;
  kept: number;
  rejected: number;
  unmatched: number;
  seconds: number;
  rowsPerSecond: number;
  maxRssMb: number;
}

const bench: Bench = async ({ root, quick, log }) => {
  await runPipeline({ root, mirror: process.env.BOUNDARIES_MIRROR || undefined, log: () => {} });
  const dong = JSON.parse(readFileSync(join(root, "generated", "dong.geojson"), "utf8")) as FeatureCollection<Polygon | MultiPolygon>;
  const rows = quick ? 200_000 : 1_000_000;
  const dir = mkdtempSync(join(tmpdir(), "atlas-semas-bench-"));
  try {
    const file = join(dir, "semas-synthetic.csv");
    const t = performance.now();
    const synthetic = await writeSyntheticSemas(file, dong.features, { rows, seed: 1, brokenShare: 0.01 });
    const mb = statSync(file).size / 1e6;
    log(`wrote ${rows.toLocaleString("en")} synthetic rows (${mb.toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const runs: ChildResult[] = [];
    const tsx = join(root, "node_modules", ".bin", "tsx");
    for (let run = 0; run < 3; run++) {
      const out = execFileSync(tsx, [join(root, "scripts", "bench", "semas-stream-child.ts"), root, file], {
        encoding: "utf8",
        env: { ...process.env, CI: "1" },
      });
      runs.push(JSON.parse(out.trim().split("\n").at(-1)!) as ChildResult);
      log(
        `run ${run + 1}: ${Math.round(runs.at(-1)!.rowsPerSecond).toLocaleString("en")} rows/s, peak RSS ${runs.at(-1)!.maxRssMb.toFixed(0)} MB`,
      );
    }
    // The same child on a file with only the header: the memory of Node, tsx and the index.
    const empty = join(dir, "header-only.csv");
    writeFileSync(empty, `${SEMAS_HEADER.join(",")}\n`);
    const baseline = JSON.parse(
      execFileSync(tsx, [join(root, "scripts", "bench", "semas-stream-child.ts"), root, empty], { encoding: "utf8" })
        .trim()
        .split("\n")
        .at(-1)!,
    ) as ChildResult;
    const rate = median(runs.map((r) => r.rowsPerSecond));
    const rss = Math.max(...runs.map((r) => r.maxRssMb));
    const broken = Object.values(synthetic.broken).reduce((a, b) => a + b, 0);
    const last = runs.at(-1)!;
    return {
      name: "stream",
      title: `Streaming a ${rows.toLocaleString("en")}-row SEMAS-layout file (${mb.toFixed(0)} MB): parse, validate, join, aggregate per dong`,
      rows: [
        {
          label: "rows per second (median of 3 child processes)",
          value: Math.round(rate),
          unit: "rows/s",
          goal: "≥ 200,000",
          met: rate >= 200_000,
        },
        { label: "peak RSS of the streaming process (max of 3)", value: Math.round(rss), unit: "MB", goal: "< 300 MB", met: rss < 300 },
        {
          label: "rows rejected (broken on purpose)",
          value: last.rejected,
          unit: "rows",
          goal: String(broken),
          met: last.rejected === broken,
        },
        { label: "kept rows outside every dong", value: last.unmatched, unit: "rows" },
      ],
      notes: [`peak RSS includes Node, tsx and the dong index: ${baseline.maxRssMb.toFixed(0)} MB for a file with only the header row`],
      data: { rows, megabytes: mb, runs, baseline },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export default bench;
