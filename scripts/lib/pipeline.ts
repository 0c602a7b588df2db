/**
 * `npm run data`: read and check every input in data/, then write generated/ in one swap.
 * Effects (logging, the boundary fetcher's network) are injected so tests can run the
 * pipeline against fixtures in a temporary folder.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { FeatureCollection } from "geojson";
import type { DatasetInfo, FieldInfo, Manifest, OutputFile } from "../../src/lib/manifest.ts";
import { replaceDirectory, writeFiles } from "./atomic.ts";
import { boundariesPresent, type FetchOptions, fetchBoundaries, LOCK_FILE, rawPath, readLock } from "./boundaries.ts";
import { readCsv } from "./csv.ts";
import { toCsv } from "./csv-write.ts";
import { buildDistricts, DISTRICTS_FILE } from "./districts.ts";
import { stringifyFeatureCollection } from "./geojson.ts";
import { sha256 } from "./hash.ts";
import { ProblemList } from "./problems.ts";
import { readSources, SOURCES_FILE } from "./sources.ts";

export const GENERATED_DIR = "generated";

export interface PipelineOptions {
  root: string;
  /** Output folder relative to root (default generated/). */
  outDir?: string;
  mirror?: string | undefined;
  fetch?: FetchOptions["fetch"];
  /** Rebuild even when the inputs are unchanged. */
  force?: boolean;
  log?: (line: string) => void;
}

export interface PipelineResult {
  skipped: boolean;
  manifest: Manifest;
}

/** Files whose contents decide the output: data, the lock, and the pipeline's own code. */
function inputFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string, keep: (p: string) => boolean) => {
    if (!existsSync(join(root, dir))) return;
    for (const name of readdirSync(join(root, dir)).sort()) {
      const rel = `${dir}/${name}`;
      if (rel === "data/raw") continue;
      if (statSync(join(root, rel)).isDirectory()) walk(rel, keep);
      else if (keep(rel)) files.push(rel);
    }
  };
  walk("data", (p) => /\.(csv|ya?ml|json)$/.test(p));
  walk("scripts/lib", (p) => p.endsWith(".ts"));
  return files;
}

async function fingerprint(root: string): Promise<string> {
  const parts: string[] = [];
  for (const rel of inputFiles(root)) parts.push(`${rel}\0${sha256(await readFile(join(root, rel)))}`);
  return sha256(parts.join("\n"));
}

const DISTRICT_FIELDS: FieldInfo[] = [
  { name: "code", type: "string", label: "KOSTAT code (2013)" },
  { name: "sig_cd", type: "string", label: "Administrative code (SIG_CD)" },
  { name: "name_ko", type: "string", label: "Name (Korean)", label_ko: "이름" },
  { name: "name_en", type: "string", label: "District" },
  { name: "slug", type: "string", label: "Slug" },
  {
    name: "area_km2",
    type: "number",
    label: "Area",
    unit: "km²",
    derived: "geodesic area of the simplified KOSTAT 2013 polygon (turf.area)",
  },
  { name: "label_lon", type: "number", label: "Label longitude", derived: "pole of inaccessibility of the polygon (polylabel)" },
  { name: "label_lat", type: "number", label: "Label latitude", derived: "pole of inaccessibility of the polygon (polylabel)" },
  { name: "population_2010", type: "integer", label: "Population, 2010 census", label_ko: "인구 (2010 인구총조사)", unit: "people" },
  {
    name: "density_2010",
    type: "integer",
    label: "Population density, 2010",
    label_ko: "인구밀도 (2010)",
    unit: "people per km²",
    derived: "population_2010 ÷ area_km2, rounded",
  },
  { name: "source", type: "list", label: "Sources" },
];

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { root, log = () => {} } = options;
  const outDir = join(root, options.outDir ?? GENERATED_DIR);
  const started = performance.now();

  const lock = await readLock(root);
  if (!(await boundariesPresent(root, lock))) {
    log("boundary files missing or changed: fetching them");
    await fetchBoundaries({ root, mirror: options.mirror, fetch: options.fetch, log });
  }

  const inputs = await fingerprint(root);
  const manifestPath = join(outDir, "manifest.json");
  if (!options.force && existsSync(manifestPath)) {
    const previous = JSON.parse(await readFile(manifestPath, "utf8")) as Manifest;
    const intact = previous.outputs?.every((o) => existsSync(join(outDir, o.path)));
    if (previous.inputs_sha256 === inputs && intact) {
      log(`generated/ is up to date (inputs ${inputs.slice(0, 12)}); nothing to do`);
      return { skipped: true, manifest: previous };
    }
  }

  const problems = new ProblemList();
  const sources = await readSources(root, problems);
  const kostatEntry = lock.files.find((f) => f.path.endsWith("kostat/2013/json/seoul_municipalities_geo_simple.json"))!;
  const jusoEntry = lock.files.find((f) => f.path.endsWith("juso/2015/json/seoul_municipalities_geo_simple.json"))!;
  const readJson = async (entry: typeof kostatEntry) => JSON.parse(await readFile(rawPath(root, entry), "utf8"));
  const districts = buildDistricts({
    table: await readCsv(root, DISTRICTS_FILE, problems),
    kostat: await readJson(kostatEntry),
    kostatFile: relative(root, rawPath(root, kostatEntry)),
    juso: await readJson(jusoEntry),
    sources,
    problems,
  });
  problems.throwIfAny("The data has problems; generated/ was left as it was");

  const files = new Map<string, string>();
  const outputs: OutputFile[] = [];
  const add = (path: string, text: string, count: number, ids: string[]): OutputFile => {
    files.set(path, text);
    const out = { path, sha256: sha256(text), bytes: Buffer.byteLength(text), count, sources: ids };
    outputs.push(out);
    return out;
  };

  const districtSources = unique(districts.features.flatMap((f) => f.properties.source));
  const districtRows = districts.features.map((f) => {
    const { label, ...rest } = f.properties;
    return { ...rest, label_lon: label[0], label_lat: label[1] };
  });
  const datasets: Record<string, DatasetInfo> = {};
  datasets.districts = {
    name: "districts",
    title: "Seoul's 25 districts (gu)",
    description: "Boundaries (KOSTAT 2013), codes, names, area and 2010 census population of the 25 gu.",
    kind: "polygons",
    key: "code",
    label_field: "name_en",
    fields: DISTRICT_FIELDS,
    count: districts.features.length,
    rows_rejected: 0,
    join_coverage: null,
    sources: districtSources,
    files: {
      geojson: add(
        "districts.geojson",
        stringifyFeatureCollection(districts as FeatureCollection),
        districts.features.length,
        districtSources,
      ),
      csv: add(
        "districts.csv",
        toCsv(
          DISTRICT_FIELDS.map((f) => f.name),
          districtRows,
        ),
        districtRows.length,
        districtSources,
      ),
    },
  };

  const usedSources = unique(Object.values(datasets).flatMap((d) => d.sources));
  const bibliography = usedSources.map((id) => sources.get(id)!);
  add("sources.json", `${JSON.stringify(bibliography, null, 2)}\n`, bibliography.length, usedSources);

  const manifest: Manifest = {
    schema: 1,
    inputs_sha256: inputs,
    datasets,
    outputs: [...outputs].sort((a, b) => a.path.localeCompare(b.path)),
  };
  files.set("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  await replaceDirectory(outDir, (staging) => writeFiles(staging, files));

  const ms = Math.round(performance.now() - started);
  for (const d of Object.values(datasets)) {
    log(
      `${d.name}: ${d.count} ${d.kind === "table" ? "rows" : "features"} kept, ${d.rows_rejected} rejected; sources ${d.sources.join(", ")}`,
    );
  }
  log(`wrote ${files.size} files to ${relative(root, outDir)}/ in ${ms} ms (lock ${LOCK_FILE}, sources ${SOURCES_FILE})`);
  return { skipped: false, manifest };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
