import type { z } from "zod";
import type { SafeHtml } from "../lib/html.ts";
import type { FieldInfo } from "../lib/manifest.ts";
import type { Dataset, DatasetStore, Row } from "./datasets.ts";

export interface FigureContext {
  store: DatasetStore;
  dataset: Dataset;
  /** Unique id of the figure on the site (also its embed path). */
  id: string;
}

export interface TableColumn {
  field: FieldInfo;
}

export interface FigureParts {
  /** The SVG (complete at build time). */
  graphic: SafeHtml;
  legend?: SafeHtml;
  /** Columns and rows of the data table, in the figure's order. */
  table: { columns: FieldInfo[]; rows: Row[] };
  /** Generated accessible description (the spec's `description` overrides it). */
  description: string;
  /** Extra attributes for the graphic's container, e.g. the map configuration. */
  graphicAttrs?: Record<string, string>;
}

export interface FieldRef {
  /** Spec key whose value names a dataset field. */
  key: string;
  numeric?: boolean;
  kinds?: ("polygons" | "points" | "table")[];
}

export interface FigureKind<S extends z.ZodType = z.ZodType> {
  kind: string;
  /** Strict schema of the whole spec (common keys included). */
  schema: S;
  fields: FieldRef[];
  /** True when the browser may turn the figure into a MapLibre map. */
  map?: boolean;
  render(spec: z.output<S>, ctx: FigureContext): FigureParts;
}
