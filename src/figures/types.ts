import type { z } from "zod";
import type { ChartModel } from "../lib/charts/render.ts";
import type { SafeHtml } from "../lib/html.ts";
import type { Lang } from "../lib/i18n/index.ts";
import type { DatasetInfo, FieldInfo } from "../lib/manifest.ts";
import type { MapFigureConfig } from "../lib/map-style.ts";
import type { Cite } from "./citations.ts";
import type { Dataset, DatasetStore, Row } from "./datasets.ts";
import type { FieldKind, SpecChecker } from "./spec.ts";

export interface FigureContext {
  store: DatasetStore;
  dataset: Dataset;
  /** The dataset's rows that the spec's `where` keeps and its `exclude` does not drop. */
  rows: Row[];
  /** Unique id of the figure on the site (also its embed path). */
  id: string;
  /** The language of the page: labels, units, names and numbers the figure writes. */
  lang: Lang;
  /** Spec texts shown in English on a Korean page ("target.label"): marked `lang="en"` where drawn. */
  fallbacks?: ReadonlySet<string>;
  /** Decimals of map paths (default 0): more for maps a scrollytelling step zooms into. */
  digits?: number;
}

export interface FigureParts {
  /** The SVG (complete at build time). */
  graphic: SafeHtml;
  legend?: SafeHtml;
  /** Columns and rows of the data table, in the figure's order. */
  table: { columns: FieldInfo[]; rows: Row[] };
  /** Generated accessible description (the spec's `description` overrides it). */
  description: string;
  /** Extra attributes for the graphic's container: the chart model. */
  graphicAttrs?: Record<string, string>;
  /**
   * The interactive map's configuration (maps only). It is not in the page: it goes to its
   * own file (src/figures/map-files.ts), fetched when the reader asks for the map.
   */
  map?: MapFigureConfig;
  /** A chart's model (charts only). */
  chart?: ChartModel;
  /** What a map or chart shows beyond its data, in words: for the states of a scrollytelling figure. */
  view?: FigureView;
  /** Notes the figure adds itself, e.g. rows that could not be drawn. */
  autoNotes?: string[];
  /** What the figure draws, from which datasets: the source line and the caveats come from it. */
  cites: Cite[];
  /** More files to offer under "Get the data" (e.g. the boundaries of a map). */
  downloads?: { label: string; href: string }[];
}

export interface FigureView {
  /** The label of the field shown. */
  field: string;
  /** Names of the highlighted areas or rows. */
  highlighted: string[];
  /** The area zoomed to ("" for a box); absent when not zoomed. */
  zoom?: string;
  /** The title of a layer of points drawn on top. */
  layer?: string;
}

export interface FieldRef {
  /** Spec key (or path, e.g. "target.y") whose value names a field. */
  key: string;
  /** What the field must hold. */
  type?: FieldKind;
  /** Key naming the dataset the field belongs to (default "dataset"). */
  dataset?: string;
}

export interface FigureKind<S extends z.ZodType = z.ZodType> {
  kind: string;
  /** Strict schema of the whole spec (common keys included). */
  schema: S;
  /** Kinds of dataset the figure can draw. */
  datasetKinds?: DatasetInfo["kind"][];
  fields: FieldRef[];
  /** True when the browser may turn the figure into a MapLibre map. */
  map?: boolean;
  /** Checks that need the data (keys to highlight, values of filters, …), run when the spec is well formed. */
  check?(spec: z.output<S>, check: SpecChecker, dataset: Dataset, rows: Row[]): void;
  render(spec: z.output<S>, ctx: FigureContext): FigureParts;
}
