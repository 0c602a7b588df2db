/**
 * Child process of stream.bench.ts: stream one SEMAS-layout file through aggregateSemas and
 * print one JSON line with the rate and this process's peak memory (maxRSS), so the memory
 * measured is that of the streaming alone, not of the benchmark runner.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { bboxOf, widenedBounds } from "../lib/coordinates.ts";
import { aggregateSemas } from "../lib/semas.ts";
import { PolygonIndex } from "../lib/spatial-index.ts";

const [root, file] = process.argv.slice(2) as [string, string];
const read = (name: string) =>
  JSON.parse(readFileSync(join(root, "generated", `${name}.geojson`), "utf8")) as FeatureCollection<
    Polygon | MultiPolygon,
    { code: string; name_en: string; name_ko: string }
  >;
const dong = read("dong");
const started = performance.now();
const result = await aggregateSemas({
  path: file,
  file,
  dong: { index: new PolygonIndex(dong.features), features: dong.features.map((f) => f.properties) },
  bounds: widenedBounds(bboxOf(read("districts").features)),
});
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    rows: result.rowsRead,
    kept: result.kept,
    rejected: result.rejected,
    unmatched: result.unmatched,
    seconds,
    rowsPerSecond: result.rowsRead / seconds,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
