/**
 * The MapLibre style of a map figure, built from the same ClassedScale as its SVG.
 * Self-contained: one GeoJSON source from this site, fonts from this site through the
 * style's `font-faces` (no glyph server, no tiles, no sprites).
 */
import type { ClassedScale } from "./classify.ts";

export interface MapFigureConfig {
  /** URL of the GeoJSON (same origin). */
  data: string;
  /** Feature property holding the value. */
  field: string;
  /** Feature property that identifies a feature (unique). */
  key: string;
  label: string;
  unit?: string;
  digits?: number;
  scale: ClassedScale;
  /** [west, south, east, north] the camera starts at and cannot leave (with some margin). */
  bounds: [number, number, number, number];
  /** Label font: URLs of the woff2 files by family name. */
  fonts: { regular: string };
  /** Feature keys in the keyboard order (the SVG's order), with their label points. */
  order: { key: string; name: string; name_ko: string; label: [number, number] }[];
}

export interface StyleColors {
  background: string;
  line: string;
  lineStrong: string;
  text: string;
  halo: string;
}

export const LIGHT: StyleColors = { background: "#ffffff", line: "#ffffff", lineStrong: "#111111", text: "#1a1a1a", halo: "#ffffff" };
export const DARK: StyleColors = { background: "#15171a", line: "#15171a", lineStrong: "#f2f2f2", text: "#f2f2f2", halo: "#15171a" };

/** MapLibre expression giving each feature the colour `colorFor` gives it. */
export function fillColorExpression(field: string, scale: ClassedScale): unknown[] {
  const step: unknown[] = ["step", ["to-number", ["get", field]], scale.colors[0]];
  for (const [i, t] of scale.thresholds.entries()) step.push(t, scale.colors[i + 1]);
  return ["case", ["==", ["typeof", ["get", field]], "number"], step, scale.noData];
}

export const FONT_NAME = "Atlas Sans";

export function buildMapStyle(config: MapFigureConfig, colors: StyleColors, labels: GeoJSON.FeatureCollection) {
  return {
    version: 8 as const,
    "font-faces": { [FONT_NAME]: [{ url: config.fonts.regular }] },
    sources: {
      areas: { type: "geojson" as const, data: config.data, promoteId: config.key },
      labels: { type: "geojson" as const, data: labels },
    },
    layers: [
      { id: "background", type: "background" as const, paint: { "background-color": colors.background } },
      { id: "fill", type: "fill" as const, source: "areas", paint: { "fill-color": fillColorExpression(config.field, config.scale) } },
      { id: "outline", type: "line" as const, source: "areas", paint: { "line-color": colors.line, "line-width": 1 } },
      {
        id: "active",
        type: "line" as const,
        source: "areas",
        paint: {
          "line-color": colors.lineStrong,
          "line-width": ["case", ["boolean", ["feature-state", "active"], false], 3, 0],
        },
      },
      {
        id: "labels",
        type: "symbol" as const,
        source: "labels",
        layout: {
          "text-field": ["format", ["get", "name_ko"], {}, "\n", {}, ["get", "name_en"], { "font-scale": 0.8 }],
          "text-font": [FONT_NAME],
          "text-size": ["interpolate", ["linear"], ["zoom"], 9, 10, 12, 14],
          "text-max-width": 8,
          "text-padding": 1,
        },
        paint: { "text-color": colors.text, "text-halo-color": colors.halo, "text-halo-width": 1.5 },
      },
    ],
  };
}

/** Point features at each area's label point, carrying the names for the symbol layer. */
export function labelFeatures(config: MapFigureConfig): GeoJSON.FeatureCollection {
  return {
    type: "FeatureCollection",
    features: config.order.map((o) => ({
      type: "Feature",
      properties: { key: o.key, name_ko: o.name_ko, name_en: o.name },
      geometry: { type: "Point", coordinates: o.label },
    })),
  };
}
