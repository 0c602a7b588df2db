/**
 * Read access to generated/ for the site build: the manifest, each dataset's rows (typed
 * by its field list) and features, and the bibliography. Loaded once per build; call
 * `reset()` when generated/ changes (the Eleventy config does so before every build).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { FeatureCollection } from "geojson";
import type { DatasetInfo, FieldInfo, Manifest } from "../lib/manifest.ts";
import { fromSpreadsheetText } from "../lib/spreadsheet-text.ts";

export interface Source {
  id: string;
  publisher: string;
  title: string;
  url: string;
  published: string;
  language: string;
  licence: string;
  type: string;
  notes?: string;
}

export type Row = Record<string, string | number | string[] | null>;

export interface Dataset {
  info: DatasetInfo;
  rows: Row[];
  geojson?: FeatureCollection;
}

export class DatasetStore {
  private manifestCache?: Manifest;
  private sourcesCache?: Map<string, Source>;
  private datasets = new Map<string, Dataset>();

  constructor(readonly dir: string) {}

  reset(): void {
    this.manifestCache = undefined;
    this.sourcesCache = undefined;
    this.datasets.clear();
  }

  manifest(): Manifest {
    if (!this.manifestCache) {
      const path = join(this.dir, "manifest.json");
      if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run data" (or "npm run build") first.`);
      this.manifestCache = JSON.parse(readFileSync(path, "utf8")) as Manifest;
    }
    return this.manifestCache;
  }

  names(): string[] {
    return Object.keys(this.manifest().datasets).sort();
  }

  info(name: string): DatasetInfo | undefined {
    return this.manifest().datasets[name];
  }

  get(name: string): Dataset {
    let d = this.datasets.get(name);
    if (d) return d;
    const info = this.info(name);
    if (!info) throw new Error(`unknown dataset "${name}"`);
    const rows = parseRows(readFileSync(join(this.dir, info.files.csv.path), "utf8"), info.fields);
    const geojson = info.files.geojson
      ? (JSON.parse(readFileSync(join(this.dir, info.files.geojson.path), "utf8")) as FeatureCollection)
      : undefined;
    d = { info, rows, geojson };
    this.datasets.set(name, d);
    return d;
  }

  sources(): Map<string, Source> {
    if (!this.sourcesCache) {
      const list = JSON.parse(readFileSync(join(this.dir, "sources.json"), "utf8")) as Source[];
      this.sourcesCache = new Map(list.map((s) => [s.id, s]));
    }
    return this.sourcesCache;
  }
}

function parseRows(text: string, fields: FieldInfo[]): Row[] {
  const types = new Map(fields.map((f) => [f.name, f.type]));
  const records = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((r) => {
    const row: Row = {};
    for (const [k, v] of Object.entries(r)) {
      const t = types.get(k);
      if (v === "") row[k] = null;
      else if (t === "integer" || t === "number" || t === "year") row[k] = Number(v);
      else if (t === "list") row[k] = fromSpreadsheetText(v).split(";");
      else row[k] = fromSpreadsheetText(v);
    }
    return row;
  });
}
