/**
 * A figure in the page's language. Two halves:
 *
 * - The spec's own text: `title`, `subtitle`, `notes`, `description`, a line chart's
 *   `target.label` and `annotations[].text`, a progress bar's `label` and `target_label`
 *   each have a Korean twin with `_ko` (`title_ko`, `target: { label_ko }`). A Korean page
 *   shows the twin; where the spec has none it shows the English text marked `lang="en"`
 *   and the build warns, naming the spec's file and line.
 * - The data: a Korean figure reads its datasets through `localStore`, where field labels
 *   and units are the descriptors' `title_ko`/`unit_ko`, the caveats `notes_ko`, and a text
 *   column with a Korean twin (`name_en` → `name_ko`, `metric` → `metric_ko`) holds the
 *   twin's value (the English one where the twin is empty), an enumeration's value its Korean
 *   name (the descriptor's `categories`). An English figure reads an enumeration's value by
 *   its English name there (`actual` → "reported"). Filters (`where`) still match the values
 *   as the data writes them: `originalRow` gives them back.
 */
import type { Problem } from "../../scripts/lib/problems.ts";
import { keepUnits } from "../lib/format.ts";
import { escapeHtml, raw, type SafeHtml } from "../lib/html.ts";
import type { Lang } from "../lib/i18n/index.ts";
import type { DatasetInfo, FieldInfo } from "../lib/manifest.ts";
import type { Dataset, DatasetStore, Row } from "./datasets.ts";
import { type ParsedSpec, pathName } from "./spec.ts";

/** Keys that are texts only for some kinds (elsewhere `label` names a field). */
const KIND_TEXT: Record<string, string[]> = { progress: ["label", "target_label"], line: ["target.label", "annotations.*.text"] };
const COMMON_TEXT = ["title", "subtitle", "notes", "description"];

/** "title" → "title_ko"; ["target", "label"] → ["target", "label_ko"]. */
export function koPath(path: (string | number)[]): (string | number)[] {
  return [...path.slice(0, -1), `${path[path.length - 1]}_ko`];
}

/** The text keys of a kind, with list items expanded for this spec's data. */
function textPaths(kind: string, data: Record<string, unknown>): (string | number)[][] {
  const names = [...COMMON_TEXT, ...(KIND_TEXT[kind] ?? [])];
  const out: (string | number)[][] = [];
  for (const name of names) {
    const parts = name.split(".");
    const star = parts.indexOf("*");
    if (star < 0) {
      out.push(parts);
      continue;
    }
    const list = getPath(data, parts.slice(0, star));
    if (Array.isArray(list)) for (let i = 0; i < list.length; i++) out.push([...parts.slice(0, star), i, ...parts.slice(star + 1)]);
  }
  return out;
}

function getPath(data: unknown, path: (string | number)[]): unknown {
  let v = data;
  for (const seg of path) v = v && typeof v === "object" ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

function setPath(data: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let v: Record<string | number, unknown> = data;
  for (const seg of path.slice(0, -1)) v = v[seg] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete v[last];
  else v[last] = value;
}

/** What localising a spec found: the spec's text keys left in English on a Korean page. */
export interface SpecLanguage {
  /** The spec's data with each text in the page's language and the `_ko` keys gone. */
  data: Record<string, unknown>;
  /** Paths ("title", "target.label") shown in English on a Korean page. */
  fallbacks: Set<string>;
  warnings: Problem[];
}

/**
 * The spec as a page in `lang` shows it. `_ko` keys are texts of the Korean edition: the
 * kinds' schemas never see them (a points map's `label_ko` is a field, and stays).
 * `textLang` is the language the spec's plain keys are written in: English, except for a
 * spec on a Korean page (or one a Korean page generates), whose `title` is Korean already.
 */
export function localizeSpec(spec: ParsedSpec, lang: Lang, file: string, textLang: Lang = "en"): SpecLanguage {
  const kind = typeof spec.data.kind === "string" ? spec.data.kind : "";
  const data = structuredClone(spec.data);
  const fallbacks = new Set<string>();
  const warnings: Problem[] = [];
  const paths = textPaths(kind, data);
  if (lang === "ko") {
    for (const path of paths) {
      const en = getPath(data, path);
      const ko = getPath(data, koPath(path));
      if (typeof ko === "string" && ko.trim()) setPath(data, path, ko);
      // A spec written in Korean (on a page of the Korean edition) has its texts in the plain keys.
      else if (textLang !== "ko" && typeof en === "string" && en.trim()) {
        fallbacks.add(pathName(path));
        const key = pathName(koPath(path));
        warnings.push({
          code: "figure-missing-korean",
          file,
          line: spec.lineOf(path),
          field: key,
          message: `the figure's ${pathName(path)} has no Korean text: the Korean edition shows the English one`,
          hint: `Add \`${String(koPath(path)[koPath(path).length - 1])}: …\` beside \`${String(path[path.length - 1])}:\` with the text in Korean (docs/figures.md, "In Korean").`,
        });
      }
    }
  }
  for (const path of paths) {
    const ko = koPath(path);
    // Only the twins of text keys are dropped: a points map's `label_ko` names a field.
    if (getPath(data, ko) !== undefined && !(kind === "points" && pathName(ko) === "label_ko")) setPath(data, ko, undefined);
  }
  return { data, fallbacks, warnings };
}

/** A text of the figure, marked `lang="en"` when the Korean page shows it in English. */
export function textIn(text: string, fallback: boolean): SafeHtml {
  const escaped = escapeHtml(keepUnits(text));
  return fallback ? raw(`<span lang="en">${escaped}</span>`) : raw(escaped);
}

const ORIGINAL = new WeakMap<Row, Row>();

/** The row as the data gives it (English), for matching `where` values. */
export function originalRow(row: Row): Row {
  return ORIGINAL.get(row) ?? row;
}

const infos = new WeakMap<DatasetInfo, DatasetInfo>();
/** Datasets as each language reads them. */
const datasets: Record<Lang, WeakMap<Dataset, Dataset>> = { en: new WeakMap(), ko: new WeakMap() };

/** A dataset's description in Korean: labels, units, caveats; the Korean twin columns take the English ones' place. */
export function localizeInfo(info: DatasetInfo, lang: Lang): DatasetInfo {
  if (lang === "en") return info;
  let out = infos.get(info);
  if (out) return out;
  const byName = new Map(info.fields.map((f) => [f.name, f]));
  const twins = new Set(info.fields.flatMap((f) => (f.ko_field && f.name !== info.key ? [f.ko_field] : [])));
  const fields: FieldInfo[] = info.fields
    .filter((f) => !twins.has(f.name))
    .map((f) => {
      // A column shown through its twin is labelled as the twin is (`name_en`, "English name", shows `name_ko`, "이름").
      const twin = f.ko_field && f.name !== info.key ? byName.get(f.ko_field) : undefined;
      const label = twin?.label_ko ?? f.label_ko ?? f.label;
      const unit = f.unit_ko ?? f.unit;
      const description = f.description_ko ?? f.description;
      return { ...f, label, ...(unit ? { unit } : {}), ...(description ? { description } : {}) };
    });
  out = {
    ...info,
    title: info.title_ko ?? info.title,
    description: info.description_ko ?? info.description,
    fields,
    ...(info.notes ? { notes: info.notes.map((n, i) => info.notes_ko?.[i] || n) } : {}),
  };
  infos.set(info, out);
  return out;
}

/** Fields whose categories the descriptor names otherwise in English ("actual" → "reported"). */
const renamed = new WeakMap<DatasetInfo, FieldInfo[]>();
function renamedFields(info: DatasetInfo): FieldInfo[] {
  let fields = renamed.get(info);
  if (!fields) {
    fields = info.fields.filter((f) => f.name !== info.key && f.categories?.some((c) => c.label !== c.value));
    renamed.set(info, fields);
  }
  return fields;
}

/** A row in English: an enumeration's value by the descriptor's English name for it. */
function englishRow(fields: FieldInfo[], row: Row): Row {
  const out: Row = { ...row };
  for (const f of fields) if (typeof row[f.name] === "string") out[f.name] = categoryLabel(f, row[f.name] as string, "en");
  ORIGINAL.set(out, originalRow(row));
  return out;
}

/**
 * A row with each text column's Korean twin in its place (the English value where the twin
 * is empty); in either language an enumeration's value by the descriptor's name for it.
 */
export function localizeRow(info: DatasetInfo, row: Row, lang: Lang): Row {
  if (lang === "en") {
    const fields = renamedFields(info);
    return fields.length ? englishRow(fields, row) : row;
  }
  const out: Row = { ...row };
  for (const f of info.fields) {
    if (f.name === info.key) continue;
    if (f.ko_field) {
      const ko = row[f.ko_field];
      if (ko !== null && ko !== undefined && ko !== "") out[f.name] = ko;
    } else if (f.categories && typeof row[f.name] === "string") {
      // An enumeration's value by its Korean name ("planned" → "계획").
      out[f.name] = categoryLabel(f, row[f.name] as string, lang);
    }
  }
  ORIGINAL.set(out, originalRow(row));
  return out;
}

export function localizeRows(info: DatasetInfo, rows: Row[], lang: Lang): Row[] {
  return lang === "en" && !renamedFields(info).length ? rows : rows.map((r) => localizeRow(info, r, lang));
}

/** A dataset in `lang`: its description, and its rows with the Korean twins in place. */
export function localizeDataset(dataset: Dataset, lang: Lang): Dataset {
  if (lang === "en" && !renamedFields(dataset.info).length) return dataset;
  let out = datasets[lang].get(dataset);
  if (!out) {
    out = { ...dataset, info: localizeInfo(dataset.info, lang), rows: localizeRows(dataset.info, dataset.rows, lang) };
    datasets[lang].set(dataset, out);
  }
  return out;
}

const stores = new WeakMap<DatasetStore, DatasetStore>();

/** The store as a figure in `lang` reads it (the same files; Korean descriptions and rows). */
export function localStore(store: DatasetStore, lang: Lang): DatasetStore {
  if (lang === "en") return store;
  let out = stores.get(store);
  if (!out) {
    const local: DatasetStore = Object.create(store);
    local.info = (name: string) => {
      const info = store.info(name);
      return info && localizeInfo(info, lang);
    };
    local.get = (name: string) => localizeDataset(store.get(name), lang);
    stores.set(store, local);
    out = local;
  }
  return out;
}

/** A category's name in `lang` ("planned" → "예정"), where the descriptor names it. */
export function categoryLabel(field: FieldInfo, value: string, lang: Lang): string {
  const c = field.categories?.find((x) => x.value === value);
  return c ? (lang === "ko" ? c.label_ko : c.label) : value;
}
