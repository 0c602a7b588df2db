/**
 * JSON written piece by piece. `JSON.stringify` of a large value makes one string of all of
 * it (and, on the way, more than its size again): on a 10,000-story site the build's stamp
 * (24 MB) and the report the site's shard hands the build (16 MB) were the highest points
 * of the build's memory, at its very end. Here the value's objects and arrays, down to
 * `depth` levels, are written member by member, each member with `JSON.stringify`, about
 * 1 MB to the file at a time. The text is what `JSON.stringify(value)` gives, apart from
 * the members' order being the same and no spaces (it is read back with `JSON.parse`).
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/**
 * An object's members given one at a time (`[key, value]` pairs, e.g. from a generator), so
 * that they are never all held: written as a JSON object.
 */
export type Entries = Iterable<[string, unknown]>;

const isEntries = (v: object): v is Entries => Symbol.iterator in v && !ArrayBuffer.isView(v) && !(v instanceof Map) && !(v instanceof Set);

/** The JSON of `value`, in pieces (see the module's comment). */
export function* jsonPieces(value: unknown, depth = 3): Generator<string> {
  const leaf = (v: unknown) => JSON.stringify(v) ?? "null";
  if (depth <= 0 || typeof value !== "object" || value === null || typeof (value as { toJSON?: unknown }).toJSON === "function") {
    yield leaf(value);
    return;
  }
  if (Array.isArray(value)) {
    // A short array of plain values (a file's size, time and inode) in one piece: on 90,000
    // files, a generator for each of its members cost more than the walk that found them.
    if (value.length <= 16 && value.every((v) => v === null || typeof v !== "object")) {
      yield leaf(value);
      return;
    }
    yield "[";
    for (let i = 0; i < value.length; i++) {
      if (i) yield ",";
      const item = value[i];
      // As JSON.stringify: undefined and functions in an array are null.
      yield* item === undefined || typeof item === "function" ? ["null"] : jsonPieces(item, depth - 1);
    }
    yield "]";
    return;
  }
  const members = isEntries(value) ? value : Object.entries(value as object);
  yield "{";
  let first = true;
  for (const [key, item] of members) {
    // As JSON.stringify: members that are undefined, functions or symbols are left out.
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    yield `${first ? "" : ","}${JSON.stringify(key)}:`;
    yield* jsonPieces(item, depth - 1);
    first = false;
  }
  yield "}";
}

/** Write `value` as JSON to `file`, piece by piece and atomically (a temporary sibling, then renamed over it). */
export function writeJsonAtomicSync(file: string, value: unknown, depth = 3): void {
  writePiecesAtomicSync(file, jsonPieces(value, depth));
}

/** Write a file from its pieces, about 1 MB at a time, holding no more of it than that; atomically (a temporary sibling, then renamed). */
export function writePiecesAtomicSync(file: string, pieces: Iterable<string>): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  const fd = openSync(tmp, "w");
  try {
    let pending: string[] = [];
    let size = 0;
    for (const piece of pieces) {
      pending.push(piece);
      size += piece.length;
      if (size < 1 << 20) continue;
      writeSync(fd, pending.join(""));
      pending = [];
      size = 0;
    }
    writeSync(fd, pending.join(""));
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(tmp, file);
}
