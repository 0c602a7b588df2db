/**
 * From a ```figure block to HTML: parse the YAML, validate it against its kind and the
 * datasets, render the kind, wrap it in the furniture. Any mistake throws a ProblemError
 * that names the story file and line.
 */
import { type Problem, ProblemError } from "../../scripts/lib/problems.ts";
import type { SafeHtml } from "../lib/html.ts";
import type { DatasetStore } from "./datasets.ts";
import { figureHtml } from "./furniture.ts";
import { KINDS } from "./registry.ts";
import { checkFields, parseSpecYaml, specProblems } from "./spec.ts";

export interface FigureBlock {
  /** YAML between the fences. */
  body: string;
  /** Story file, relative to the project root. */
  file: string;
  /** 1-based line of the opening ``` in the story file. */
  fenceLine: number;
  /** Used for ids: figures are `<pageSlug>-<n>` unless the spec sets `id`. */
  pageSlug: string;
  index: number;
}

export interface RenderedFigure {
  id: string;
  kind: string;
  dataset: string;
  title: string;
  html: SafeHtml;
}

export function renderFigure(block: FigureBlock, store: DatasetStore): RenderedFigure {
  const { file } = block;
  const fail = (problems: Problem[]): never => {
    throw new ProblemError(problems, `The figure at ${file}:${block.fenceLine} cannot be built`);
  };
  const { spec, problems } = parseSpecYaml(block.body, file, block.fenceLine);
  if (!spec) return fail(problems);
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
        hint: `Kinds: ${Object.keys(KINDS).join(", ")}.`,
      },
    ]);
  }
  const allowedKeys = Object.keys((kind.schema as unknown as { shape: Record<string, unknown> }).shape);
  const parsed = kind.schema.safeParse(spec.data);
  const fieldProblems = typeof spec.data.dataset === "string" ? checkFields(store, spec, file, kind.fields) : [];
  if (!parsed.success || fieldProblems.length) {
    const fromSchema = parsed.success ? [] : specProblems(parsed.error, spec, file, allowedKeys);
    // A bad dataset or field is the more useful message; don't repeat the key twice.
    const keys = new Set(fieldProblems.map((p) => p.field));
    fail([...fieldProblems, ...fromSchema.filter((p) => !keys.has(p.field))]);
  }
  const data = parsed.data as { id?: string; dataset: string; title: string; subtitle?: string; notes?: string; description?: string };
  const id = data.id ?? `${block.pageSlug}-${block.index}`;
  const dataset = store.get(data.dataset);
  const parts = kind.render(parsed.data, { store, dataset, id });
  const sources = dataset.info.sources.map((s) => store.sources().get(s)).filter((s) => s !== undefined);
  const downloads = [{ label: `CSV (${dataset.info.count} rows)`, href: `/data/${dataset.info.files.csv.path}` }];
  if (dataset.info.files.geojson) downloads.push({ label: "GeoJSON", href: `/data/${dataset.info.files.geojson.path}` });
  const html = figureHtml({
    id,
    kind: kind.kind,
    title: data.title,
    subtitle: data.subtitle,
    notes: data.notes,
    description: data.description ?? parts.description,
    sources,
    downloads,
    parts,
  });
  return { id, kind: kind.kind, dataset: data.dataset, title: data.title, html };
}
