/**
 * The maps' compact path data: the shapes a reader sees are d3-geo's shapes (every vertex
 * within half a unit of d3's own path), borders shared by two areas round alike, and the
 * markup is much shorter.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { geoMercator, geoPath } from "d3";
import type { FeatureCollection } from "geojson";
import { describe, expect, it } from "vitest";
import { compactPath } from "../../src/figures/compact-path.ts";
import { square as squareShape } from "../helpers/figure-fixtures.ts";
import { ROOT } from "../helpers/paths.ts";

/** Absolute vertices of each subpath of SVG path data (M/m, l with implicit repeats, z). */
function vertices(d: string): [number, number][][] {
  const tokens = d.match(/[MmLlZz]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
  const rings: [number, number][][] = [];
  let cmd = "";
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    if (/[A-Za-z]/.test(t)) {
      cmd = t;
      i++;
      if (t === "z" || t === "Z") [x, y] = start;
      continue;
    }
    const a = Number(t);
    const b = Number(tokens[i + 1]);
    i += 2;
    if (cmd === "M" || cmd === "m") {
      [x, y] = cmd === "M" ? [a, b] : [x + a, y + b];
      start = [x, y];
      rings.push([[x, y]]);
      cmd = cmd === "M" ? "L" : "l";
    } else {
      [x, y] = cmd === "L" ? [a, b] : [x + a, y + b];
      rings.at(-1)!.push([x, y]);
    }
  }
  return rings;
}

const square = (x: number, y: number, s: number): GeoJSON.Feature => ({ type: "Feature", properties: {}, geometry: squareShape(x, y, s) });

describe("compact map paths", () => {
  it("writes relative integer steps and drops vertices that round onto the last one", () => {
    const fc: FeatureCollection = { type: "FeatureCollection", features: [square(127, 37.5, 0.01), square(127.01, 37.5, 0.01)] };
    const projection = geoMercator().fitWidth(640, fc);
    const d = compactPath(projection)(fc.features[0]!)!;
    expect(d).toMatch(/^M-?\d+[ -]\d+l/);
    expect(d).not.toMatch(/\./);
    const [ring] = vertices(d);
    const expected = vertices(geoPath(projection)(fc.features[0]!)!)[0]!;
    expect(ring!.length).toBe(expected.length);
    for (const [i, [x, y]] of ring!.entries()) {
      expect(Math.abs(x - expected[i]![0])).toBeLessThanOrEqual(0.5);
      expect(Math.abs(y - expected[i]![1])).toBeLessThanOrEqual(0.5);
    }
    // The shared edge of the two squares has the same rounded vertices on both sides.
    const right = vertices(compactPath(projection)(fc.features[1]!)!)[0]!;
    const key = (p: [number, number]) => p.join(",");
    expect(ring!.filter((p) => right.some((q) => key(q) === key(p))).length).toBe(2);
  });

  it("keeps decimals when asked (maps that zoom in)", () => {
    const fc: FeatureCollection = { type: "FeatureCollection", features: [square(127, 37.5, 0.013)] };
    const d = compactPath(geoMercator().fitWidth(640, fc), 1)(fc.features[0]!)!;
    expect(d).toMatch(/\.\d/);
    expect(d).not.toMatch(/\d\.\d\d/);
  });

  const districts = join(ROOT, "generated", "districts.geojson");
  it.skipIf(!existsSync(districts))("draws every district within half a unit of d3's path, in less than half the gzip", () => {
    const fc = JSON.parse(readFileSync(districts, "utf8")) as FeatureCollection;
    const projection = geoMercator().fitWidth(640, fc);
    const compact = compactPath(projection);
    const d3path = geoPath(projection).digits(1);
    let ours = "";
    let theirs = "";
    for (const f of fc.features) {
      const d = compact(f)!;
      ours += d;
      theirs += d3path(f)!;
      const mine = vertices(d).flat();
      // Every vertex we wrote is one of d3's, rounded.
      const full = vertices(d3path(f)!).flat();
      for (const [x, y] of mine) expect(full.some(([a, b]) => Math.abs(a - x) <= 0.55 && Math.abs(b - y) <= 0.55)).toBe(true);
    }
    expect(gzipSync(ours).length).toBeLessThan(gzipSync(theirs).length / 2);
  });
});
