/**
 * The shape of generated/manifest.json: the contract between the data pipeline
 * (scripts/) and the site (src/). The pipeline writes it; figures read datasets and their
 * fields and sources through it.
 */
export type FieldType = "string" | "integer" | "number" | "date" | "list";

export interface FieldInfo {
  name: string;
  type: FieldType;
  /** Human label in English, used in legends, tables and tooltips. */
  label: string;
  label_ko?: string;
  /** Unit shown after numbers, e.g. "people", "km²", "people per km²". */
  unit?: string;
  /** How the value was made, when it is derived rather than copied from a source. */
  derived?: string;
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

export interface DatasetInfo {
  name: string;
  title: string;
  description: string;
  /** "polygons" and "points" datasets have GeoJSON; "table" datasets have CSV only. */
  kind: "polygons" | "points" | "table";
  /** Field that identifies a row (unique). */
  key: string;
  /** Field with the row's display name, for tables and tooltips. */
  label_field: string;
  fields: FieldInfo[];
  count: number;
  rows_rejected: number;
  /** Share of points matched to a district, for point datasets; null otherwise. */
  join_coverage: number | null;
  sources: string[];
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
