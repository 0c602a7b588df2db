/**
 * Which inputs each dataset depends on, so that `npm run data` rebuilds only the datasets
 * whose inputs changed and reuses the files of the others from the last run.
 *
 * A dataset's inputs are its own files in data/ (its CSV) plus the shared ones every
 * dataset depends on: the sources (every row's ids are checked against them), the boundary
 * lock (the boundary files are checked against it, and every point is joined to them), and
 * the pipeline's code (all of it: contracts import each other's parts, so a change to any
 * code rebuilds everything). A file in data/ that no dataset reads (the corrections log)
 * is in no dataset's inputs.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DatasetInfo, Manifest } from "../../src/lib/manifest.ts";
import { LOCK_FILE } from "./boundaries.ts";
import { sha256 } from "./hash.ts";
import { SOURCES_FILE } from "./sources.ts";

/** Datasets built together (districts and their offices are joined to each other), with their own input files. */
export interface DatasetGroup {
  names: string[];
  /** Files in data/ (relative to the root) that the group is built from. */
  own: string[];
  /** What else identifies the input, e.g. the SEMAS file's path, size and date. */
  extra?: string;
}

/** Shared inputs: the bibliography, the boundary lock, and the code. */
function isShared(rel: string): boolean {
  return rel === SOURCES_FILE || rel === LOCK_FILE || rel.endsWith(".ts");
}

/**
 * sha256 of each group's inputs (own files, shared files, extra), keyed by the group's first
 * dataset name. `files` maps each input file to the sha256 of its bytes.
 */
export function groupFingerprints(files: Map<string, string>, groups: DatasetGroup[]): Map<string, string> {
  const shared = [...files].filter(([rel]) => isShared(rel)).map(([rel, hash]) => `${rel}\0${hash}`);
  const out = new Map<string, string>();
  for (const g of groups) {
    const own = g.own.map((rel) => `${rel}\0${files.get(rel) ?? "missing"}`);
    out.set(g.names[0]!, sha256([...shared, "--", ...own, "--", g.extra ?? ""].join("\n")));
  }
  return out;
}

/**
 * The previous run's manifest entries and file contents of a group, when its inputs are
 * unchanged and every file it wrote is still there with the bytes the manifest records;
 * otherwise undefined (the group is rebuilt).
 */
export function reusableGroup(
  previous: Manifest | undefined,
  outDir: string,
  group: DatasetGroup,
  fingerprint: string,
): { info: DatasetInfo; texts: { csv: string; geojson?: string } }[] | undefined {
  if (!previous) return undefined;
  const reused = [];
  for (const name of group.names) {
    const info = previous.datasets[name];
    if (!info || info.inputs_sha256 !== fingerprint) return undefined;
    const read = (path: string, expected: string): string | undefined => {
      const file = join(outDir, path);
      if (!existsSync(file)) return undefined;
      const text = readFileSync(file, "utf8");
      return sha256(text) === expected ? text : undefined;
    };
    const csv = read(info.files.csv.path, info.files.csv.sha256);
    const geojson = info.files.geojson ? read(info.files.geojson.path, info.files.geojson.sha256) : undefined;
    if (csv === undefined || (info.files.geojson && geojson === undefined)) return undefined;
    reused.push({ info, texts: geojson === undefined ? { csv } : { csv, geojson } });
  }
  return reused;
}
