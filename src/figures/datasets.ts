/**
 * Read access to generated/ for the site build: the manifest, each dataset's rows (typed
 * by its field list) and features, and the bibliography. Loaded once per build; call
 * `reset()` when generated/ changes (the Eleventy config does so before every build).
 * `digest(name)` fingerprints what a figure can read of a dataset, and `trace()` records
 * which datasets a piece of work read: together they key the figure cache.
 */
import { createHash } from "node:crypto";
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
  publisher_ko?: string;
  title_ko?: string;
  licence_ko?: string;
}

/** A source's publisher, title and licence in the edition's language (the Korean words where the bibliography gives them). */
export function sourceText(s: Source, lang: string): { publisher: string; title: string; licence: string } {
  const ko = lang === "ko";
  return {
    publisher: (ko && s.publisher_ko) || s.publisher,
    title: (ko && s.title_ko) || s.title,
    licence: (ko && s.licence_ko) || s.licence,
  };
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
  private digests = new Map<string, string>();
  private sourcesDigestCache?: string;
  /** Names of the datasets read while `trace` runs, or while a recording is on. */
  private traced?: Set<string>;

  constructor(readonly dir: string) {}

  reset(): void {
    this.manifestCache = undefined;
    this.sourcesCache = undefined;
    this.sourcesDigestCache = undefined;
    this.datasets.clear();
    this.digests.clear();
  }

  /** Run `work` (synchronous) and name every dataset it looked up. */
  trace<T>(work: () => T): { value: T; read: string[] } {
    const outer = this.traced;
    const read = new Set<string>();
    this.traced = read;
    try {
      return { value: work(), read: [...read].sort() };
    } finally {
      this.traced = outer;
      if (outer) for (const name of read) outer.add(name);
    }
  }

  /**
   * Name every dataset looked up until `stop()`, including across awaits: for work that
   * runs alone (the preview renders one page at a time), where `trace` cannot follow.
   */
  record(): { stop(): string[] } {
    const read = new Set<string>();
    this.traced = read;
    return {
      stop: () => {
        if (this.traced === read) this.traced = undefined;
        return [...read].sort();
      },
    };
  }

  /**
   * sha256 of everything a figure can read of the dataset: its manifest entry (fields,
   * labels, notes, counts; not `used_by`, which the build fills in, nor the fingerprint of
   * the pipeline's inputs) and the bytes of its files. "missing" for a dataset the manifest does not list.
   */
  digest(name: string): string {
    let digest = this.digests.get(name);
    if (digest === undefined) {
      const info = this.loadManifest().datasets[name];
      if (!info) digest = "missing";
      else {
        const { used_by: _used, inputs_sha256: _inputs, ...entry } = info;
        const hash = createHash("sha256").update(JSON.stringify(entry)).update("\0");
        hash.update(readFileSync(join(this.dir, info.files.csv.path)));
        if (info.files.geojson) hash.update("\0").update(readFileSync(join(this.dir, info.files.geojson.path)));
        digest = hash.digest("hex");
      }
      this.digests.set(name, digest);
    }
    return digest;
  }

  /** sha256 of the bibliography (every figure's source line comes from it). */
  sourcesDigest(): string {
    this.sourcesDigestCache ??= createHash("sha256")
      .update(readFileSync(join(this.dir, "sources.json")))
      .digest("hex");
    return this.sourcesDigestCache;
  }

  /** The manifest: what every dataset is (a reader of it depends on every dataset: recorded as "*"). */
  manifest(): Manifest {
    this.traced?.add("*");
    return this.loadManifest();
  }

  private loadManifest(): Manifest {
    if (!this.manifestCache) {
      const path = join(this.dir, "manifest.json");
      if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run data" (or "npm run build") first.`);
      this.manifestCache = JSON.parse(readFileSync(path, "utf8")) as Manifest;
    }
    return this.manifestCache;
  }

  names(): string[] {
    this.traced?.add("*");
    return Object.keys(this.loadManifest().datasets).sort();
  }

  info(name: string): DatasetInfo | undefined {
    this.traced?.add(name);
    return this.loadManifest().datasets[name];
  }

  get(name: string): Dataset {
    this.traced?.add(name);
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
