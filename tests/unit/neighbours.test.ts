/** Neighbours are derived from the boundaries: districts that share a border, not a corner. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Feature, FeatureCollection, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { neighbours } from "../../scripts/lib/neighbours.ts";
import { ROOT } from "../helpers/paths.ts";

const square = (name: string, x: number, y: number): Feature<Polygon, { name: string }> => ({
  type: "Feature",
  properties: { name },
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [x, y],
        [x, y + 1],
        [x + 1, y + 1],
        [x + 1, y],
        [x, y],
      ],
    ],
  },
});

describe("neighbours", () => {
  it("counts a shared edge, in either direction, and not a shared corner", () => {
    const result = neighbours([square("a", 0, 0), square("b", 1, 0), square("c", 1, 1)], (p) => p.name);
    expect(result.get("a")).toEqual(["b"]); // c touches a only at (1, 1)
    expect(result.get("b")).toEqual(["a", "c"]);
    expect(result.get("c")).toEqual(["b"]);
  });

  // The boundary file the site is built from (fetched by `npm run data:fetch`).
  const file = join(ROOT, "data/raw/seoul-maps/kostat/2013/json/seoul_municipalities_geo_simple.json");
  const gu = JSON.parse(readFileSync(file, "utf8")) as FeatureCollection<Polygon, { code: string; name_eng: string }>;
  const byName = neighbours(gu.features, (p) => p.name_eng);

  it("in the KOSTAT file, Gangbuk-gu borders Seongbuk-gu, Dobong-gu and Nowon-gu, and not Dongdaemun-gu", () => {
    expect(byName.get("Gangbuk-gu")).toEqual(["Dobong-gu", "Nowon-gu", "Seongbuk-gu"]);
  });

  it("Gwanak-gu and Yeongdeungpo-gu, which meet at one vertex, are not neighbours", () => {
    expect(byName.get("Gwanak-gu")).not.toContain("Yeongdeungpo-gu");
    expect(byName.get("Gwanak-gu")).toEqual(["Dongjak-gu", "Geumcheon-gu", "Guro-gu", "Seocho-gu"]);
  });

  it("is symmetric, and every district has one", () => {
    expect(byName.size).toBe(25);
    for (const [a, list] of byName) {
      expect(list.length).toBeGreaterThan(0);
      for (const b of list) expect(byName.get(b)).toContain(a);
    }
  });
});
