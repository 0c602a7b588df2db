/**
 * The SEMAS aggregation as datasets ready for choropleths: stores per dong (the 423 dong
 * polygons with a count) and per gu (the sum over each gu's dong, so the two maps agree).
 */
import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { DatasetInfo, FieldInfo } from "../../src/lib/manifest.ts";
import type { DistrictFeature } from "./districts.ts";
import type { DongProperties } from "./dong.ts";
import type { OutputSet } from "./output-set.ts";
import type { SemasResult } from "./semas.ts";

/** The datasets a SEMAS file becomes. */
export const SEMAS_DATASETS = ["semas-stores-dong", "semas-stores-gu"] as const;

const COUNT_FIELDS: FieldInfo[] = [
  {
    name: "stores",
    type: "integer",
    label: "Stores",
    label_ko: "상가업소 수",
    unit: "stores",
    unit_ko: "개",
    derived: "SEMAS store rows whose coordinates fall in the polygon",
    derived_ko: "좌표가 다각형 안에 있는 소상공인시장진흥공단 상가 행의 수",
  },
  {
    name: "stores_per_km2",
    type: "number",
    label: "Stores per km²",
    label_ko: "㎢당 상가업소 수",
    unit: "stores per km²",
    unit_ko: "개/㎢",
    derived: "stores ÷ area_km2, one decimal",
    derived_ko: "상가 수 ÷ area_km2, 소수점 한 자리",
  },
];

const DONG_COUNT_FIELDS: FieldInfo[] = [
  { name: "code", type: "string", label: "KOSTAT code (2013)", label_ko: "통계청 코드 (2013)" },
  { name: "name_ko", type: "string", label: "Name (Korean)", label_ko: "행정동" },
  { name: "name_en", type: "string", label: "Dong", label_ko: "행정동 (영문)", ko_field: "name_ko" },
  { name: "gu_code", type: "string", label: "Gu (KOSTAT code)", label_ko: "자치구 코드 (통계청)" },
  { name: "gu_name_en", type: "string", label: "Gu", label_ko: "자치구 (영문)", ko_field: "gu_name_ko" },
  { name: "gu_name_ko", type: "string", label: "Gu (Korean)", label_ko: "자치구" },
  { name: "area_km2", type: "number", label: "Area", label_ko: "면적", unit: "km²", unit_ko: "㎢" },
  ...COUNT_FIELDS,
  { name: "source", type: "list", label: "Sources", label_ko: "출처" },
];

const GU_COUNT_FIELDS: FieldInfo[] = [
  { name: "code", type: "string", label: "KOSTAT code (2013)", label_ko: "통계청 코드 (2013)" },
  { name: "name_ko", type: "string", label: "Name (Korean)", label_ko: "자치구" },
  { name: "name_en", type: "string", label: "District", label_ko: "자치구 (영문)", ko_field: "name_ko" },
  { name: "area_km2", type: "number", label: "Area", label_ko: "면적", unit: "km²", unit_ko: "㎢" },
  ...COUNT_FIELDS,
  { name: "source", type: "list", label: "Sources", label_ko: "출처" },
];

export function semasDatasets(input: {
  semas: SemasResult;
  semasSource: string;
  dong: Feature<Polygon | MultiPolygon, DongProperties>[];
  districts: DistrictFeature[];
  out: OutputSet;
  file: string;
}): DatasetInfo[] {
  const { semas, semasSource, out } = input;
  const perKm2 = (n: number, km2: number) => (km2 > 0 ? Math.round((10 * n) / km2) / 10 : null);
  const sources = [semasSource, "seoul-maps-kostat-2013"];
  const coverage = semas.kept ? (semas.kept - semas.unmatched) / semas.kept : null;
  const notes = [
    `Counted from the SEMAS store file ${input.file} (sha256 ${semas.sha256.slice(0, 12)}…): ${semas.rowsRead} rows read, ${semas.kept} kept, ${semas.rejected} rejected, ${semas.unmatched} outside every dong of the simplified boundaries.`,
    "Dong boundaries are those of 2013; stores are placed by their coordinates, not by the dong code in the file.",
  ];
  const notes_ko = [
    `소상공인시장진흥공단 상가(상권)정보 파일 ${input.file}(sha256 ${semas.sha256.slice(0, 12)}…)에서 셌다. ${semas.rowsRead}행을 읽어 ${semas.kept}행을 쓰고 ${semas.rejected}행을 제외했으며, ${semas.unmatched}행은 단순화한 경계의 어느 행정동에도 들어가지 않았다.`,
    "행정동 경계는 2013년 것이다. 상가업소는 파일의 행정동 코드가 아니라 좌표로 위치를 정했다.",
  ];

  const perGu = new Map<string, number>();
  const dongFeatures = input.dong.map((f, i) => {
    const stores = semas.perDong[i] ?? 0;
    perGu.set(f.properties.gu_code, (perGu.get(f.properties.gu_code) ?? 0) + stores);
    const p = f.properties;
    return {
      ...f,
      properties: {
        code: p.code,
        name_ko: p.name_ko,
        name_en: p.name_en,
        gu_code: p.gu_code,
        gu_name_en: p.gu_name_en,
        gu_name_ko: p.gu_name_ko,
        area_km2: p.area_km2,
        stores,
        stores_per_km2: perKm2(stores, p.area_km2),
        source: sources,
      },
    };
  });
  const guFeatures = input.districts.map((f) => {
    const p = f.properties;
    const stores = perGu.get(p.code) ?? 0;
    return {
      ...f,
      properties: {
        code: p.code,
        name_ko: p.name_ko,
        name_en: p.name_en,
        area_km2: p.area_km2,
        stores,
        stores_per_km2: perKm2(stores, p.area_km2),
        source: sources,
      },
    };
  });

  const common = {
    kind: "polygons" as const,
    key: "code",
    label_field: "name_en",
    label_field_ko: "name_ko",
    rows_read: semas.rowsRead,
    rows_rejected: semas.rejected,
    join_coverage: coverage,
    join: { points: semas.kept, matched_gu: semas.kept - semas.unmatched, matched_dong: semas.kept - semas.unmatched },
    sources,
    notes,
    notes_ko,
    inputs: [input.file],
  };
  return [
    {
      ...common,
      name: SEMAS_DATASETS[0],
      title: "Stores per dong (SEMAS)",
      title_ko: "행정동별 상가업소 수 (소상공인시장진흥공단)",
      description: "Number of stores in the SEMAS store-and-business file per KOSTAT 2013 dong.",
      description_ko: "소상공인시장진흥공단 상가(상권)정보 파일의 상가업소를 통계청 2013년 행정동별로 센 수.",
      fields: DONG_COUNT_FIELDS,
      count: dongFeatures.length,
      files: {
        geojson: out.geojson("semas-stores-dong", dongFeatures, sources),
        csv: out.csv(
          "semas-stores-dong",
          DONG_COUNT_FIELDS,
          dongFeatures.map((f) => f.properties),
          sources,
        ),
      },
    },
    {
      ...common,
      name: SEMAS_DATASETS[1],
      title: "Stores per gu (SEMAS)",
      title_ko: "자치구별 상가업소 수 (소상공인시장진흥공단)",
      description: "Number of stores in the SEMAS store-and-business file per gu (the sum of its dong).",
      description_ko: "소상공인시장진흥공단 상가(상권)정보 파일의 상가업소를 자치구별로 센 수(소속 행정동의 합).",
      fields: GU_COUNT_FIELDS,
      count: guFeatures.length,
      files: {
        geojson: out.geojson("semas-stores-gu", guFeatures, sources),
        csv: out.csv(
          "semas-stores-gu",
          GU_COUNT_FIELDS,
          guFeatures.map((f) => f.properties),
          sources,
        ),
      },
    },
  ];
}
