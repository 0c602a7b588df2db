/**
 * The indexed point-in-polygon join gives exactly the answer of a naive loop over every
 * polygon with @turf/boolean-point-in-polygon: the first feature (in input order) that
 * contains the point, boundaries included. Checked on random points, on vertices and edges
 * shared by two polygons, in holes, and on the real 423 dong.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { booleanPointInPolygon } from "@turf/turf";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../scripts/bench/semas-synthetic.ts";
import { PolygonIndex } from "../../scripts/lib/spatial-index.ts";
import { GENERATED, ROOT } from "../helpers/paths.ts";

type Poly = Feature<Polygon | MultiPolygon, Record<string, unknown>>;
const fixture = JSON.parse(readFileSync(join(ROOT, "tests", "fixtures", "polygons-with-hole.geojson"), "utf8")) as FeatureCollection<
  Polygon | MultiPolygon
>;
const dong = JSON.parse(readFileSync(join(GENERATED, "dong.geojson"), "utf8")) as FeatureCollection<Polygon | MultiPolygon>;

const naive = (features: Poly[], p: Position) => features.findIndex((f) => booleanPointInPolygon(p, f));

/** Every vertex of every ring, and the midpoints of edges (on the edge for axis-aligned edges). */
function boundaryPoints(features: Poly[]): Position[] {
  const out: Position[] = [];
  for (const f of features) {
    const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const ring of polys.flat()) {
      ring.forEach((p, i) => {
        out.push(p);
        const q = ring[i + 1];
        if (q) out.push([(p[0]! + q[0]!) / 2, (p[1]! + q[1]!) / 2]);
      });
    }
  }
  return out;
}

function compare(features: Poly[], points: Position[]): { results: number[] } {
  const index = new PolygonIndex(features);
  const results = points.map((p) => index.find(p[0]!, p[1]!));
  const expected = points.map((p) => naive(features, p));
  const differences = points.filter((_, i) => results[i] !== expected[i]).map((p, i) => ({ p, got: results[i], want: expected[i] }));
  expect(differences).toEqual([]);
  return { results };
}

describe("PolygonIndex.find agrees with a naive loop of turf booleanPointInPolygon", () => {
  const features = fixture.features as Poly[];

  it("on 3,000 random points, shared borders, vertices and holes of the fixture", () => {
    const rnd = seededRandom(7);
    const random = Array.from({ length: 3000 }, () => [-1 + rnd() * 14, -1 + rnd() * 10]);
    const border = boundaryPoints(features);
    const { results } = compare(features, [...random, ...border]);
    // The answers include every kind of case: outside, the ring, the island, each neighbour.
    expect(new Set(results)).toEqual(new Set([-1, 0, 1, 2, 3, 4]));
  });

  it("applies the documented rules: a hole is outside, a shared border belongs to the first feature", () => {
    const index = new PolygonIndex(features);
    expect(index.find(1.2, 1.2)).toBe(-1); // in the hole of "ring", outside "island"
    expect(index.find(2, 2)).toBe(1); // "island" in the hole
    expect(index.find(1, 2)).toBe(0); // on the hole's edge: boundary counts as inside "ring"
    expect(index.find(4, 2)).toBe(0); // edge shared by "ring" (0) and "east" (2)
    expect(index.find(4, 4)).toBe(0); // corner of "ring", "east" and both parts of "north"
    expect(index.find(6, 4)).toBe(2); // edge shared by "east" (2) and "north" (3)
    expect(index.find(6, 6)).toBe(3); // second part of the MultiPolygon
    expect(index.find(10, 4)).toBe(4); // on the slanted edge of "diagonal"
    expect(index.find(20, 20)).toBe(-1);
  });

  it("on the 423 dong: random points over Seoul and every vertex of every dong", () => {
    const rnd = seededRandom(11);
    const random = Array.from({ length: 4000 }, () => [126.76 + rnd() * 0.43, 37.42 + rnd() * 0.29]);
    const vertices = boundaryPoints(dong.features as Poly[]).filter((_, i) => i % 2 === 0);
    const { results } = compare(dong.features as Poly[], [...random, ...vertices]);
    expect(results.filter((r) => r >= 0).length).toBeGreaterThan(4000);
  });
});
