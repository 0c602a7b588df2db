/**
 * From a ```figure block to HTML: parse the YAML, validate it against its kind and the
 * datasets, render the kind, wrap it in the furniture. Any mistake throws a ProblemError
 * that names the story file and line.
 */
import { type Problem, ProblemError } from "../../scripts/lib/problems.ts";
import type { ChartModel } from "../lib/charts/render.ts";
import { CONTROL_CHAR_HINT, controlCharsInValues, controlName } from "../lib/control-chars.ts";
import type { SafeHtml } from "../lib/html.ts";
import { FIGURE_STRINGS } from "../lib/i18n/figures.ts";
import { DEFAULT_LANG, fill, type Lang } from "../lib/i18n/index.ts";
import type { MapFigureConfig } from "../lib/map-style.ts";
import { type Cite, citedCaveats, citedSources } from "./citations.ts";
import type { Dataset, DatasetStore, Row } from "./datasets.ts";
import { type FurnitureInput, figureHtmls } from "./furniture.ts";
import { localizeDataset, localizeRows, localizeSpec, localStore, textIn } from "./localize.ts";
import { markBudgetProblem } from "./mark-budget.ts";
import { langOfFile } from "./page-lang.ts";
import { KINDS } from "./registry.ts";
import { type CommonSpec, type ParsedSpec, parseSpecYaml, SpecChecker, specProblems, suggest } from "./spec.ts";
import type { FigureKind, FigureParts } from "./types.ts";
import { applyFilters, checkWhere } from "./where.ts";

/** A figure's furniture, and everything it cites (its own parts, and other states of a scrollytelling figure). */
export type FigureInput = Omit<FurnitureInput, "embed"> & { cites: Cite[] };

export interface FigureBlock {
  /** YAML between the fences. */
  body: string;
  /** Story file, relative to the project root. */
  file: string;
  /** 1-based line of the opening ``` in the story file. */
  fenceLine: number;
  /** Used for ids: `<pageSlug>-<index>` unless the spec sets `id`. */
  pageSlug: string;
  /** 1-based position of the figure on its page. */
  index: number;
  /** A ```scrolly block: the figure's spec and its `steps` (src/figures/scrolly.ts). */
  scrolly?: boolean;
  /** The language of the page the figure is on (default English): its texts, labels and numbers. */
  lang?: Lang;
  /** The language the spec's plain texts (`title`, …) are written in: English, but Korean for a spec on a Korean page (default: by the file's path). */
  textLang?: Lang;
}

export interface RenderedFigure {
  id: string;
  kind: string;
  dataset: string;
  /** Every dataset the figure draws from (its own, and boundaries, basemaps or targets it adds). */
  datasets: string[];
  title: string;
  /** Its subtitle, in its language, if its spec has one (the embed page's description). */
  subtitle?: string;
  file: string;
  line: number;
  /** The figure as it appears on its page (with the embed code). */
  html: SafeHtml;
  /** The figure alone, for /embed/<id>/. */
  embedHtml: SafeHtml;
  /** The graphic's markup alone (the build-time SVG), e.g. for a story's share card. */
  graphic: string;
  /** The interactive map's configuration (maps only), written to its own file (map-files.ts). */
  map?: MapFigureConfig;
  /** A chart's model (charts only). */
  chart?: ChartModel;
  /** The language the figure is drawn in. */
  lang: Lang;
  /** Texts the spec lacks in `lang` (shown in English): build warnings naming the spec's line. */
  warnings: Problem[];
}

/** "Population density by district, 2010" → "population-density-by-district-2010" (at most ~48 characters). */
export function slugify(text: string): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const w of words) {
    if (slug && slug.length + 1 + w.length > 48) break;
    slug = slug ? `${slug}-${w}` : w.slice(0, 48);
  }
  return slug;
}

/**
 * `<page>-<n>`: the page's name and the figure's place on it. Deterministic, and free of
 * anything the data or the title could put into an address; give a figure that is meant
 * to be embedded an `id` of its own so it keeps its address when figures move.
 */
export function defaultFigureId(pageSlug: string, index: number): string {
  return `${slugify(pageSlug) || "figure"}-${index}`;
}

export interface ValidatedFigure {
  kind: FigureKind;
  spec: Record<string, unknown>;
  parsed: ParsedSpec;
  dataset: Dataset;
  rows: Row[];
  lang: Lang;
  /** Text keys shown in English on a Korean page ("title", "target.label"). */
  fallbacks: Set<string>;
  warnings: Problem[];
}

function failFigure(block: FigureBlock, problems: Problem[]): never {
  throw new ProblemError(problems, `The figure at ${block.file}:${block.fenceLine} cannot be built`);
}

/** Validate a spec completely: YAML, kind, keys and values, datasets and fields, then the data-dependent checks. */
export function validateFigure(block: FigureBlock, store: DatasetStore): ValidatedFigure {
  const { spec, problems } = parseSpecYaml(block.body, block.file, block.fenceLine);
  if (!spec) return failFigure(block, problems);
  return validateSpec(block, spec, store);
}

/** Validate a parsed spec (a figure's, or a scrollytelling step's, whose keys have the step's lines). */
export function validateSpec(block: FigureBlock, written: ParsedSpec, store: DatasetStore): ValidatedFigure {
  const { file } = block;
  const lang = block.lang ?? DEFAULT_LANG;
  const fail = (problems: Problem[]): never => failFigure(block, problems);
  const controls = controlCharsInValues(written.data);
  if (controls.length)
    return fail(
      controls.map(({ key, char }) => ({
        code: "control-character",
        file,
        line: written.lineOf(key),
        field: key,
        message: `an invisible control character, ${controlName(char)}, in "${key}"`,
        hint: CONTROL_CHAR_HINT,
      })),
    );
  // The texts in the page's language (`title_ko` on a Korean page), the `_ko` keys gone.
  const { data: localData, fallbacks, warnings } = localizeSpec(written, lang, file, block.textLang ?? langOfFile(file));
  const spec: ParsedSpec = { ...written, data: localData, get: (path) => written.get(path) };
  const kindName = spec.data.kind;
  const kind = typeof kindName === "string" ? KINDS[kindName] : undefined;
  if (!kind) {
    return fail([
      {
        code: kindName === undefined ? "spec-missing-key" : "spec-unknown-kind",
        file,
        line: spec.lineOf("kind"),
        field: "kind",
        message: kindName === undefined ? '"kind" is required' : `unknown figure kind ${JSON.stringify(kindName)}`,
        hint: `Kinds: ${Object.keys(KINDS).join(", ")}.${
          // Short words are too near too much ("pie" is two letters from "line").
          typeof kindName === "string" && kindName.length >= 4 ? suggest(kindName, Object.keys(KINDS)) : ""
        }`,
      },
    ]);
  }
  const check = new SpecChecker(store, spec, file);
  const info = check.dataset("dataset", kind.datasetKinds);
  for (const ref of kind.fields) {
    // A nested dataset key (e.g. target.dataset) that is left out means the figure's dataset.
    const owner = ref.dataset && check.spec.get(ref.dataset) !== undefined ? check.dataset(ref.dataset) : info;
    if (owner) check.field(owner, ref.key, ref.type);
  }
  const parsed = kind.schema.safeParse(spec.data);
  // A bad dataset or field is the more useful message; don't report the same key twice.
  const seen = new Set(check.problems.map((p) => p.field));
  const fromSchema = parsed.success ? [] : specProblems(parsed.error, spec, file, kind.schema).filter((p) => !seen.has(p.field));
  if (check.problems.length || fromSchema.length) return fail([...check.problems, ...fromSchema]);
  const dataset = store.get(info!.name);
  checkWhere(check, "where", dataset.info, dataset.rows);
  checkWhere(check, "exclude", dataset.info, dataset.rows);
  if (check.problems.length) return fail(check.problems);
  const rows = applyFilters(dataset.rows, parsed.data as CommonSpec);
  if (!rows.length) {
    check.add(
      spec.data.exclude ? "exclude" : "where",
      "spec-no-rows",
      `no row of ${dataset.info.name} is left to draw`,
      "Loosen `where` or `exclude`.",
    );
    return fail(check.problems);
  }
  // Counted before anything is drawn or checked row by row: a table of 200,000 rows would take the build's memory.
  const tooMany = markBudgetProblem({ file, line: spec.lineOf("dataset") ?? block.fenceLine }, dataset, rows);
  if (tooMany) return fail([tooMany]);
  kind.check?.(parsed.data, check, dataset, rows);
  if (check.problems.length) return fail(check.problems);
  return { kind, spec: parsed.data as Record<string, unknown>, parsed: spec, dataset, rows, lang, fallbacks, warnings };
}

/** `caveats: true` shows them all, `false` none, `[1, 3]` the first and third (numbers checked against the list). */
function pickCaveats(all: string[], pick: CommonSpec["caveats"], block: FigureBlock, spec: ParsedSpec): string[] {
  if (pick === true) return all;
  if (pick === false) return [];
  const bad = pick.filter((n) => n > all.length);
  if (bad.length) {
    throw new ProblemError(
      [
        {
          code: "spec-unknown-value",
          file: block.file,
          line: spec.lineOf("caveats"),
          field: "caveats",
          message: `this figure has ${all.length} caveat${all.length === 1 ? "" : "s"}, so there is no number ${bad.join(", ")}`,
          hint: all.length
            ? `The caveats: ${all.map((c, i) => `(${i + 1}) ${c}`).join(" ")}`
            : "Leave `caveats` out: the datasets have none.",
        },
      ],
      `The figure at ${block.file}:${block.fenceLine} cannot be built`,
    );
  }
  return all.filter((_, i) => pick.includes(i + 1));
}

/** The figure's id: its spec's `id`, or `<page>-<n>`. */
export function figureId(block: FigureBlock, spec: Record<string, unknown>): string {
  return (spec as CommonSpec).id ?? defaultFigureId(block.pageSlug, block.index);
}

/** Draw a validated figure's parts; a failure becomes a problem at `line` (default: the block's). */
export function renderParts(
  block: FigureBlock,
  { kind, spec, dataset, rows, lang, fallbacks }: ValidatedFigure,
  store: DatasetStore,
  id: string,
  options: { digits?: number; line?: number } = {},
): FigureParts {
  try {
    // The kind reads the data in the figure's language (Korean labels, units and names).
    return kind.render(spec, {
      store: localStore(store, lang),
      dataset: localizeDataset(dataset, lang),
      id,
      rows: localizeRows(dataset.info, rows, lang),
      lang,
      fallbacks,
      ...(options.digits ? { digits: options.digits } : {}),
    });
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw new ProblemError(
      [
        {
          code: "figure-render",
          file: block.file,
          line: options.line ?? block.fenceLine,
          message: `the ${kind.kind} figure could not be drawn: ${(error as Error).message}`,
          hint: "Check the spec against docs/figures.md; if it looks right, this is a bug in src/figures.",
        },
      ],
      `The figure at ${block.file}:${block.fenceLine} cannot be built`,
    );
  }
}

/** A figure block, rendered; `embeddable: false` for a figure that has no embed page (a district page's own map). */
export function renderFigure(block: FigureBlock, store: DatasetStore, options: { embeddable?: boolean } = {}): RenderedFigure {
  // The dataset and the rows left after `where` and `exclude`, as validation found them.
  const validated = validateFigure(block, store);
  const id = figureId(block, validated.spec);
  const furniture = furnitureOf(block, validated, store, id, renderParts(block, validated, store, id));
  return renderedFigure(block, validated, furniture, figureHtmls({ ...furniture, ...options }));
}

/** Everything around a figure's graphic (sources, downloads, notes and caveats), from its parts; `more` cites what other states draw. */
export function furnitureOf(
  block: FigureBlock,
  { kind, spec, parsed, dataset, lang, fallbacks }: ValidatedFigure,
  store: DatasetStore,
  id: string,
  parts: FigureParts,
  more: Cite[] = [],
): FigureInput {
  const data = spec as CommonSpec;
  const t = FIGURE_STRINGS[lang];
  const sources = citedSources(store, [...parts.cites, ...more])
    .map((s) => store.sources().get(s))
    .filter((s) => s !== undefined);
  const { count } = dataset.info;
  const downloads = [{ label: count === 1 ? t.csvOne : fill(t.csv, { n: count }), href: `/data/${dataset.info.files.csv.path}` }];
  if (dataset.info.files.geojson) downloads.push({ label: t.geojson, href: `/data/${dataset.info.files.geojson.path}` });
  downloads.push(...(parts.downloads ?? []));
  const notes = [
    data.notes ? textIn(data.notes, fallbacks.has("notes")) : undefined,
    ...(parts.autoNotes ?? []),
    ...pickCaveats(citedCaveats(localStore(store, lang), parts.cites), data.caveats, block, parsed),
  ].filter((n): n is string | SafeHtml => !!n);
  return {
    id,
    kind: kind.kind,
    lang,
    fallbacks,
    title: data.title,
    subtitle: data.subtitle,
    notes,
    description: data.description ?? parts.description,
    sources,
    downloads,
    parts,
    cites: [...parts.cites, ...more],
  };
}

/** The rendered figure, from its furniture and HTML. */
export function renderedFigure(
  block: FigureBlock,
  { spec, lang, warnings }: ValidatedFigure,
  furniture: FigureInput,
  htmls: { html: SafeHtml; embedHtml: SafeHtml },
): RenderedFigure {
  const data = spec as CommonSpec;
  const { parts } = furniture;
  return {
    id: furniture.id,
    kind: furniture.kind,
    dataset: data.dataset,
    datasets: [...new Set([data.dataset, ...furniture.cites.map((c) => c.dataset)])],
    title: data.title,
    ...(data.subtitle ? { subtitle: data.subtitle } : {}),
    file: block.file,
    line: block.fenceLine,
    ...htmls,
    graphic: parts.graphic.value,
    ...(parts.map ? { map: parts.map } : {}),
    ...(parts.chart ? { chart: parts.chart } : {}),
    lang,
    warnings,
  };
}
