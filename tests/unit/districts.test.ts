import { readFileSync } from "node:fs";
import { join } from "node:path";
import { booleanPointInPolygon } from "@turf/turf";
import { geoArea } from "d3";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import type { DistrictProperties } from "../../scripts/lib/districts.ts";
import { GENERATED } from "../helpers/paths.ts";

const districts = JSON.parse(readFileSync(join(GENERATED, "districts.geojson"), "utf8")) as FeatureCollection<
  Polygon | MultiPolygon,
  DistrictProperties
>;

describe("generated/districts.geojson", () => {
  it("has the 25 gu with both codes, names, slug and 2010 population", () => {
    expect(districts.features).toHaveLength(25);
    const gwanak = districts.features.find((f) => f.properties.slug === "gwanak-gu")!.properties;
    expect(gwanak).toMatchObject({ code: "11210", sig_cd: "11620", name_ko: "관악구", name_en: "Gwanak-gu", population_2010: 511185 });
    expect(new Set(districts.features.map((f) => f.properties.sig_cd)).size).toBe(25);
  });

  it("the population column sums to the census total for Seoul (9,631,482)", () => {
    expect(districts.features.reduce((s, f) => s + f.properties.population_2010, 0)).toBe(9631482);
  });

  it("the 25 geodesic areas sum to Seoul's 605.2 km² within 2%", () => {
    const total = districts.features.reduce((s, f) => s + f.properties.area_km2, 0);
    expect(Math.abs(total - 605.2) / 605.2).toBeLessThan(0.02);
  });

  it("every label point lies inside its own district", () => {
    for (const f of districts.features) {
      expect(booleanPointInPolygon(f.properties.label, f), f.properties.name_en).toBe(true);
    }
  });

  it("keeps the winding d3-geo needs: every district covers less than half the globe", () => {
    for (const f of districts.features) {
      const area = geoArea(f);
      expect(area, f.properties.name_en).toBeLessThan(2 * Math.PI);
      // And not the complement either: a Seoul district is a tiny share of the sphere.
      expect(area).toBeLessThan(1e-4);
    }
  });
});
