import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createPropertyExpression, latest, validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { color } from "d3";
import type { FeatureCollection } from "geojson";
import { describe, expect, it } from "vitest";
import { classify, colorFor } from "../../src/lib/classify.ts";
import { buildMapStyle, fillColorExpression, LIGHT, labelFeatures, type MapFigureConfig } from "../../src/lib/map-style.ts";
import { GENERATED } from "../helpers/paths.ts";
import { loadPage } from "../helpers/site.ts";

const districts = JSON.parse(readFileSync(join(GENERATED, "districts.geojson"), "utf8")) as FeatureCollection;

function evaluateFill(expression: unknown[], properties: Record<string, unknown>): string {
  const parsed = createPropertyExpression(expression, "fill-color", latest.paint_fill["fill-color"] as never);
  if (parsed.result !== "success") throw new Error(JSON.stringify(parsed.value));
  const c = parsed.value.evaluate({ zoom: 10 }, { type: "Polygon", properties } as never) as { r: number; g: number; b: number };
  return color(`rgb(${Math.round(c.r * 255)}, ${Math.round(c.g * 255)}, ${Math.round(c.b * 255)})`)!.formatHex();
}

describe("one definition of a figure's look", () => {
  it("gives every district the same colour in the built SVG and in the MapLibre style", () => {
    const $ = loadPage("/stories/seoul-at-a-glance/");
    const graphic = $('figure[data-figure="choropleth"] [data-map]').first();
    const config = JSON.parse(graphic.attr("data-map")!) as MapFigureConfig;
    const style = buildMapStyle(config, LIGHT, labelFeatures(config));
    const fill = style.layers.find((l) => l.id === "fill")!.paint as { "fill-color": unknown[] };
    const paths = graphic.find("path.area");
    expect(paths).toHaveLength(25);
    paths.each((_, el) => {
      const key = $(el).attr("data-key")!;
      const feature = districts.features.find((f) => f.properties!.code === key)!;
      expect(evaluateFill(fill["fill-color"], feature.properties!), key).toBe(color($(el).attr("fill")!)!.formatHex());
    });
  });

  it("builds a valid, self-contained MapLibre style (no glyphs, sprites or tiles)", () => {
    const $ = loadPage("/stories/seoul-at-a-glance/");
    const config = JSON.parse($("[data-map]").first().attr("data-map")!) as MapFigureConfig;
    const style = buildMapStyle(
      { ...config, data: "http://127.0.0.1/data/districts.geojson", fonts: { regular: "http://127.0.0.1/f.woff2" } },
      LIGHT,
      labelFeatures(config),
    );
    expect(validateStyleMin(style as never)).toEqual([]);
    expect(JSON.stringify(style)).not.toMatch(/"glyphs"|"sprite"|"tiles"|https?:\/\/(?!127\.0\.0\.1)/);
  });

  it("paints missing values in the no-data colour, distinct from every class", () => {
    const scale = classify([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null], { classes: 5 });
    const expr = fillColorExpression("v", scale);
    expect(evaluateFill(expr, { v: null })).toBe(scale.noData);
    expect(scale.colors).not.toContain(scale.noData);
    for (const v of [1, 3.5, 6, 10]) expect(evaluateFill(expr, { v })).toBe(colorFor(scale, v));
  });
});
