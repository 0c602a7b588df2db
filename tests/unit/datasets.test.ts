/** The datasets of generated/ as a reader would check them against facts.md. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { booleanPointInPolygon } from "@turf/turf";
import { parse } from "csv-parse/sync";
import { geoArea } from "d3";
import type { FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../../src/lib/manifest.ts";
import { GENERATED } from "../helpers/paths.ts";

const manifest = JSON.parse(readFileSync(join(GENERATED, "manifest.json"), "utf8")) as Manifest;
const csv = (name: string) => parse(readFileSync(join(GENERATED, `${name}.csv`), "utf8"), { columns: true }) as Record<string, string>[];
const geo = <G extends Polygon | MultiPolygon | Point>(name: string) =>
  JSON.parse(readFileSync(join(GENERATED, `${name}.geojson`), "utf8")) as FeatureCollection<G, Record<string, unknown>>;

describe("generated datasets", () => {
  it("has every dataset of the contract, each with its key unique", () => {
    const expected = [
      "districts",
      "district-offices",
      "dong",
      "s-valley-sites",
      "venture-districts",
      "g-valley-anchors",
      "ghg-seoul",
      "ghg-targets",
      "ghg-sectors",
      "ghg-gu",
      "s-valley-metrics",
      "gangbuk-design-timeline",
      "policy-milestones",
      "policy-facts",
      "electricity-gu",
      "census-2015-gu",
      "census-2015-dong",
      "census-seoul",
    ];
    expect(Object.keys(manifest.datasets).sort()).toEqual([...expected].sort());
    for (const name of expected) {
      const info = manifest.datasets[name]!;
      const keys = csv(name).map((r) => r[info.key]);
      expect(new Set(keys).size, name).toBe(keys.length);
      // Every row names at least one source, and every source is in the bibliography.
      const bibliography = new Set(
        (JSON.parse(readFileSync(join(GENERATED, "sources.json"), "utf8")) as { id: string }[]).map((s) => s.id),
      );
      for (const row of csv(name)) {
        const ids = row.source!.split(";");
        expect(ids.length, `${name} ${row[info.key]}`).toBeGreaterThan(0);
        for (const id of ids) expect(bibliography.has(id), id).toBe(true);
      }
    }
  });

  it("puts each gu office inside its own gu and names the third-party geocode", () => {
    const districts = geo<Polygon | MultiPolygon>("districts");
    const offices = geo<Point>("district-offices");
    expect(offices.features).toHaveLength(25);
    for (const office of offices.features) {
      const gu = districts.features.find((d) => d.properties.code === office.properties.code)!;
      expect(booleanPointInPolygon(office.geometry.coordinates, gu), String(office.properties.name_en)).toBe(true);
    }
    const byCode = new Map(csv("districts").map((r) => [r.code, r]));
    // facts.md §3.4: Geumcheon and Eunpyeong use src B only.
    expect(byCode.get("11180")).toMatchObject({ office_geocode: "code-district-centers", office_lat: "37.4569", office_geocode_gap_m: "" });
    expect(byCode.get("11120")!.office_geocode).toBe("code-district-centers");
    expect(byCode.get("11210")).toMatchObject({ office_address: "서울 관악구 관악로 145", office_geocode: "code-gu-offices-tmap" });
    expect(manifest.datasets.districts!.notes!.join(" ")).toContain("third-party geocodes");
  });

  it("has the 423 dong, each in one of the 25 gu, covering the same area as the gu", () => {
    const dong = geo<Polygon | MultiPolygon>("dong");
    expect(dong.features).toHaveLength(423);
    const gu = new Set(csv("districts").map((r) => r.code));
    for (const f of dong.features) {
      expect(gu.has(String(f.properties.gu_code))).toBe(true);
      expect(geoArea(f)).toBeLessThan(1e-5);
    }
    const dongArea = dong.features.reduce((s, f) => s + Number(f.properties.area_km2), 0);
    const guArea = csv("districts").reduce((s, r) => s + Number(r.area_km2), 0);
    expect(Math.abs(dongArea - guArea) / guArea).toBeLessThan(0.01);
  });

  it("keeps S-Valley facilities without coordinates in the table but off the map", () => {
    const rows = csv("s-valley-sites");
    const points = geo<Point>("s-valley-sites");
    const withoutCoordinates = rows.filter((r) => r.lat === "");
    expect(withoutCoordinates.map((r) => r.id)).toContain("startup-here-ro-1");
    expect(points.features).toHaveLength(rows.length - withoutCoordinates.length);
    expect(manifest.datasets["s-valley-sites"]!.rows_without_geometry).toBe(withoutCoordinates.length);
    for (const p of points.features) expect(p.properties.gu_code).toBe("11210");
    expect(points.features.every((p) => String(p.properties.dong_code).startsWith("11210"))).toBe(true);
  });

  it("keeps competing greenhouse-gas values as separate rows and never averages them", () => {
    const rows = csv("ghg-seoul");
    const y2020 = rows.filter((r) => r.year === "2020").map((r) => Number(r.value_kt));
    expect(y2020.sort()).toEqual([45218, 45589]);
    const y2005 = rows.filter((r) => r.year === "2005");
    expect(y2005.map((r) => [r.value_kt, r.status])).toEqual(
      expect.arrayContaining([
        ["49445", "inventory"],
        ["52340", "re-based"],
      ]),
    );
    for (const year of [2014, 2015, 2016, 2017, 2018, 2019]) {
      expect(rows.some((r) => r.year === String(year) && r.status === "inventory")).toBe(true);
    }
  });

  it("shows per-gu emissions as sparse, flags unit doubts and leaves out the unusable monthly 'tonnes'", () => {
    const rows = csv("ghg-gu");
    const guWithTotals = new Set(rows.filter((r) => r.metric === "ghg_total").map((r) => r.gu_code));
    expect(guWithTotals.size).toBeLessThan(25);
    expect(rows.find((r) => r.id === "dobong-2018-total")!.unit_doubt).toContain("thousand tonnes");
    // §1.3b: "5천105만2천400t" for Gangnam in one month cannot be used as a value.
    expect(rows.some((r) => r.value === "51052400")).toBe(false);
    expect(rows.filter((r) => r.year === "").every((r) => r.year_note === "year not stated")).toBe(true);
  });

  it("holds the 2015 census as the research notes checked it: gu add up to Seoul, dong to their gu, parts to totals", () => {
    const gu = csv("census-2015-gu");
    const dong = csv("census-2015-dong");
    const seoul = new Map(csv("census-seoul").map((r) => [r.id, Number(r.value)]));
    expect(gu).toHaveLength(25);
    const sum = (rows: Record<string, string>[], field: string) => rows.reduce((s, r) => s + Number(r[field]), 0);
    expect(sum(gu, "total")).toBe(seoul.get("2015-total"));
    expect(sum(gu, "korean_nationals")).toBe(seoul.get("2015-korean-nationals"));
    expect(sum(gu, "foreigners")).toBe(seoul.get("2015-foreigners"));
    for (const r of [...gu, ...dong]) expect(Number(r.korean_nationals) + Number(r.foreigners)).toBe(Number(r.total));
    // The dong of the four gu of the stories, each gu complete.
    const byGu = new Map<string, Record<string, string>[]>();
    for (const r of dong) byGu.set(r.gu_code!, [...(byGu.get(r.gu_code!) ?? []), r]);
    expect([...byGu.keys()].sort()).toEqual(["11050", "11090", "11180", "11210"]);
    for (const [code, rows] of byGu) expect(sum(rows, "total"), code).toBe(Number(gu.find((g) => g.gu_code === code)!.total));
    // Every dong is a dong of the boundary file, with its names.
    const names = new Map(csv("dong").map((r) => [r.code, r.name_ko]));
    for (const r of dong) expect(names.get(r.dong_code!), r.dong_code).toBe(r.dong_name_ko);
    // The 2010 census (Korean nationals only) is compared with the 2015 Korean nationals, never the totals.
    expect(seoul.get("2010-korean-nationals")).toBe(sum(csv("districts"), "population_2010"));
    expect(manifest.datasets["census-2015-gu"]!.notes!.join(" ")).toContain("compare them with korean_nationals, never with total");
  });
});
