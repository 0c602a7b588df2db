/**
 * SYNTHETIC data for tests and benchmarks only: a file in the column layout of SEMAS's public
 * store CSV (소상공인시장진흥공단 상가(상권)정보, 39 columns) with made-up stores. Nothing here
 * is real and nothing here is ever committed or published: callers write to a temporary folder.
 *
 * Each store is put inside a dong picked at random (seeded), so the expected count per dong
 * is known exactly; a share of rows is broken on purpose (empty id or coordinates, text in
 * a coordinate, swapped latitude/longitude, a point outside Seoul) and returned as expected
 * rejections, with their line numbers.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import pointInPolygon from "point-in-polygon-hao";

export const SEMAS_HEADER = [
  "상가업소번호",
  "상호명",
  "지점명",
  "상권업종대분류코드",
  "상권업종대분류명",
  "상권업종중분류코드",
  "상권업종중분류명",
  "상권업종소분류코드",
  "상권업종소분류명",
  "표준산업분류코드",
  "표준산업분류명",
  "시도코드",
  "시도명",
  "시군구코드",
  "시군구명",
  "행정동코드",
  "행정동명",
  "법정동코드",
  "법정동명",
  "지번코드",
  "대지구분코드",
  "대지구분명",
  "지번본번지",
  "지번부번지",
  "지번주소",
  "도로명코드",
  "도로명",
  "건물본번지",
  "건물부번지",
  "건물관리번호",
  "건물명",
  "도로명주소",
  "구우편번호",
  "신우편번호",
  "동정보",
  "층정보",
  "호정보",
  "경도",
  "위도",
];

const CATEGORIES = ["음식", "소매", "생활서비스", "교육", "부동산", "숙박", "수리·개인"];
export type BrokenKind = "missing-field" | "invalid-value" | "swapped-lat-lon" | "outside-seoul";
const BROKEN: BrokenKind[] = ["missing-field", "invalid-value", "swapped-lat-lon", "outside-seoul"];

export interface SyntheticSemas {
  rows: number;
  /** Stores placed in each dong, in the order of the dong features given. */
  perDong: Int32Array;
  /** Broken rows by kind. */
  broken: Record<BrokenKind, number>;
  /** Line numbers (1-based, header = line 1) of the first broken rows. */
  brokenLines: { line: number; kind: BrokenKind }[];
}

/** Park–Miller PRNG: the same seed gives the same file. */
export function seededRandom(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** A random point inside a polygon part (rejection sampling within its bounding box). */
function pointIn(rings: Position[][], box: number[], rnd: () => number): [number, number] {
  for (;;) {
    const p: [number, number] = [box[0]! + rnd() * (box[2]! - box[0]!), box[1]! + rnd() * (box[3]! - box[1]!)];
    // Strictly inside (not on the boundary), so the expected dong is unambiguous.
    if (pointInPolygon(p, rings) === true) return p;
  }
}

export async function writeSyntheticSemas(
  path: string,
  dong: readonly Feature<Polygon | MultiPolygon>[],
  options: { rows: number; seed?: number; brokenShare?: number },
): Promise<SyntheticSemas> {
  const rnd = seededRandom(options.seed ?? 42);
  const brokenShare = options.brokenShare ?? 0.01;
  const parts = dong.map((f) => (f.geometry.type === "Polygon" ? f.geometry.coordinates : f.geometry.coordinates[0]!));
  const boxes = parts.map((rings) => {
    const xs = rings[0]!.map((p) => p[0]!);
    const ys = rings[0]!.map((p) => p[1]!);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  });
  const result: SyntheticSemas = {
    rows: options.rows,
    perDong: new Int32Array(dong.length),
    broken: { "missing-field": 0, "invalid-value": 0, "swapped-lat-lon": 0, "outside-seoul": 0 },
    brokenLines: [],
  };
  const out = createWriteStream(path, { encoding: "utf8" });
  let buffer = `${SEMAS_HEADER.join(",")}\n`;
  const flush = async () => {
    if (!out.write(buffer)) await once(out, "drain");
    buffer = "";
  };
  for (let i = 0; i < options.rows; i++) {
    const d = Math.floor(rnd() * dong.length);
    const [lon, lat] = pointIn(parts[d]!, boxes[d]!, rnd);
    let lonText = String(lon);
    let latText = String(lat);
    let id = `MA0101202210A${String(i).padStart(7, "0")}`;
    if (rnd() < brokenShare) {
      const kind = BROKEN[Math.floor(rnd() * BROKEN.length)]!;
      result.broken[kind]++;
      if (result.brokenLines.length < 50) result.brokenLines.push({ line: i + 2, kind });
      if (kind === "missing-field") {
        if (rnd() < 0.5) id = "";
        else lonText = "";
      } else if (kind === "invalid-value") latText = "37.5N";
      else if (kind === "swapped-lat-lon") [lonText, latText] = [latText, lonText];
      else [lonText, latText] = ["129.0756", "35.1796"];
    } else {
      result.perDong[d]!++;
    }
    const category = CATEGORIES[i % CATEGORIES.length]!;
    // Every 10th name contains a comma and a quote, so it must be quoted (as in real files).
    const name = i % 10 === 0 ? `"가게, ""${i}"""` : `가게${i}`;
    buffer += `${id},${name},,I2,${category},I201,${category}중,I20101,${category}소,I56111,${category}업,11,서울특별시,11620,관악구,1162058,낙성대동,1162010200,봉천동,1162010200100010000,1,대지,1,,서울특별시 관악구 봉천동 1,116203005001,서울특별시 관악구 관악로,1,,1162010200100010000000001,,"서울특별시 관악구 관악로 1",151000,08826,,1,,${lonText},${latText}\n`;
    if (buffer.length > 1 << 16) await flush();
  }
  await flush();
  out.end();
  await once(out, "finish");
  return result;
}
