/**
 * The files of one pipeline run, kept in memory until everything is checked, each with its
 * manifest entry (path, sha256, bytes, count, source ids). Nothing touches the disk here.
 */
import type { Feature, FeatureCollection } from "geojson";
import type { FieldInfo, OutputFile } from "../../src/lib/manifest.ts";
import { toCsv } from "./csv-write.ts";
import { stringifyFeatureCollection } from "./geojson.ts";
import { sha256 } from "./hash.ts";

export class OutputSet {
  readonly files = new Map<string, string>();
  readonly outputs: OutputFile[] = [];

  add(path: string, text: string, count: number, sources: string[]): OutputFile {
    if (this.files.has(path)) throw new Error(`two outputs named ${path}`);
    this.files.set(path, text);
    const out = { path, sha256: sha256(text), bytes: Buffer.byteLength(text), count, sources };
    this.outputs.push(out);
    return out;
  }

  csv(name: string, fields: FieldInfo[], rows: Record<string, unknown>[], sources: string[]): OutputFile {
    return this.add(`${name}.csv`, toCsv(fields, rows), rows.length, sources);
  }

  geojson(name: string, features: Feature[], sources: string[]): OutputFile {
    const fc: FeatureCollection = { type: "FeatureCollection", features };
    return this.add(`${name}.geojson`, stringifyFeatureCollection(fc), features.length, sources);
  }

  /** Manifest entries sorted by path. */
  sorted(): OutputFile[] {
    return [...this.outputs].sort((a, b) => a.path.localeCompare(b.path));
  }
}
