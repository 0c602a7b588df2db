/**
 * `npm run data`: read and check every input in data/, then write generated/ in one swap.
 * Effects (logging, the boundary fetcher's network, the progress bar) are injected so tests
 * can run the pipeline against fixtures in a temporary folder.
 *
 * Order: boundaries → sources → districts and their offices → dong → every CSV dataset
 * (contract, source ids, keys, gu codes, coordinates, spatial join) → optional SEMAS stream.
 * Every problem of every file is collected; if there is any, the run stops before writing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { DatasetInfo, Manifest, TranslationGap } from "../../src/lib/manifest.ts";
import { replaceDirectory, writeFiles } from "./atomic.ts";
import { boundariesPresent, type FetchOptions, fetchBoundaries, LOCK_FILE, rawPath, readLock } from "./boundaries.ts";
import { bboxOf, widenedBounds } from "./coordinates.ts";
import { parseCsv, readCsv } from "./csv.ts";
import { buildCsvDataset, type CsvDatasetResult, type DatasetContext, fieldInfo, type Reference, validateTable } from "./csv-dataset.ts";
import { type DatasetGroup, groupFingerprints, reusableGroup } from "./dataset-inputs.ts";
import { DATAPACKAGE_FILE, dataPackage } from "./datasets/datapackage.ts";
import { columnOf, type DatasetDescriptor, kindOf } from "./datasets/descriptor.ts";
import { BOUNDARY_REFERENCES, checkDescriptorSources, loadDescriptors } from "./datasets/index.ts";
import { koreanTwin, translationGaps } from "./datasets/korean.ts";
import { buildDistricts, DISTRICTS_FILE } from "./districts.ts";
import { buildDong } from "./dong.ts";
import { roundGeometry } from "./geojson.ts";
import { sha256 } from "./hash.ts";
import { OutputSet } from "./output-set.ts";
import { formatProblem, ProblemList } from "./problems.ts";
import { aggregateSemas, SemasHeaderError, type SemasProgress, type SemasResult } from "./semas.ts";
import { SEMAS_DATASETS, semasDatasets } from "./semas-datasets.ts";
import { readSources, SOURCES_FILE } from "./sources.ts";
import { PolygonIndex } from "./spatial-index.ts";

export const GENERATED_DIR = "generated";

export interface SemasInput {
  /** Path of a SEMAS store CSV (absolute, or relative to root). */
  file: string;
  /** Source id in data/sources.yaml that describes the file (default semas-store-info). */
  source?: string;
  encoding?: "utf-8" | "euc-kr";
}

export interface PipelineOptions {
  root: string;
  /** Output folder relative to root (default generated/). */
  outDir?: string;
  mirror?: string | undefined;
  fetch?: FetchOptions["fetch"];
  /** Rebuild even when the inputs are unchanged. */
  force?: boolean;
  /** Optional big point file aggregated per dong (see semas.ts). */
  semas?: SemasInput;
  /** Progress bar for long inputs; the CLI passes one only on a terminal. */
  progress?: (label: string) => SemasProgress | undefined;
  log?: (line: string) => void;
}

export interface PipelineResult {
  skipped: boolean;
  /** Datasets built in this run (the others kept their files from the last run). */
  rebuilt: string[];
  manifest: Manifest;
}

export const DEFAULT_SEMAS_SOURCE = "semas-store-info";

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
  walk("src/lib", (p) => p === "src/lib/manifest.ts");
  return files;
}

/** sha256 of every input file, in path order. */
async function inputHashes(root: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const rel of inputFiles(root)) hashes.set(rel, sha256(await readFile(join(root, rel))));
  return hashes;
}

/** The SEMAS file is identified by path, size and modification time (hashing it would mean reading it twice). */
function semasIdentity(root: string, semas: SemasInput): string {
  const path = resolve(root, semas.file);
  const s = existsSync(path) ? statSync(path) : undefined;
  return `semas\0${path}\0${s?.size}\0${s?.mtimeMs}\0${semas.source ?? DEFAULT_SEMAS_SOURCE}\0${semas.encoding ?? "utf-8"}`;
}

/** One sha256 over every input: when it matches the last run's, there is nothing to do. */
function fingerprint(hashes: Map<string, string>, semas: string | undefined): string {
  const parts = [...hashes].map(([rel, hash]) => `${rel}\0${hash}`);
  // The big file's own sha256 is computed while streaming and kept in the manifest.
  if (semas) parts.push(semas);
  return sha256(parts.join("\n"));
}

/** A dataset's files in data/: its descriptor and its CSV. */
const filesOf = (d: DatasetDescriptor | undefined): string[] => (d ? [d.file, ...(d.data ? [d.data] : [])] : []);

/**
 * The datasets and the files in data/ each is built from (see dataset-inputs.ts): its CSV and
 * descriptor, and those of the datasets its foreign keys point to (the boundary layers'
 * codes and names come from the boundary files, which every dataset depends on).
 */
function datasetGroups(registry: Map<string, DatasetDescriptor>, semas: string | undefined): DatasetGroup[] {
  const districts = registry.get("districts");
  const referenced = (d: DatasetDescriptor) =>
    (d.descriptor.schema.foreignKeys ?? []).flatMap((fk) =>
      BOUNDARY_REFERENCES[fk.reference.resource] ? [] : filesOf(registry.get(fk.reference.resource)),
    );
  return [
    { names: ["districts", "district-offices"], own: [...filesOf(districts), ...filesOf(registry.get("district-offices"))] },
    { names: ["dong"], own: filesOf(registry.get("dong")) },
    ...tableDatasets(registry).map((d) => ({ names: [d.descriptor.name], own: [...filesOf(d), ...referenced(d)] })),
    ...(semas ? [{ names: [...SEMAS_DATASETS], own: districts?.data ? [districts.data] : [], extra: semas }] : []),
  ];
}

/**
 * The datasets built from a CSV and a descriptor alone (not by a builder), in the order they
 * must be built: a dataset after those its foreign keys point to, otherwise by file path.
 */
function tableDatasets(registry: Map<string, DatasetDescriptor>): DatasetDescriptor[] {
  const out: DatasetDescriptor[] = [];
  const visit = (d: DatasetDescriptor, path: Set<string>) => {
    if (out.includes(d) || path.has(d.descriptor.name)) return;
    path.add(d.descriptor.name);
    for (const fk of d.descriptor.schema.foreignKeys ?? []) {
      const target = registry.get(fk.reference.resource);
      if (target && !target.descriptor.builder) visit(target, path);
    }
    out.push(d);
  };
  for (const d of registry.values()) if (!d.descriptor.builder) visit(d, new Set());
  return out;
}

/** What the manifest says of a dataset from its descriptor alone. */
function described(d: DatasetDescriptor) {
  const { descriptor } = d;
  const { fields } = descriptor.schema;
  const labelField = descriptor.label_field ?? descriptor.schema.primaryKey;
  const label = fields.find((f) => f.name === labelField);
  const labelFieldKo = label && koreanTwin(fields, label)?.name;
  return {
    name: descriptor.name,
    title: descriptor.title,
    title_ko: descriptor.title_ko,
    description: descriptor.description,
    description_ko: descriptor.description_ko,
    kind: kindOf(descriptor),
    key: descriptor.schema.primaryKey,
    label_field: labelField,
    ...(labelFieldKo ? { label_field_ko: labelFieldKo } : {}),
    fields: fields.map((f) => fieldInfo(f, fields)),
  };
}

/** The descriptor's notes and licences, and where it is, for the manifest; text one edition lacks. */
function describedAfter(d: DatasetDescriptor, gaps: TranslationGap[] = translationGaps(d)) {
  const { descriptor } = d;
  return {
    ...(descriptor.period ? { period: descriptor.period } : {}),
    ...(descriptor.notes ? { notes: descriptor.notes } : {}),
    ...(descriptor.notes_ko ? { notes_ko: descriptor.notes_ko } : {}),
    ...(gaps.length ? { translation_gaps: gaps } : {}),
    licenses: descriptor.licenses,
    descriptor: d.file,
  };
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { root, log = () => {} } = options;
  const outDir = join(root, options.outDir ?? GENERATED_DIR);
  const started = performance.now();

  const lock = await readLock(root);
  if (!(await boundariesPresent(root, lock))) {
    log("boundary files missing or changed: fetching them");
    await fetchBoundaries({ root, mirror: options.mirror, fetch: options.fetch, log });
  }

  const hashes = await inputHashes(root);
  const semasId = options.semas ? semasIdentity(root, options.semas) : undefined;
  const inputs = fingerprint(hashes, semasId);
  const manifestPath = join(outDir, "manifest.json");
  const previous = !options.force && existsSync(manifestPath) ? (JSON.parse(await readFile(manifestPath, "utf8")) as Manifest) : undefined;
  if (previous) {
    const intact = previous.outputs?.every((o) => existsSync(join(outDir, o.path))) && existsSync(join(outDir, DATAPACKAGE_FILE));
    if (previous.inputs_sha256 === inputs && intact) {
      log(`generated/ is up to date (inputs ${inputs.slice(0, 12)}); nothing to do`);
      return { skipped: true, rebuilt: [], manifest: previous };
    }
  }

  // The datasets: one descriptor each in data/. A mistake in one stops the run here.
  const found = new ProblemList();
  const registry = new Map(loadDescriptors(root, found).map((d) => [d.descriptor.name, d]));
  for (const name of ["districts", "district-offices", "dong"])
    if (!registry.has(name) && !existsSync(join(root, `data/${name}.resource.yaml`)))
      found.add({
        code: "missing-descriptor",
        file: `data/${name}.resource.yaml`,
        message: `the descriptor of ${name} is missing`,
        hint: "The atlas's boundary datasets need their descriptors: restore the file from the repository.",
      });
  found.throwIfAny("The data has problems; generated/ was left as it was");
  const descriptorOf = (name: string) => registry.get(name)!;

  // Each group of datasets is rebuilt only when its own inputs changed; the others keep
  // the files and manifest entries of the last run (checked against their sha256).
  const groups = datasetGroups(registry, semasId);
  const groupInputs = groupFingerprints(hashes, groups);
  const inputsOf = (name: string) => groupInputs.get(groups.find((g) => g.names.includes(name))!.names[0]!)!;
  const reused = new Map(groups.map((g) => [g.names[0]!, reusableGroup(previous, outDir, g, inputsOf(g.names[0]!))]));
  const rebuild = (name: string) => reused.get(name) === undefined;

  const problems = new ProblemList();
  const timings = new Map<string, number>();
  const timed = async <T>(name: string, step: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    const value = await step();
    timings.set(name, (timings.get(name) ?? 0) + performance.now() - t);
    return value;
  };
  /** A step computed the first time a rebuilt dataset needs it, then shared. */
  const once = <T>(step: () => Promise<T>): (() => Promise<T>) => {
    let value: Promise<T> | undefined;
    return () => (value ??= step());
  };

  const sources = await readSources(root, problems);
  // A source list that cannot be read names no source: every row would follow with "unknown source".
  if (problems.items.some((p) => p.file === SOURCES_FILE && (p.code === "yaml-syntax" || p.code === "yaml-shape")))
    problems.throwIfAny(`${SOURCES_FILE} cannot be read; generated/ was left as it was`);
  for (const d of registry.values()) checkDescriptorSources(d, sources, problems);
  const entry = (suffix: string) => lock.files.find((f) => f.path.endsWith(suffix))!;
  const kostatEntry = entry("kostat/2013/json/seoul_municipalities_geo_simple.json");
  const dongEntry = entry("kostat/2013/json/seoul_submunicipalities_geo_simple.json");
  const jusoEntry = entry("juso/2015/json/seoul_municipalities_geo_simple.json");
  const readJson = async (e: typeof kostatEntry) => JSON.parse(await readFile(rawPath(root, e), "utf8"));
  const shown = (e: typeof kostatEntry) => relative(root, rawPath(root, e));

  const kostat = once(() => readJson(kostatEntry));
  const districtsFile = descriptorOf("districts").data!;
  const districts = once(() =>
    timed("districts", async () =>
      buildDistricts({
        rows: validateTable(descriptorOf("districts"), await readCsv(root, districtsFile, problems), {
          sources,
          problems,
          reference: () => undefined,
        }).rows,
        file: districtsFile,
        kostat: await kostat(),
        kostatFile: shown(kostatEntry),
        juso: await readJson(jusoEntry),
        problems,
      }),
    ),
  );

  // The join layers come from the boundary files themselves, so that coordinates are
  // checked even when a CSV row of districts.csv has a problem.
  const guFeatures = once(async () =>
    ((await kostat()).features as Feature<Polygon | MultiPolygon, { code: string; name: string; name_eng: string }>[])
      .map((f) => ({ ...f, geometry: roundGeometry(f.geometry) }))
      .sort((a, b) => a.properties.code.localeCompare(b.properties.code)),
  );
  const districtNames = once(async () => new Map((await guFeatures()).map((f) => [f.properties.code, f.properties.name_eng])));
  const dong = once(async () => {
    const names = new Map(
      (await guFeatures()).map((f) => [f.properties.code, { name_en: f.properties.name_eng, name_ko: f.properties.name }]),
    );
    return timed("dong", async () => buildDong({ kostat: await readJson(dongEntry), file: shown(dongEntry), districts: names, problems }));
  });
  const context = once(async (): Promise<DatasetContext> => {
    const gu = await guFeatures();
    const dongFeatures = (await dong()).features;
    // Each gu's administrative code (SIG_CD) from data/districts.csv, so that a code from another system is named as such.
    const districtsCsv = join(root, DISTRICTS_FILE);
    const adminCodes = new Map(
      existsSync(districtsCsv)
        ? parseCsv(readFileSync(districtsCsv, "utf8"), DISTRICTS_FILE, new ProblemList()).rows.map((r) => [r.values.code, r.values.sig_cd])
        : [],
    );
    const guRows = gu.map((f) => ({
      code: f.properties.code,
      name_en: f.properties.name_eng,
      name_ko: f.properties.name,
      sig_cd: adminCodes.get(f.properties.code),
    }));
    const references = new Map<string, Reference | undefined>();
    const reference = (name: string, field: string): Reference | undefined => {
      const id = `${name}\0${field}`;
      if (!references.has(id)) references.set(id, referenceTo(name, field));
      return references.get(id);
    };
    // districts and dong: the boundary files' codes and names, so that a problem in
    // districts.csv does not make every gu code elsewhere look unknown.
    const referenceTo = (name: string, field: string): Reference | undefined => {
      if (name === "districts") return { title: "Seoul's 25 gu", rows: keyedBy(guRows, field) };
      if (name === "dong")
        return {
          title: "the 423 dong of the KOSTAT 2013 boundaries",
          rows: keyedBy(
            dongFeatures.map((f) => ({ ...f.properties })),
            field,
          ),
        };
      const d = registry.get(name);
      if (!d?.data) return undefined;
      // The referenced CSV as written (its own problems are reported when it is built).
      const table = parseCsv(readFileSync(join(root, d.data), "utf8"), d.data, new ProblemList());
      const columns = d.descriptor.schema.fields.flatMap((f) => (columnOf(f) ? [[f.name, columnOf(f)!] as const] : []));
      const rows = table.rows.map((r) => Object.fromEntries(columns.map(([f, c]) => [f, (r.values[c] ?? "").trim()])));
      return { title: `the ${field} values of ${name}`, rows: keyedBy(rows, field) };
    };
    return {
      reference,
      sources,
      districts: await districtNames(),
      gu: {
        index: new PolygonIndex(gu),
        features: gu.map((f) => ({ code: f.properties.code, name_en: f.properties.name_eng, name_ko: f.properties.name })),
      },
      dong: { index: new PolygonIndex(dongFeatures), features: dongFeatures.map((f) => f.properties) },
      bounds: widenedBounds(bboxOf(gu)),
      problems,
    };
  });

  let offices: CsvDatasetResult | undefined;
  const officesDescriptor = descriptorOf("district-offices");
  if (rebuild("districts")) {
    await districts();
    const ctx = await context();
    offices = await timed("district-offices", async () =>
      buildCsvDataset(officesDescriptor, await readCsv(root, officesDescriptor.data!, problems), ctx),
    );
    const officeCodes = new Set(offices.rows.map((r) => String(r.code)));
    for (const [code, name] of ctx.districts) {
      if (offices.rows.length > 0 && !officeCodes.has(code)) {
        problems.add({
          code: "missing-row",
          file: officesDescriptor.data!,
          field: "code",
          message: `no office row for ${code} (${name})`,
          hint: "Every gu needs its office: address, coordinates and the geocode's source.",
        });
      }
    }
  }
  if (rebuild("dong")) await dong();

  const built: { d: DatasetDescriptor; result: CsvDatasetResult }[] = [];
  for (const d of tableDatasets(registry)) {
    if (!rebuild(d.descriptor.name)) continue;
    const ctx = await context();
    const result = await timed(d.descriptor.name, async () => buildCsvDataset(d, await readCsv(root, d.data!, problems), ctx));
    built.push({ d, result });
  }

  let semas: SemasResult | undefined;
  let semasSource = "";
  if (options.semas && rebuild(SEMAS_DATASETS[0])) {
    semasSource = options.semas.source ?? DEFAULT_SEMAS_SOURCE;
    const path = resolve(root, options.semas.file);
    const file = relative(root, path).startsWith("..") ? path : relative(root, path);
    if (!sources.has(semasSource)) {
      problems.add({
        code: "unknown-source",
        file: SOURCES_FILE,
        field: "id",
        message: `the SEMAS file needs the source id "${semasSource}", which is not in ${SOURCES_FILE}`,
        hint: `Add an entry for the SEMAS release you downloaded (publisher, title, URL, date) with id ${semasSource}, or name another with --semas-source.`,
      });
    }
    if (!existsSync(path)) {
      problems.add({ code: "missing-file", file, message: "the SEMAS file does not exist", hint: "Check the path given to --semas." });
    }
    problems.throwIfAny("The data has problems; generated/ was left as it was");
    const ctx = await context();
    await districts();
    try {
      semas = await timed("semas", () =>
        aggregateSemas({
          path,
          file,
          dong: ctx.dong,
          bounds: ctx.bounds,
          encoding: options.semas!.encoding,
          progress: options.progress?.("semas"),
        }),
      );
    } catch (error) {
      if (!(error instanceof SemasHeaderError)) throw error;
      for (const p of error.problems) problems.add(p);
    }
  }
  problems.throwIfAny("The data has problems; generated/ was left as it was");

  // ---- Outputs: everything is checked; build the files in memory, then swap them in.
  const out = new OutputSet();
  const datasets: Record<string, DatasetInfo> = {};
  const add = (info: DatasetInfo) => {
    datasets[info.name] = { ...info, inputs_sha256: inputsOf(info.name) };
  };
  for (const group of reused.values()) {
    for (const { info, texts } of group ?? []) {
      out.add(info.files.csv.path, texts.csv, info.files.csv.count, info.files.csv.sources);
      if (info.files.geojson && texts.geojson !== undefined)
        out.add(info.files.geojson.path, texts.geojson, info.files.geojson.count, info.files.geojson.sources);
      datasets[info.name] = info;
    }
  }

  if (offices) {
    const { features } = await districts();
    const officeByCode = new Map(offices.rows.map((r) => [String(r.code), r]));
    const officeSources = new Map(offices.rows.map((r) => [String(r.code), r.source as string[]]));
    const districtFeatures = features.map((f) => {
      const o = officeByCode.get(f.properties.code)!;
      const { source, ...rest } = f.properties;
      return {
        ...f,
        properties: {
          ...rest,
          office_address: o.address,
          office_lat: o.lat,
          office_lon: o.lon,
          office_geocode: o.geocode,
          office_geocode_gap_m: o.geocode_gap_m,
          source: unique([...source, ...(officeSources.get(f.properties.code) ?? [])]),
        },
      };
    });
    const districtSources = unique(districtFeatures.flatMap((f) => f.properties.source)).sort();
    const districtRows = districtFeatures.map((f) => labelColumns(f.properties));
    const districtsInfo = described(descriptorOf("districts"));
    add({
      ...districtsInfo,
      count: districtFeatures.length,
      rows_read: features.length,
      rows_rejected: 0,
      join_coverage: null,
      sources: districtSources,
      ...describedAfter(descriptorOf("districts")),
      inputs: [districtsFile, officesDescriptor.data!, shown(kostatEntry), shown(jusoEntry)],
      files: {
        geojson: out.geojson("districts", districtFeatures, districtSources),
        csv: out.csv("districts", districtsInfo.fields, districtRows, districtSources),
      },
    });

    const byCode = new Map(features.map((f) => [f.properties.code, f.properties]));
    // sig_cd is a column of districts.csv, not of the boundary file the lookups read.
    const officeRows = offices.rows.map((r) => ({ ...r, sig_cd: byCode.get(String(r.code))?.sig_cd ?? null }));
    const officeFeatures = offices.features!.map((f, i) => ({ ...f, properties: officeRows[i]! }));
    add(csvDatasetInfo(officesDescriptor, { ...offices, rows: officeRows, features: officeFeatures }, out));
  }

  if (rebuild("dong")) {
    const { features } = await dong();
    const dongSources = unique(features.flatMap((f) => f.properties.source));
    const dongRows = features.map((f) => labelColumns(f.properties));
    const dongInfo = described(descriptorOf("dong"));
    add({
      ...dongInfo,
      count: features.length,
      rows_read: features.length,
      rows_rejected: 0,
      join_coverage: null,
      sources: dongSources,
      ...describedAfter(descriptorOf("dong")),
      inputs: [shown(dongEntry)],
      files: {
        geojson: out.geojson("dong", features, dongSources),
        csv: out.csv("dong", dongInfo.fields, dongRows, dongSources),
      },
    });
  }

  for (const { d, result } of built) add(csvDatasetInfo(d, result, out));

  if (semas) {
    for (const d of semasDatasets({
      semas,
      semasSource,
      dong: (await dong()).features,
      districts: (await districts()).features,
      out,
      file: options.semas!.file,
    })) {
      add(d);
    }
  }

  const usedSources = unique(Object.values(datasets).flatMap((d) => d.sources)).sort();
  const bibliography = usedSources.map((id) => sources.get(id)!);
  out.add("sources.json", `${JSON.stringify(bibliography, null, 2)}\n`, bibliography.length, usedSources);

  const manifest: Manifest = {
    schema: 1,
    inputs_sha256: inputs,
    datasets: Object.fromEntries(Object.entries(datasets).sort(([a], [b]) => a.localeCompare(b))),
    outputs: out.sorted(),
  };
  out.files.set("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  // The Frictionless data package of the files the site serves under /data/.
  out.files.set(DATAPACKAGE_FILE, `${JSON.stringify(dataPackage(manifest, registry, sources), null, 2)}\n`);
  await replaceDirectory(outDir, (staging) => writeFiles(staging, out.files));

  const ms = Math.round(performance.now() - started);
  const rebuilt = groups.filter((g) => rebuild(g.names[0]!)).flatMap((g) => g.names.filter((n) => datasets[n]));
  const kept = groups.filter((g) => !rebuild(g.names[0]!)).flatMap((g) => g.names);
  if (kept.length) log(`unchanged since the last run, files kept: ${kept.join(", ")}`);
  for (const name of rebuilt) {
    log(summaryLine(datasets[name]!, timings.get(name.startsWith("semas") ? "semas" : name)));
    // Not a problem that stops the run: the site falls back to the other language, and the build report lists them too.
    for (const gap of datasets[name]!.translation_gaps ?? [])
      for (const line of formatProblem({ ...gap, code: `missing-${gap.missing === "ko" ? "korean" : "english"}-text` }).split("\n"))
        log(`  ${line}`);
  }
  if (semas) logSemas(semas, log);
  log(`wrote ${out.files.size} files to ${relative(root, outDir)}/ in ${ms} ms (lock ${LOCK_FILE}, sources ${SOURCES_FILE})`);
  return { skipped: false, rebuilt, manifest };
}

/** Manifest entry of a dataset built from one CSV file, with its output files. */
function csvDatasetInfo(d: DatasetDescriptor, result: CsvDatasetResult, out: OutputSet): DatasetInfo {
  const join = result.join;
  const info = described(d);
  const { name } = info;
  return {
    ...info,
    count: result.rows.length,
    rows_read: result.rowsRead,
    rows_rejected: 0,
    join_coverage: join && join.points > 0 ? join.matched_gu / join.points : null,
    ...(join ? { join, rows_without_geometry: result.rowsWithoutGeometry } : {}),
    sources: result.sources,
    ...describedAfter(d, result.translationGaps),
    inputs: [d.data!],
    files: {
      csv: out.csv(name, info.fields, result.rows, result.sources),
      ...(result.features ? { geojson: out.geojson(name, result.features, result.featureSources ?? result.sources) } : {}),
    },
  };
}

function summaryLine(d: DatasetInfo, ms: number | undefined): string {
  const unit = d.kind === "polygons" ? "features" : "rows";
  // A dataset aggregated from a point file (SEMAS) has fewer features than rows read.
  const aggregated = d.kind === "polygons" && d.join !== undefined;
  const parts = aggregated
    ? [`${d.name}: ${d.count} ${unit} from ${d.rows_read} rows read, ${d.join!.points} kept, ${d.rows_rejected} rejected`]
    : [`${d.name}: read ${d.rows_read ?? d.count}, kept ${d.count} ${unit}, rejected ${d.rows_rejected}`];
  if (d.join) {
    const pct = (n: number) => (d.join!.points ? `${((100 * n) / d.join!.points).toFixed(1)} %` : "n/a");
    parts.push(`join ${d.join.points} points: gu ${pct(d.join.matched_gu)}, dong ${pct(d.join.matched_dong)}`);
  }
  if (d.rows_without_geometry) parts.push(`${d.rows_without_geometry} without coordinates (table only)`);
  const gaps = d.translation_gaps ?? [];
  for (const [lang, name] of [
    ["ko", "Korean"],
    ["en", "English"],
  ] as const) {
    const n = gaps.filter((g) => g.missing === lang).length;
    if (n) parts.push(`${n} text${n === 1 ? "" : "s"} missing in ${name}`);
  }
  if (ms !== undefined) parts.push(`${Math.round(ms)} ms`);
  return parts.join("; ");
}

function logSemas(s: SemasResult, log: (line: string) => void): void {
  const kinds = Object.entries(s.rejectedByCode)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  log(`semas: ${s.rowsRead} rows read, ${s.kept} kept, ${s.rejected} rejected${kinds ? ` (${kinds})` : ""}, ${s.unmatched} in no dong`);
  for (const p of s.firstRejections) log(`  rejected ${formatProblem(p).split("\n")[0]}`);
}

/** A polygon's properties as a CSV row: the label point as two columns. */
function labelColumns<P extends { label: [number, number] }>(properties: P): Omit<P, "label"> & { label_lon: number; label_lat: number } {
  const { label, ...rest } = properties;
  return { ...rest, label_lon: label[0], label_lat: label[1] };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Rows by the value of one of their fields (the first row wins for a repeated value). */
function keyedBy(rows: Record<string, unknown>[], field: string): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const r of rows) {
    const key = r[field];
    if (key !== null && key !== undefined && key !== "" && !out.has(String(key))) out.set(String(key), r);
  }
  return out;
}
