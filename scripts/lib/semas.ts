/**
 * Streaming aggregation of a SEMAS store file (소상공인시장진흥공단 상가(상권)정보, the public
 * "store and business" CSV of the Small Enterprise and Market Service) to counts per dong.
 *
 * The file is read as a stream, one chunk at a time, and never held in memory: each record
 * is checked against a small contract (id present, coordinates numeric, inside Seoul, not
 * swapped), joined to a dong through the spatial index, and counted. Records that fail are
 * counted by kind, and the first few are kept with their line for the report; the rest of
 * the file is still processed. Columns are found by their Korean header names, so the
 * column order of different SEMAS releases does not matter.
 *
 * Columns used (all others are ignored):
 *   상가업소번호  store id (required, non-empty)
 *   상호명        store name (not used in counts; read so a missing column is reported)
 *   상권업종대분류명  top-level business category (required in the header; not counted yet)
 *   경도          longitude, WGS84 decimal degrees
 *   위도          latitude, WGS84 decimal degrees
 */

import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { inferSchema, initParser, type Parser } from "udsv";
import { type Bounds, coordinateProblems } from "./coordinates.ts";
import type { JoinLayer } from "./csv-dataset.ts";
import type { Problem } from "./problems.ts";

export const SEMAS_COLUMNS = {
  id: "상가업소번호",
  name: "상호명",
  category: "상권업종대분류명",
  lon: "경도",
  lat: "위도",
} as const;

export interface SemasProgress {
  start(totalBytes: number): void;
  update(bytesRead: number, rows: number): void;
  stop(): void;
}

export interface SemasOptions {
  /** Path of the CSV file on disk. */
  path: string;
  /** Name shown in problems (relative to the project root when possible). */
  file: string;
  dong: JoinLayer;
  bounds: Bounds;
  /** How many rejected rows to keep for the report (all are counted). */
  maxReported?: number;
  progress?: SemasProgress;
  /** File encoding: SEMAS publishes UTF-8 files today (older releases were CP949/EUC-KR). */
  encoding?: "utf-8" | "euc-kr";
}

export interface SemasResult {
  rowsRead: number;
  /** Rows that passed the contract (valid coordinates inside Seoul). */
  kept: number;
  rejected: number;
  rejectedByCode: Record<string, number>;
  /** The first rejected rows, with file, line and field. */
  firstRejections: Problem[];
  /** Stores per dong, in the order of `dong.features`. */
  perDong: Int32Array;
  /** Kept rows that fell in no dong polygon (gaps of the simplified boundaries). */
  unmatched: number;
  sha256: string;
  bytes: number;
}

/** Problems with the file itself (missing columns) stop the run; these are thrown as a list. */
export class SemasHeaderError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join("; "));
  }
}

export async function aggregateSemas(options: SemasOptions): Promise<SemasResult> {
  const { dong, bounds, file } = options;
  const maxReported = options.maxReported ?? 10;
  const { size } = await stat(options.path);
  const hash = createHash("sha256");
  const result: SemasResult = {
    rowsRead: 0,
    kept: 0,
    rejected: 0,
    rejectedByCode: {},
    firstRejections: [],
    perDong: new Int32Array(dong.features.length),
    unmatched: 0,
    sha256: "",
    bytes: size,
  };
  const reject = (p: Problem) => {
    result.rejected++;
    result.rejectedByCode[p.code] = (result.rejectedByCode[p.code] ?? 0) + 1;
    if (result.firstRejections.length < maxReported) result.firstRejections.push(p);
  };

  let columns: { id: number; name: number; category: number; lon: number; lat: number } | undefined;
  let width = 0;
  let bytesRead = 0;
  /** Line breaks inside quoted values seen so far: they shift the line numbers of later rows. */
  let extraLines = 0;
  let headerError: SemasHeaderError | undefined;

  const onRow = (record: string[]) => {
    result.rowsRead++;
    const line = result.rowsRead + 1 + extraLines;
    // Line numbers stay exact even when a quoted value spans lines (rare in SEMAS files).
    for (let i = 0; i < record.length; i++) if (record[i]!.indexOf("\n") >= 0) extraLines += record[i]!.split("\n").length - 1;
    if ((result.rowsRead & 0xffff) === 0) options.progress?.update(bytesRead, result.rowsRead);
    const cols = columns!;
    if (record.length !== width) {
      reject({
        code: "csv-syntax",
        file,
        line,
        message: `${record.length} fields where the header has ${width}`,
        hint: 'Values with commas or quotes must be wrapped in double quotes, with inner quotes doubled ("").',
      });
      return;
    }
    const id = record[cols.id]!;
    const lonText = record[cols.lon]!;
    const latText = record[cols.lat]!;
    if (id.trim() === "") {
      reject({
        code: "missing-field",
        file,
        line,
        field: SEMAS_COLUMNS.id,
        message: "(empty): every store needs its id",
        hint: "Keep the rows as SEMAS publishes them.",
      });
      return;
    }
    if (lonText === "" || latText === "") {
      const field = lonText === "" ? SEMAS_COLUMNS.lon : SEMAS_COLUMNS.lat;
      reject({
        code: "missing-field",
        file,
        line,
        field,
        message: "(empty): the store has no coordinates",
        hint: "Stores without coordinates cannot be placed in a dong.",
      });
      return;
    }
    const lon = Number(lonText);
    const lat = Number(latText);
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
      const field = Number.isFinite(lon) ? SEMAS_COLUMNS.lat : SEMAS_COLUMNS.lon;
      reject({
        code: "invalid-value",
        file,
        line,
        field,
        message: `${JSON.stringify(field === SEMAS_COLUMNS.lon ? lonText : latText)} is not a number`,
        hint: "Coordinates are WGS84 decimal degrees, e.g. 126.9516 and 37.4784.",
      });
      return;
    }
    if (!(lat >= bounds.minLat && lat <= bounds.maxLat && lon >= bounds.minLon && lon <= bounds.maxLon)) {
      reject(coordinateProblems(lat, lon, bounds, { file, line, latField: SEMAS_COLUMNS.lat, lonField: SEMAS_COLUMNS.lon })[0]!);
      return;
    }
    result.kept++;
    const d = dong.index.find(lon, lat);
    if (d < 0) result.unmatched++;
    else result.perDong[d]!++;
  };

  // uDSV parses chunk by chunk and hands over one row at a time: nothing accumulates.
  let parser: Parser | undefined;
  const decoder = new TextDecoder(options.encoding ?? "utf-8", { ignoreBOM: false });
  options.progress?.start(size);
  for await (const chunk of createReadStream(options.path)) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    bytesRead += bytes.length;
    const text = decoder.decode(bytes, { stream: true });
    if (!parser) {
      const schema = inferSchema(text, { col: ",", row: "\n", encl: '"', trim: false });
      const header = schema.cols.map((c) => c.name.trim());
      const at = (name: string) => header.indexOf(name);
      const found = {
        id: at(SEMAS_COLUMNS.id),
        name: at(SEMAS_COLUMNS.name),
        category: at(SEMAS_COLUMNS.category),
        lon: at(SEMAS_COLUMNS.lon),
        lat: at(SEMAS_COLUMNS.lat),
      };
      const missing = (Object.keys(found) as (keyof typeof found)[]).filter((k) => found[k] < 0);
      if (missing.length) {
        headerError = new SemasHeaderError(
          missing.map((k) => ({
            code: "missing-column",
            file,
            line: 1,
            field: SEMAS_COLUMNS[k],
            message: `the header has no column "${SEMAS_COLUMNS[k]}"`,
            hint: `A SEMAS store file needs the columns ${Object.values(SEMAS_COLUMNS).join(", ")} (UTF-8; pass --semas-encoding euc-kr for an older CP949 file).`,
          })),
        );
        break;
      }
      columns = found;
      width = header.length;
      parser = initParser(schema);
    }
    parser.chunk(text, parser.stringArrs, onRow);
  }
  if (headerError) throw headerError;
  if (parser) {
    const rest = decoder.decode();
    if (rest) parser.chunk(rest, parser.stringArrs, onRow);
    parser.end();
  }
  if (!columns) {
    throw new SemasHeaderError([
      { code: "empty-file", file, line: 1, message: "the file has no header row", hint: "Pass a SEMAS store CSV with its header row." },
    ]);
  }
  options.progress?.update(size, result.rowsRead);
  options.progress?.stop();
  result.sha256 = hash.digest("hex");
  return result;
}
