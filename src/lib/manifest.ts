/**
 * The shape of generated/manifest.json: the contract between the data pipeline
 * (scripts/) and the site (src/). The pipeline writes it; figures read datasets and their
 * fields and sources through it.
 */
/**
 * "date" values are ISO dates at the precision the source gives (YYYY, YYYY-MM or
 * YYYY-MM-DD); "list" values are ";"-separated in CSV and arrays in GeoJSON; "boolean"
 * values are "true" or "false"; "year" values are calendar years (2005), numbers on a time
 * axis but never quantities: they are printed without a thousands separator. An empty CSV
 * cell is a missing value, never zero.
 */
export type FieldType = "string" | "integer" | "number" | "year" | "date" | "list" | "boolean";

export interface FieldInfo {
  name: string;
  type: FieldType;
  /** Human label in English, used in legends, tables and tooltips (the descriptor's `title`). */
  label: string;
  /** The label in Korean (the descriptor's `title_ko`; every descriptor field has one). */
  label_ko?: string;
  /** Unit shown after numbers, e.g. "people", "km²", "people per km²". */
  unit?: string;
  /** The unit in Korean, where it is written differently ("명" for people). */
  unit_ko?: string;
  /** How the value was made, when it is derived rather than copied from a source. */
  derived?: string;
  /** The same in Korean, for the Korean edition's data pages. */
  derived_ko?: string;
  /** What the column holds, when the label alone does not say it (caveats included). */
  description?: string;
  /** The description in Korean. */
  description_ko?: string;
  /**
   * The field holding this field's text in Korean (`metric` → `metric_ko`, `name_en` →
   * `name_ko`): the Korean edition shows that column where the English one shows this one.
   */
  ko_field?: string;
  /**
   * Sources of this column when they are narrower than the dataset's, e.g. the gu-office
   * coordinates of `districts` come from third-party geocodes while the population comes
   * from the census. A figure that shows only some fields can cite only their sources.
   */
  sources?: string[];
  /** Allowed values, for enumerations (e.g. status: open | planned). */
  values?: string[];
  /** How to name each value of an enumeration in each edition ("planned" → "계획"). */
  categories?: { value: string; label: string; label_ko: string }[];
}

/** Text of a dataset missing in one edition, where to write it and how. */
export interface TranslationGap {
  /** The CSV or descriptor, relative to the project root. */
  file: string;
  line?: number;
  /** The column or key to fill. */
  field: string;
  /** The edition that lacks the text. */
  missing: "ko" | "en";
  message: string;
  hint: string;
}

export interface OutputFile {
  /** Path relative to generated/, also the path under /data/ on the site. */
  path: string;
  sha256: string;
  bytes: number;
  /** Features (GeoJSON) or rows (CSV). */
  count: number;
  sources: string[];
}

/** A licence of a dataset, as Frictionless data packages name it. */
export interface Licence {
  name: string;
  title: string;
  /** The title a Korean page prints (the descriptor's `title_ko`). */
  title_ko?: string;
  path?: string;
}

export interface DatasetInfo {
  name: string;
  title: string;
  /** Title and description in Korean (every descriptor has them), for the Korean edition. */
  title_ko?: string;
  description: string;
  description_ko?: string;
  /** "polygons" and "points" datasets have GeoJSON; "table" datasets have CSV only. */
  kind: "polygons" | "points" | "table";
  /** Field that identifies a row (unique). */
  key: string;
  /** Field with the row's display name, for tables and tooltips. */
  label_field: string;
  /** The field with the row's display name in Korean (`name_ko`, `label_ko`), where the dataset has one. */
  label_field_ko?: string;
  fields: FieldInfo[];
  count: number;
  rows_rejected: number;
  /** Share of points (with coordinates) matched to a district, for point datasets; null otherwise. */
  join_coverage: number | null;
  sources: string[];
  /** Caveats a figure built on this dataset should show (unit doubts, third-party geocodes, …). */
  notes?: string[];
  /** The same caveats in Korean, one for one. */
  notes_ko?: string[];
  /**
   * Text that one edition lacks (scripts/lib/datasets/korean.ts): a row's English cell with
   * its Korean twin empty or the other way round, a unit without `unit_ko`, notes without
   * `notes_ko`. The build report lists them; the site falls back to the other language.
   */
  translation_gaps?: TranslationGap[];
  /** When the data is of, where no column dates the rows: a date or an ISO interval ("2005/2020"). */
  period?: string;
  /** Licences of the dataset (the sources keep their own; see sources.json). */
  licenses?: Licence[];
  /** The dataset's descriptor in data/ (`<name>.resource.yaml`). */
  descriptor?: string;
  /** Data rows read from the input (count = rows kept). */
  rows_read?: number;
  /**
   * Points datasets: rows kept in the CSV (and in tables) but absent from the GeoJSON because
   * no source gives their coordinates.
   */
  rows_without_geometry?: number;
  /** Points datasets: how many points the spatial join placed in a gu and in a dong. */
  join?: { points: number; matched_gu: number; matched_dong: number };
  /** The input file(s) in data/ the dataset is built from. */
  inputs?: string[];
  /**
   * sha256 over the dataset's inputs (its files in data/, the sources, the boundary lock and
   * the pipeline's code): while it is unchanged, `npm run data` keeps the dataset's files.
   */
  inputs_sha256?: string;
  files: { csv: OutputFile; geojson?: OutputFile };
  /** Stories (URLs) whose figures use this dataset: filled in when the site is built. */
  used_by?: string[];
}

export interface Manifest {
  schema: 1;
  /** sha256 over every input of the pipeline: when unchanged, `npm run data` has nothing to do. */
  inputs_sha256: string;
  datasets: Record<string, DatasetInfo>;
  outputs: OutputFile[];
}
