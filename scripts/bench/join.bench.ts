/**
 * Spatial join benchmark: 1,000,000 synthetic points inside Seoul (seeded, generated here,
 * never written to disk) joined to the 423 dong, through PolygonIndex and through a naive
 * loop over all polygons with @turf/boolean-point-in-polygon, in the same run. The two must
 * agree on every point. Goals (issue 3): indexed ≥ 2,500,000 points/s on one core and
 * ≥ 50× the naive loop.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { booleanPointInPolygon } from "@turf/turf";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { runPipeline } from "../lib/pipeline.ts";
import { PolygonIndex } from "../lib/spatial-index.ts";
import { seededRandom } from "./semas-synthetic.ts";
import { type Bench, median } from "./types.ts";

type Poly = Feature<Polygon | MultiPolygon>;

/** Points inside Seoul: uniform in the bounding box, kept when they fall in a gu. */
export function pointsInSeoul(gu: Poly[], n: number, seed: number): Float64Array {
  const index = new PolygonIndex(gu);
  const rnd = seededRandom(seed);
  const xy = new Float64Array(2 * n);
  for (let i = 0; i < n; ) {
    const lon = 126.76 + rnd() * 0.43;
    const lat = 37.42 + rnd() * 0.29;
    if (index.find(lon, lat) < 0) continue;
    xy[2 * i] = lon;
    xy[2 * i + 1] = lat;
    i++;
  }
  return xy;
}

const bench: Bench = async ({ root, quick, log }) => {
  await runPipeline({ root, mirror: process.env.BOUNDARIES_MIRROR || undefined, log: () => {} });
  const read = (name: string) =>
    JSON.parse(readFileSync(join(root, "generated", `${name}.geojson`), "utf8")) as FeatureCollection<Polygon | MultiPolygon>;
  const dong = read("dong").features;
  const gu = read("districts").features;
  const n = quick ? 100_000 : 1_000_000;
  const xy = pointsInSeoul(gu, n, 2026);
  log(`${n.toLocaleString("en")} points inside Seoul, ${dong.length} dong`);

  let t = performance.now();
  const index = new PolygonIndex(dong);
  const buildMs = performance.now() - t;

  // Indexed: several passes, median rate.
  const indexed = new Int32Array(n);
  const rates: number[] = [];
  for (let run = 0; run < 7; run++) {
    t = performance.now();
    for (let i = 0; i < n; i++) indexed[i] = index.find(xy[2 * i]!, xy[2 * i + 1]!);
    rates.push(n / ((performance.now() - t) / 1000));
  }
  const indexedRate = median(rates);

  // Naive: every polygon in order with turf, over the same points (fewer in quick mode).
  const m = quick ? 20_000 : n;
  let mismatches = 0;
  const p = [0, 0];
  t = performance.now();
  for (let i = 0; i < m; i++) {
    p[0] = xy[2 * i]!;
    p[1] = xy[2 * i + 1]!;
    let found = -1;
    for (let k = 0; k < dong.length; k++) {
      if (booleanPointInPolygon(p, dong[k]!)) {
        found = k;
        break;
      }
    }
    if (found !== indexed[i]) mismatches++;
  }
  const naiveRate = m / ((performance.now() - t) / 1000);
  const matched = indexed.reduce((s, v) => s + (v >= 0 ? 1 : 0), 0);
  const ratio = indexedRate / naiveRate;

  return {
    name: "join",
    title: `Spatial join: ${n.toLocaleString("en")} points inside Seoul → ${dong.length} dong (one core)`,
    rows: [
      {
        label: "indexed (flatbush grid + point-in-polygon-hao)",
        value: Math.round(indexedRate),
        unit: "points/s",
        goal: "≥ 2,500,000",
        met: indexedRate >= 2_500_000,
      },
      { label: `naive turf loop over all dong (${m.toLocaleString("en")} points)`, value: Math.round(naiveRate), unit: "points/s" },
      { label: "ratio indexed / naive", value: Math.round(ratio * 10) / 10, unit: "×", goal: "≥ 50×", met: ratio >= 50 },
      { label: "answers differing from turf", value: mismatches, unit: "points", goal: "0", met: mismatches === 0 },
      { label: "points matched to a dong", value: Math.round((1000 * matched) / n) / 10, unit: "%" },
      { label: "index build", value: Math.round(buildMs * 10) / 10, unit: "ms" },
      { label: "peak RSS of the bench process", value: Math.round(process.resourceUsage().maxRSS / 1024), unit: "MB" },
    ],
    notes: [
      `indexed rate is the median of ${rates.length} passes: ${rates.map((r) => (r / 1e6).toFixed(2)).join(", ")} M points/s`,
      "points missing a dong fall in gaps between the separately simplified gu and dong layers",
    ],
    data: { n, naivePoints: m, indexedRates: rates, naiveRate, buildMs, mismatches, matched },
  };
};

export default bench;
