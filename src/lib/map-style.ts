/**
 * The MapLibre style of a map figure, built from the same scales and colours as its SVG
 * (classify.ts). Self-contained: GeoJSON from this site, fonts from this site through the
 * style's `font-faces` (no glyph server, no tiles, no sprites).
 */
import type { ClassedScale } from "./classify.ts";

/** A font file for MapLibre's `font-faces`, with the characters it holds as a unicode-range list. */
export interface MapFontFace {
  url: string;
  "unicode-range": string[];
}

/** Points of a dataset drawn over a choropleth: its GeoJSON (same origin), its key, the keys drawn, their colour. */
export interface MapOverlay {
  data: string;
  key: string;
  keys: string[];
  color: string;
}

interface MapConfigBase {
  /** [west, south, east, north] the camera starts at (and the reset button returns to). */
  bounds: [number, number, number, number];
  /** [west, south, east, north] of all of Seoul (the whole boundary layer): the camera stays within them. */
  limits: [number, number, number, number];
  /**
   * Label font: URL of the Latin woff2 file; `faces`, every file of the page's edition with the
   * characters each holds (added in the browser from /assets/fonts/fonts.json, src/assets/map.ts),
   * so that Hangul labels are drawn in the site's typeface, not in whatever the machine has.
   */
  fonts: { regular: string; faces?: MapFontFace[] };
  /** The page's language: a Korean page labels in Korean alone (`name_ko`); English when absent. */
  lang?: "ko";
}

/** One keyboard stop: a feature, its tooltip text and where the tooltip points. */
export interface MapStop {
  key: string;
  name: string;
  value: string;
  at: [number, number];
  /** The page a click or Enter on the feature opens (district maps). */
  href?: string;
}

export interface ChoroplethMapConfig extends MapConfigBase {
  type: "choropleth";
  /** URL of the polygons (same origin). */
  data: string;
  /** Feature property that identifies a feature (unique). */
  key: string;
  /** Feature property holding the value. */
  field: string;
  scale: ClassedScale;
  /** Values joined from a table, by feature key: the browser writes them into `field`. */
  values?: Record<string, number | null>;
  /** Only these features are drawn (a `where` filter), by key. */
  keys?: string[];
  /** URL of polygons drawn as outlines on top (e.g. the gu over a dong map). */
  outline?: string;
  /** Layers of points drawn over the areas (a spec's `points:`), as the SVG draws them. */
  overlays?: MapOverlay[];
  /** Name labels: the Korean and English name at each stop's point. */
  labels: boolean;
  /** Keyboard order (the SVG's order). */
  order: (MapStop & { name_ko: string; name_en: string })[];
}

export interface PointsMapConfig extends MapConfigBase {
  type: "points";
  /** URL of the points (same origin). */
  data: string;
  key: string;
  /** URL of the polygons under the points, their key, and the one to highlight. */
  basemap: string;
  basemapKey: string;
  highlight?: string;
  /** Feature property holding the category, and each category's colour. */
  category?: string;
  colors: [string, string][];
  cluster: boolean;
  labels: boolean;
  /** Feature properties with the English and Korean label. */
  labelField: string;
  labelKoField?: string;
  order: MapStop[];
}

export type MapFigureConfig = ChoroplethMapConfig | PointsMapConfig;

export interface StyleColors {
  background: string;
  land: string;
  line: string;
  lineStrong: string;
  highlight: string;
  text: string;
  halo: string;
}

export const LIGHT: StyleColors = {
  background: "#ffffff",
  land: "#eceef1",
  line: "#ffffff",
  lineStrong: "#111111",
  highlight: "#f6d7c3",
  text: "#1a1a1a",
  halo: "#ffffff",
};
export const DARK: StyleColors = {
  background: "#15171a",
  land: "#2a2e34",
  line: "#15171a",
  lineStrong: "#f2f2f2",
  highlight: "#6b3a1f",
  text: "#f2f2f2",
  halo: "#15171a",
};

/** Default colour of points without a category; the SVG uses the same. */
export const POINT_COLOR = "#0072B2";
/** Name of the hatch image MapLibre draws missing values with (map.ts adds it). */
export const NODATA_PATTERN = "atlas-nodata";
export const FONT_NAME = "Atlas Sans";

/** MapLibre expression giving each feature the colour `colorFor` gives it. */
export function fillColorExpression(field: string, scale: ClassedScale): unknown[] {
  const step: unknown[] = ["step", ["to-number", ["get", field]], scale.colors[0]];
  for (const [i, t] of scale.thresholds.entries()) step.push(t, scale.colors[i + 1]);
  return ["case", ["==", ["typeof", ["get", field]], "number"], step, scale.noData];
}

/** MapLibre expression giving each point its category's colour (the SVG's fill). */
export function categoryColorExpression(field: string | undefined, colors: [string, string][]): unknown {
  if (!field || !colors.length) return POINT_COLOR;
  return ["match", ["to-string", ["get", field]], ...colors.flat(), POINT_COLOR];
}

const missing = (field: string) => ["!=", ["typeof", ["get", field]], "number"];

/**
 * A two-line name label: English, then Korean a little smaller; on a Korean page the Korean
 * name alone (the English one where the data has no Korean name).
 */
function nameLabel(en: unknown, ko: unknown, colors: StyleColors, extra: Record<string, unknown> = {}, lang?: "ko") {
  return {
    layout: {
      "text-field": lang === "ko" ? (ko === "" ? en : ["coalesce", ko, en]) : ["format", en, {}, "\n", {}, ko, { "font-scale": 0.85 }],
      "text-font": [FONT_NAME],
      "text-size": ["interpolate", ["linear"], ["zoom"], 9, 10, 13, 14],
      "text-max-width": 9,
      "text-padding": 2,
      ...extra,
    },
    paint: { "text-color": colors.text, "text-halo-color": colors.halo, "text-halo-width": 1.5 },
  };
}

export function buildMapStyle(config: MapFigureConfig, colors: StyleColors) {
  return config.type === "choropleth" ? choroplethStyle(config, colors) : pointsStyle(config, colors);
}

function choroplethStyle(config: ChoroplethMapConfig, colors: StyleColors) {
  const filter = config.keys ? { filter: ["in", ["to-string", ["get", config.key]], ["literal", config.keys]] } : {};
  const labels = labelFeatures(config);
  return {
    version: 8 as const,
    "font-faces": { [FONT_NAME]: config.fonts.faces ?? [{ url: config.fonts.regular }] },
    sources: {
      areas: { type: "geojson" as const, data: config.data as string | GeoJSON.FeatureCollection, promoteId: config.key },
      labels: { type: "geojson" as const, data: labels },
      ...(config.outline ? { outline: { type: "geojson" as const, data: config.outline } } : {}),
      ...Object.fromEntries((config.overlays ?? []).map((o, i) => [`overlay-${i}`, { type: "geojson" as const, data: o.data }])),
    },
    layers: [
      { id: "background", type: "background" as const, paint: { "background-color": colors.background } },
      {
        id: "fill",
        type: "fill" as const,
        source: "areas",
        ...filter,
        // A scrollytelling step fades the areas it does not highlight (feature state "dim").
        paint: {
          "fill-color": fillColorExpression(config.field, config.scale),
          "fill-opacity": ["case", ["boolean", ["feature-state", "dim"], false], 0.25, 1],
        },
      },
      {
        id: "nodata",
        type: "fill" as const,
        source: "areas",
        filter: config.keys ? ["all", filter.filter, missing(config.field)] : missing(config.field),
        paint: { "fill-pattern": NODATA_PATTERN },
      },
      { id: "outline", type: "line" as const, source: "areas", ...filter, paint: { "line-color": colors.line, "line-width": 1 } },
      ...(config.outline
        ? [
            {
              id: "outline-strong",
              type: "line" as const,
              source: "outline",
              paint: { "line-color": colors.lineStrong, "line-width": 1.5 },
            },
          ]
        : []),
      {
        id: "active",
        type: "line" as const,
        source: "areas",
        paint: {
          "line-color": colors.lineStrong,
          "line-width": [
            "case",
            ["boolean", ["feature-state", "active"], false],
            3,
            ["boolean", ["feature-state", "highlighted"], false],
            2,
            0,
          ],
        },
      },
      ...(config.overlays ?? []).map((o, i) => ({
        id: `overlay-${i}`,
        type: "circle" as const,
        source: `overlay-${i}`,
        filter: ["in", ["to-string", ["get", o.key]], ["literal", o.keys]],
        paint: { "circle-radius": 5, "circle-color": o.color, "circle-stroke-color": colors.halo, "circle-stroke-width": 1.5 },
      })),
      ...(config.labels
        ? [
            {
              id: "labels",
              type: "symbol" as const,
              source: "labels",
              ...nameLabel(["get", "name_en"], ["get", "name_ko"], colors, {}, config.lang),
            },
          ]
        : []),
    ],
  };
}

function pointsStyle(config: PointsMapConfig, colors: StyleColors) {
  const highlight = config.highlight ?? "";
  const color = categoryColorExpression(config.category, config.colors);
  const clustered = ["has", "point_count"];
  const label = config.labelKoField ? ["get", config.labelKoField] : "";
  return {
    version: 8 as const,
    "font-faces": { [FONT_NAME]: config.fonts.faces ?? [{ url: config.fonts.regular }] },
    sources: {
      basemap: { type: "geojson" as const, data: config.basemap, promoteId: config.basemapKey },
      points: {
        type: "geojson" as const,
        data: config.data,
        ...(config.cluster ? { cluster: true, clusterRadius: 40, clusterMaxZoom: 15 } : { promoteId: config.key }),
      },
      active: { type: "geojson" as const, data: { type: "FeatureCollection" as const, features: [] } },
    },
    layers: [
      { id: "background", type: "background" as const, paint: { "background-color": colors.background } },
      {
        id: "basemap-fill",
        type: "fill" as const,
        source: "basemap",
        paint: { "fill-color": ["case", ["==", ["to-string", ["get", config.basemapKey]], highlight], colors.highlight, colors.land] },
      },
      { id: "basemap-line", type: "line" as const, source: "basemap", paint: { "line-color": colors.background, "line-width": 1 } },
      {
        id: "basemap-highlight",
        type: "line" as const,
        source: "basemap",
        filter: ["==", ["to-string", ["get", config.basemapKey]], highlight],
        paint: { "line-color": colors.lineStrong, "line-width": 1.5 },
      },
      ...(config.labels
        ? [
            {
              id: "labels",
              type: "symbol" as const,
              source: "points",
              filter: ["!", clustered],
              ...nameLabel(
                ["get", config.labelField],
                label,
                colors,
                {
                  "text-variable-anchor": ["left", "right", "top", "bottom"],
                  "text-radial-offset": 0.8,
                  "text-justify": "auto",
                },
                config.lang,
              ),
            },
          ]
        : []),
      // Points above the labels too: a long label may run under a point, never hide one.
      {
        id: "points",
        type: "circle" as const,
        source: "points",
        filter: ["!", clustered],
        paint: { "circle-color": color, "circle-radius": 6, "circle-stroke-color": colors.background, "circle-stroke-width": 1.5 },
      },
      // Clusters above the labels: a label may slide under a cluster, never hide it.
      ...(config.cluster
        ? [
            {
              id: "clusters",
              type: "circle" as const,
              source: "points",
              filter: clustered,
              paint: {
                "circle-color": colors.text,
                "circle-radius": ["interpolate", ["linear"], ["get", "point_count"], 2, 11, 50, 20],
                "circle-stroke-color": colors.background,
                "circle-stroke-width": 1.5,
              },
            },
            {
              id: "cluster-count",
              type: "symbol" as const,
              source: "points",
              filter: clustered,
              layout: { "text-field": ["to-string", ["get", "point_count"]], "text-font": [FONT_NAME], "text-size": 12 },
              paint: { "text-color": colors.background },
            },
          ]
        : []),
      {
        id: "active",
        type: "circle" as const,
        source: "active",
        paint: { "circle-color": color, "circle-radius": 8, "circle-stroke-color": colors.lineStrong, "circle-stroke-width": 3 },
      },
    ],
  };
}

/** Point features at each area's label point, carrying the names for the symbol layer. */
export function labelFeatures(config: ChoroplethMapConfig): GeoJSON.FeatureCollection {
  return {
    type: "FeatureCollection",
    features: config.order.map((o) => ({
      type: "Feature",
      properties: { key: o.key, name_ko: o.name_ko, name_en: o.name_en },
      geometry: { type: "Point", coordinates: o.at },
    })),
  };
}
