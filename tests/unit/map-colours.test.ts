import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createPropertyExpression, latest, validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { color } from "d3";
import type { FeatureCollection } from "geojson";
import { describe, expect, it } from "vitest";
import { classify, colorFor } from "../../src/lib/classify.ts";
import {
  buildMapStyle,
  type ChoroplethMapConfig,
  DARK,
  fillColorExpression,
  LIGHT,
  type PointsMapConfig,
} from "../../src/lib/map-style.ts";
import { fixtureStore } from "../helpers/figure-fixtures.ts";
import { load } from "../helpers/figure-render.ts";
import { GENERATED } from "../helpers/paths.ts";
import { loadPage, mapConfigOf } from "../helpers/site.ts";

const districts = JSON.parse(readFileSync(join(GENERATED, "districts.geojson"), "utf8")) as FeatureCollection;

function evaluateFill(expression: unknown, properties: Record<string, unknown>, property = "fill-color"): string {
  const spec = property === "fill-color" ? latest.paint_fill["fill-color"] : latest.paint_circle["circle-color"];
  const parsed = createPropertyExpression(expression, property, spec as never);
  if (parsed.result !== "success") throw new Error(JSON.stringify(parsed.value));
  const c = parsed.value.evaluate({ zoom: 10 }, { type: "Polygon", properties } as never) as { r: number; g: number; b: number };
  return color(`rgb(${Math.round(c.r * 255)}, ${Math.round(c.g * 255)}, ${Math.round(c.b * 255)})`)!.formatHex();
}

describe("one definition of a figure's look", () => {
  it("gives every district the same colour in the built SVG and in the MapLibre style", () => {
    const $ = loadPage("/stories/seoul-at-a-glance/");
    const graphic = $('figure[data-figure="choropleth"] [data-map]').first();
    const config = mapConfigOf<ChoroplethMapConfig>(graphic);
    const style = buildMapStyle(config, LIGHT);
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
    const config = mapConfigOf<ChoroplethMapConfig>($("[data-map]").first());
    const style = buildMapStyle(
      { ...config, data: "http://127.0.0.1/data/districts.geojson", fonts: { regular: "http://127.0.0.1/f.woff2" } },
      LIGHT,
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

  it("gives every point the same colour in the SVG and in the MapLibre style, in light and dark mode", () => {
    const fx = fixtureStore();
    try {
      const $ = load(fx.store, "kind: points\ndataset: sites\nbasemap: areas\ncategory: status\ntitle: Sites");
      const config = $.figure.map! as PointsMapConfig;
      const points = JSON.parse(readFileSync(join(fx.dir, "sites.geojson"), "utf8")) as FeatureCollection;
      for (const colors of [LIGHT, DARK]) {
        const style = buildMapStyle(config, colors);
        const paint = style.layers.find((l) => l.id === "points")!.paint as { "circle-color": unknown };
        const circles = $("circle.point");
        expect(circles).toHaveLength(8);
        circles.each((_, el) => {
          const feature = points.features.find((f) => f.properties!.id === $(el).attr("data-key"))!;
          expect(evaluateFill(paint["circle-color"], feature.properties!, "circle-color")).toBe(color($(el).attr("fill")!)!.formatHex());
        });
      }
      expect(
        validateStyleMin(
          buildMapStyle(
            {
              ...config,
              data: "http://127.0.0.1/p.geojson",
              basemap: "http://127.0.0.1/b.geojson",
              fonts: { regular: "http://127.0.0.1/f.woff2" },
            },
            LIGHT,
          ) as never,
        ),
      ).toEqual([]);
    } finally {
      fx.remove();
    }
  });

  it("gives the style guide's categorised points (real data) the same colours in SVG and MapLibre", () => {
    const $ = loadPage("/styleguide/points/");
    const graphic = $("#styleguide-g-valley [data-map]");
    const config = mapConfigOf<PointsMapConfig>(graphic);
    const points = JSON.parse(readFileSync(join(GENERATED, "g-valley-anchors.geojson"), "utf8")) as FeatureCollection;
    const paint = buildMapStyle(config, LIGHT).layers.find((l) => l.id === "points")!.paint as { "circle-color": unknown };
    const circles = graphic.find("circle.point");
    expect(circles.length).toBeGreaterThanOrEqual(2);
    expect(new Set(circles.map((_, c) => $(c).attr("fill")).get()).size).toBe(circles.length);
    circles.each((_, el) => {
      const feature = points.features.find((f) => f.properties!.id === $(el).attr("data-key"))!;
      expect(evaluateFill(paint["circle-color"], feature.properties!, "circle-color")).toBe(color($(el).attr("fill")!)!.formatHex());
    });
  });

  it("draws missing values with the hatch pattern in MapLibre too, and only them", () => {
    const $ = loadPage("/stories/seoul-at-a-glance/");
    const config = mapConfigOf<ChoroplethMapConfig>($("[data-map]").first());
    const layer = buildMapStyle(config, LIGHT).layers.find((l) => l.id === "nodata") as { filter: unknown; paint: Record<string, unknown> };
    expect(layer.paint["fill-pattern"]).toBe("atlas-nodata");
    const filter = createPropertyExpression(
      ["case", layer.filter, "#000000", "#ffffff"],
      "fill-color",
      latest.paint_fill["fill-color"] as never,
    );
    if (filter.result !== "success") throw new Error("bad filter");
    const hit = (v: unknown) =>
      (filter.value.evaluate({ zoom: 10 }, { type: "Polygon", properties: { [config.field]: v } } as never) as { r: number }).r === 0;
    expect(hit(null)).toBe(true);
    expect(hit(12)).toBe(false);
  });
});
