/**
 * Synthetic datasets for figure tests, written as a generated/-like folder (manifest.json,
 * sources.json, CSV and GeoJSON) that DatasetStore reads like the real one. Nothing here
 * reaches the real site: tests write it to a temporary folder.
 *
 * - areas (polygons, 6 squares, one without a value) and area-stats (a table to join on them)
 * - sites (points: 8 with coordinates, 2 without) and crowd (60 points close together)
 * - series, targets, milestones, metrics (tables for line, timeline, progress)
 * - hostile, hostile-points, hostile-table: every label is HOSTILE
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import type { Feature, FeatureCollection } from "geojson";
import { DatasetStore } from "../../src/figures/datasets.ts";
import type { DatasetInfo, FieldInfo, Manifest } from "../../src/lib/manifest.ts";

export const HOSTILE = `<img src=x onerror=alert(1)> "double" 'single' </script><script>alert(2)</script> & <b>bold</b>`;

type Value = string | number | null;
interface Spec {
  name: string;
  kind: DatasetInfo["kind"];
  key: string;
  label_field: string;
  fields: FieldInfo[];
  rows: Record<string, Value>[];
  /** Geometry by row key (polygons: ring; points: [lon, lat]); rows without one stay out of the GeoJSON. */
  geometry?: (row: Record<string, Value>) => Feature["geometry"] | null;
  title?: string;
  /** Source ids of the dataset (default ["fixture"]) and its caveats. */
  sources?: string[];
  notes?: string[];
}

const f = (name: string, type: FieldInfo["type"], label: string, unit?: string): FieldInfo => ({
  name,
  type,
  label,
  ...(unit ? { unit } : {}),
});

/** A square, wound clockwise (as d3-geo wants exterior rings). */
export function square(lon: number, lat: number, size = 0.03): Feature["geometry"] {
  return {
    type: "Polygon",
    coordinates: [
      [
        [lon, lat],
        [lon, lat + size],
        [lon + size, lat + size],
        [lon + size, lat],
        [lon, lat],
      ],
    ],
  };
}

const AREA_NAMES = ["Alpha-gu", "Bravo-gu", "Charlie-gu", "Delta-gu", "Echo-gu", "Foxtrot-gu"];
const AREA_KO = ["알파구", "브라보구", "찰리구", "델타구", "에코구", "폭스트롯구"];
const AREA_VALUES: (number | null)[] = [100, 250, 400, 800, 1600, null];
const AREA_CHANGE = [-4.5, -1.2, 0.5, 2.25, 3.75, -0.3];

function areaGrid(labels: string[]): Spec["rows"] {
  return labels.map((name, i) => ({
    code: `A${i + 1}`,
    name_en: name,
    name_ko: AREA_KO[i]!,
    slug: `area-${i + 1}`,
    group: i < 3 ? "north" : "south",
    value: AREA_VALUES[i]!,
    change: AREA_CHANGE[i]!,
    area_km2: 8.9,
  }));
}
const areaGeometry = (r: Record<string, Value>) => {
  const i = Number(String(r.code).slice(1)) - 1;
  return square(126.9 + (i % 3) * 0.03, 37.56 - Math.floor(i / 3) * 0.03);
};
// The Korean edition's labels and units (`title_ko`, `unit_ko` of a descriptor), and the
// Korean twin of the English name (`ko_field`), as the data pipeline writes them.
const AREA_FIELDS: FieldInfo[] = [
  f("code", "string", "Code"),
  { ...f("name_en", "string", "Area"), label_ko: "지역(영문)", ko_field: "name_ko" },
  { ...f("name_ko", "string", "Name (Korean)"), label_ko: "지역" },
  f("slug", "string", "Slug"),
  f("group", "string", "Group"),
  { ...f("value", "integer", "Residents", "people"), label_ko: "주민", unit_ko: "명", sources: ["fixture-counts"] },
  { ...f("change", "number", "Change", "%"), label_ko: "변화", unit_ko: "%" },
  { ...f("area_km2", "number", "Area", "km²"), label_ko: "면적", unit_ko: "㎢", sources: ["fixture-shapes"] },
];

const SITE_ROWS = [
  ["S1", "Startup Hub", "창업허브", "open", 126.91, 37.55],
  ["S2", "Research Park", "연구공원", "open", 126.95, 37.52],
  ["S3", "Venture Centre", "벤처센터", "planned", 126.97, 37.54],
  ["S4", "Campus Town", "캠퍼스타운", "open", 126.93, 37.57],
  ["S5", "Innovation Lab", "혁신랩", "planned", 126.99, 37.58],
  ["S6", "Design Clinic", "디자인클리닉", "open", 126.92, 37.51],
  ["S7", "Maker Space", "메이커스페이스", "planned", 126.98, 37.5],
  ["S8", "Fund Office", "펀드사무소", "open", 126.96, 37.585],
  ["S9", "Future Hub", "미래허브", "planned", null, null],
  ["S10", "Unknown Site", "미상", "open", null, null],
] as const;

const siteFields = (statusLabel: string) => [
  f("id", "string", "Id"),
  f("name_en", "string", "Site"),
  f("name_ko", "string", "Name (Korean)"),
  f("status", "string", statusLabel),
  f("lon", "number", "Longitude"),
  f("lat", "number", "Latitude"),
];

function pointGeometry(r: Record<string, Value>): Feature["geometry"] | null {
  return typeof r.lon === "number" && typeof r.lat === "number" ? { type: "Point", coordinates: [r.lon, r.lat] } : null;
}

export function fixtureSpecs(): Spec[] {
  const crowd = Array.from({ length: 60 }, (_, i) => ({
    id: `C${i + 1}`,
    name_en: `Shop ${i + 1}`,
    name_ko: `가게 ${i + 1}`,
    // Three tight groups of 20: they must cluster.
    lon: 126.91 + (i % 3) * 0.03 + ((i * 7) % 10) * 0.0002,
    lat: 37.52 + (i % 3) * 0.02 + ((i * 3) % 10) * 0.0002,
  }));
  return [
    {
      name: "areas",
      kind: "polygons",
      key: "code",
      label_field: "name_en",
      fields: AREA_FIELDS,
      rows: areaGrid(AREA_NAMES),
      geometry: areaGeometry,
      sources: ["fixture-counts", "fixture-shapes"],
      notes: ["Fixture areas are squares, not real districts."],
    },
    {
      name: "area-stats",
      kind: "table",
      key: "id",
      label_field: "area_code",
      fields: [
        f("id", "string", "Id"),
        f("area_code", "string", "Area code"),
        f("year", "year", "Year"),
        f("total", "number", "Emissions", "kt"),
        f("source", "list", "Sources"),
      ],
      rows: [
        { id: "1", area_code: "A1", year: 2018, total: 12.5, source: "fixture" },
        { id: "2", area_code: "A2", year: 2018, total: 30, source: "fixture" },
        { id: "3", area_code: "A4", year: 2018, total: 7.25, source: "fixture" },
        { id: "4", area_code: "A1", year: 2020, total: 11, source: "fixture-counts" },
      ],
      sources: ["fixture", "fixture-counts"],
      notes: ["Fixture emissions are made up."],
    },
    {
      name: "years",
      kind: "table",
      key: "year",
      label_field: "year",
      fields: [f("year", "year", "Year"), f("total", "number", "Total", "kt")],
      rows: [2005, 2014, 2015, 2016, 2017].map((year, i) => ({ year, total: 500 - i * 10 })),
    },
    {
      name: "sites",
      kind: "points",
      key: "id",
      label_field: "name_en",
      fields: siteFields("Status"),
      rows: SITE_ROWS.map(([id, name_en, name_ko, status, lon, lat]) => ({ id, name_en, name_ko, status, lon, lat })),
      geometry: pointGeometry,
    },
    {
      name: "crowd",
      kind: "points",
      key: "id",
      label_field: "name_en",
      fields: [
        f("id", "string", "Id"),
        f("name_en", "string", "Shop"),
        f("name_ko", "string", "Name (Korean)"),
        f("lon", "number", "Longitude"),
        f("lat", "number", "Latitude"),
      ],
      rows: crowd,
      geometry: pointGeometry,
    },
    {
      name: "series",
      kind: "table",
      key: "id",
      label_field: "id",
      fields: [
        f("id", "string", "Id"),
        f("year", "year", "Year"),
        f("total", "number", "Total emissions", "kt"),
        f("status", "string", "Status"),
      ],
      rows: [
        { id: "1", year: 2005, total: 500, status: "inventory" },
        { id: "2", year: 2010, total: 520, status: "inventory" },
        { id: "3", year: 2015, total: 470, status: "inventory" },
        { id: "4", year: 2018, total: 480, status: "inventory" },
        { id: "5", year: 2019, total: null, status: "inventory" },
        { id: "6", year: 2020, total: 452, status: "estimate" },
        { id: "7", year: 2021, total: 455, status: "estimate" },
        { id: "8", year: 2020, total: 456, status: "inventory" },
      ],
    },
    {
      name: "targets",
      kind: "table",
      key: "id",
      label_field: "id",
      fields: [
        f("id", "string", "Id"),
        f("year", "year", "Target year"),
        f("value", "number", "Target", "kt"),
        f("pct", "number", "Cut", "%"),
      ],
      rows: [
        { id: "t1", year: 2030, value: 300, pct: -40 },
        { id: "t2", year: 2040, value: 150, pct: -70 },
        { id: "t3", year: 2050, value: 0, pct: -100 },
      ],
    },
    {
      name: "milestones",
      kind: "table",
      key: "id",
      label_field: "milestone",
      fields: [
        f("id", "string", "Id"),
        { ...f("date", "date", "Date"), label_ko: "날짜" },
        { ...f("milestone", "string", "Milestone"), label_ko: "단계" },
        {
          ...f("status", "string", "Status"),
          label_ko: "상태",
          categories: [
            { value: "done", label: "done", label_ko: "완료" },
            { value: "planned", label: "planned", label_ko: "계획" },
            { value: "unknown", label: "status not known", label_ko: "미상" },
          ],
        },
      ],
      rows: [
        { id: "m1", date: "2023-03", milestone: "Tender for the planning service opens", status: "done" },
        { id: "m2", date: "2023-03-15", milestone: "Plan announced", status: "done" },
        {
          id: "m3",
          date: "2023-12",
          milestone: "Plan completed, with resident surveys, workshops and advisory meetings along the way",
          status: "planned",
        },
        { id: "m4", date: "2024", milestone: "Design clinic extended to private façades", status: "unknown" },
        { id: "m5", date: null, milestone: "Guideline for private buildings", status: "done" },
      ],
    },
    {
      name: "metrics",
      kind: "table",
      key: "id",
      label_field: "metric",
      fields: [
        f("id", "string", "Id"),
        f("date", "date", "Date"),
        f("metric", "string", "Metric"),
        f("value", "number", "Value"),
        f("unit", "string", "Unit"),
        f("kind", "string", "Kind"),
      ],
      rows: [
        { id: "1", date: "2022-01", metric: "firms", value: 112, unit: "firms", kind: "actual" },
        { id: "2", date: "2024-05", metric: "firms", value: 136, unit: "firms", kind: "actual" },
        { id: "3", date: "2023", metric: "firms", value: 450, unit: "firms", kind: "target" },
        { id: "4", date: "2023", metric: "jobs", value: 3100, unit: "jobs", kind: "target" },
        { id: "5", date: "2024-05", metric: "jobs", value: 1042, unit: "employees", kind: "actual" },
      ],
    },
    {
      name: "hostile",
      kind: "polygons",
      key: "code",
      label_field: "name_en",
      fields: AREA_FIELDS.map((x) => (x.name === "value" ? { ...x, label: HOSTILE, unit: HOSTILE } : x)),
      rows: areaGrid(AREA_NAMES.map((n) => `${n} ${HOSTILE}`)).map((r) => ({ ...r, name_ko: HOSTILE, group: HOSTILE })),
      geometry: areaGeometry,
    },
    {
      name: "hostile-points",
      kind: "points",
      key: "id",
      label_field: "name_en",
      fields: siteFields(HOSTILE),
      rows: SITE_ROWS.map(([id, , , status, lon, lat], i) => ({
        id,
        name_en: `${HOSTILE} ${i}`,
        name_ko: HOSTILE,
        status: i % 2 ? HOSTILE : status,
        lon,
        lat,
      })),
      geometry: pointGeometry,
    },
    {
      name: "hostile-table",
      kind: "table",
      key: "id",
      label_field: "label",
      fields: [
        f("id", "string", "Id"),
        f("label", "string", HOSTILE),
        f("date", "date", "Date"),
        f("value", "number", HOSTILE, HOSTILE),
        f("unit", "string", "Unit"),
        f("kind", "string", "Kind"),
        f("status", "string", "Status"),
      ],
      rows: [
        { id: "h1", label: `${HOSTILE} one`, date: "2020", value: 10, unit: HOSTILE, kind: "actual", status: "done" },
        { id: "h2", label: `${HOSTILE} two`, date: "2021", value: 20, unit: HOSTILE, kind: "actual", status: HOSTILE },
        { id: "h3", label: `${HOSTILE} three`, date: "2022", value: 40, unit: HOSTILE, kind: "target", status: "planned" },
      ],
    },
  ];
}

/** Write the fixture datasets as a generated/ folder into `dir`. */
export function writeFixtureData(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const datasets: Record<string, DatasetInfo> = {};
  for (const spec of fixtureSpecs()) {
    const names = spec.fields.map((x) => x.name);
    const csv = stringify(
      spec.rows.map((r) => names.map((n) => r[n] ?? "")),
      { header: true, columns: names },
    );
    writeFileSync(join(dir, `${spec.name}.csv`), csv);
    const sources = spec.sources ?? ["fixture"];
    const file = (path: string, count: number) => ({ path, sha256: "fixture", bytes: 0, count, sources });
    const info: DatasetInfo = {
      name: spec.name,
      title: spec.title ?? `Fixture ${spec.name}`,
      description: "Synthetic data for tests.",
      kind: spec.kind,
      key: spec.key,
      label_field: spec.label_field,
      fields: spec.fields,
      count: spec.rows.length,
      rows_rejected: 0,
      join_coverage: null,
      sources,
      ...(spec.notes ? { notes: spec.notes } : {}),
      files: { csv: file(`${spec.name}.csv`, spec.rows.length) },
    };
    if (spec.geometry) {
      const features = spec.rows
        .map((r) => ({ r, g: spec.geometry!(r) }))
        .filter((x) => x.g !== null)
        .map(({ r, g }) => ({ type: "Feature" as const, properties: r, geometry: g! }));
      const fc: FeatureCollection = { type: "FeatureCollection", features };
      writeFileSync(join(dir, `${spec.name}.geojson`), JSON.stringify(fc));
      info.files.geojson = file(`${spec.name}.geojson`, features.length);
    }
    datasets[spec.name] = info;
  }
  const manifest: Manifest = { schema: 1, inputs_sha256: "fixture", datasets, outputs: [] };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  writeFileSync(
    join(dir, "sources.json"),
    JSON.stringify([
      {
        id: "fixture",
        publisher: `Test fixture ${HOSTILE}`,
        title: "Synthetic data for tests",
        url: "https://example.org/fixture",
        published: "2024-01-01",
        language: "en",
        licence: "none",
        type: "CODE",
      },
      {
        id: "fixture-counts",
        publisher: "Fixture counts",
        title: "Made-up counts",
        url: "https://example.org/counts",
        published: "2024-02-01",
        language: "en",
        licence: "none",
        type: "CODE",
      },
      {
        id: "fixture-shapes",
        publisher: "Fixture shapes",
        title: "Made-up squares",
        url: "https://example.org/shapes",
        published: "2024-03-01",
        language: "en",
        licence: "none",
        type: "CODE",
      },
    ]),
  );
}

export interface FixtureStore {
  dir: string;
  store: DatasetStore;
  remove(): void;
}

/** The fixture datasets in a temporary folder, read through DatasetStore. */
export function fixtureStore(): FixtureStore {
  const dir = mkdtempSync(join(tmpdir(), "atlas-figures-"));
  writeFixtureData(dir);
  return { dir, store: new DatasetStore(dir), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
