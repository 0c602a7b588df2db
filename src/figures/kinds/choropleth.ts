/**
 * choropleth: polygons (gu or dong) shaded by a numeric field in classes.
 * Build side: complete SVG via d3-geo, legend, table. Browser side (src/assets/map.ts)
 * turns it into a MapLibre map with the same ClassedScale.
 */
import { type GeoProjection, geoBounds, geoCentroid, geoMercator, geoPath } from "d3";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { z } from "zod";
import { CLASS_METHODS, type ClassedScale, classify, colorFor, legendClasses, PALETTES } from "../../lib/classify.ts";
import { formatNumber, formatValue } from "../../lib/format.ts";
import { html, jsonAttr, type SafeHtml } from "../../lib/html.ts";
import type { FieldInfo } from "../../lib/manifest.ts";
import type { MapFigureConfig } from "../../lib/map-style.ts";
import { siteFonts } from "../../site/assets-manifest.ts";
import { CommonSpec } from "../spec.ts";
import type { FigureContext, FigureKind } from "../types.ts";

export const WIDTH = 640;

export const ChoroplethSpec = CommonSpec.extend({
  kind: z.literal("choropleth"),
  value: z.string(),
  method: z.enum(CLASS_METHODS).default("quantile"),
  classes: z.number().int().min(2).max(9).default(5),
  palette: z.enum(Object.keys(PALETTES) as [keyof typeof PALETTES]).default("blues"),
  labels: z.boolean().optional(),
}).strict();
export type ChoroplethSpec = z.output<typeof ChoroplethSpec>;

interface Area {
  key: string;
  name: string;
  nameKo: string;
  value: number | null;
  feature: Feature<Geometry, Record<string, unknown>>;
  label: [number, number];
}

function areasOf(fc: FeatureCollection, ctx: FigureContext, valueField: string): Area[] {
  const { key, label_field } = ctx.dataset.info;
  return fc.features.map((f) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const v = p[valueField];
    return {
      key: String(p[key]),
      name: String(p[label_field]),
      nameKo: typeof p.name_ko === "string" ? p.name_ko : "",
      value: typeof v === "number" ? v : null,
      feature: f as Feature<Geometry, Record<string, unknown>>,
      label: Array.isArray(p.label) ? (p.label as [number, number]) : (geoCentroid(f) as [number, number]),
    };
  });
}

export function areaName(a: { name: string; nameKo: string }): string {
  return a.nameKo ? `${a.name} (${a.nameKo})` : a.name;
}

export function legendHtml(field: FieldInfo, scale: ClassedScale, hasMissing: boolean, noDataFill: string): SafeHtml {
  const swatch = (fill: string) =>
    html`<svg class="legend__swatch" width="16" height="12" aria-hidden="true"><rect width="16" height="12" fill="${fill}"/></svg>`;
  const items = legendClasses(scale).map((c, i, all) => {
    const last = i === all.length - 1;
    const range = all.length === 1 ? formatNumber(c.from) : `${formatNumber(c.from)}${last ? "–" : " to under "}${formatNumber(c.to)}`;
    return html`<li>${swatch(c.color)}<span>${range}</span></li>`;
  });
  return html`<div class="legend"><p class="legend__title">${field.label}${field.unit ? ` (${field.unit})` : ""}</p><ol class="legend__classes">${items}${
    hasMissing ? html`<li>${swatch(noDataFill)}<span>no data</span></li>` : ""
  }</ol></div>`;
}

/**
 * The projection, each feature's SVG path and the map's height depend only on the features,
 * so they are computed once per loaded dataset (the store keeps one object per build), not
 * once per figure: a site with many maps of the same areas builds much faster.
 */
interface Projected {
  projection: GeoProjection;
  path: (f: Feature) => string | null;
  height: number;
  bounds: [[number, number], [number, number]];
}
const projections = new WeakMap<FeatureCollection, Projected>();
function projected(fc: FeatureCollection): Projected {
  let p = projections.get(fc);
  if (!p) {
    const projection = geoMercator().fitWidth(WIDTH, fc);
    const draw = geoPath(projection).digits(1);
    const [[, y0], [, y1]] = draw.bounds(fc);
    const paths = new Map<Feature, string | null>();
    const path = (f: Feature) => (paths.has(f) ? paths.get(f)! : paths.set(f, draw(f)).get(f)!);
    p = { projection, path, height: Math.ceil(y1 - y0 + Math.max(0, y0) * 2), bounds: geoBounds(fc) };
    projections.set(fc, p);
  }
  return p;
}

export const choropleth: FigureKind<typeof ChoroplethSpec> = {
  kind: "choropleth",
  schema: ChoroplethSpec,
  fields: [{ key: "value", numeric: true, kinds: ["polygons"] }],
  map: true,
  render(spec, ctx) {
    const fc = ctx.dataset.geojson!;
    const field = ctx.dataset.info.fields.find((f) => f.name === spec.value)!;
    const areas = areasOf(fc, ctx, spec.value);
    const scale = classify(
      areas.map((a) => a.value),
      { method: spec.method, classes: spec.classes, palette: spec.palette },
    );
    const { projection, path, height } = projected(fc);
    const noData = `url(#${ctx.id}-nodata)`;
    const showLabels = spec.labels ?? areas.length <= 30;
    const tip = (a: Area) => `${areaName(a)}: ${formatValue(a.value, field.unit)}`;
    // Keyboard order: north to south, then west to east, so arrow keys follow the map.
    const ordered = [...areas].sort((a, b) => b.label[1] - a.label[1] || a.label[0] - b.label[0]);

    const graphic = html`<svg class="chart chart--map" viewBox="0 0 ${WIDTH} ${height}" role="group" aria-label="${spec.title}">
<defs><pattern id="${ctx.id}-nodata" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${scale.noData}"/><line x1="0" y1="0" x2="0" y2="6" class="nodata-hatch"/></pattern></defs>
<g class="areas">
${ordered.map((a, i) => {
  const [x, y] = projection(a.label)!;
  return html`<path class="mark area" d="${path(a.feature) ?? ""}" fill="${a.value === null ? noData : colorFor(scale, a.value)}" tabindex="${i === 0 ? 0 : -1}" role="img" aria-label="${tip(a)}" data-key="${a.key}" data-name="${areaName(a)}" data-value="${formatValue(a.value, field.unit)}" data-x="${x.toFixed(1)}" data-y="${y.toFixed(1)}"/>\n`;
})}</g>
${
  showLabels
    ? html`<g class="map-labels" aria-hidden="true">${ordered.map((a) => {
        const [x, y] = projection(a.label)!;
        return html`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}">${a.name.replace(/-(gu|dong)$/, "")}</text>`;
      })}</g>`
    : ""
}
</svg>`;

    const present = areas.filter((a) => a.value !== null).sort((a, b) => b.value! - a.value!);
    const missing = areas.length - present.length;
    const hi = present[0]!;
    const lo = present[present.length - 1]!;
    const description =
      `Map of ${areas.length} areas of Seoul shaded by ${field.label.toLowerCase()} in ${scale.colors.length} classes (${spec.method}). ` +
      `Highest: ${areaName(hi)}, ${formatValue(hi.value, field.unit)}. Lowest: ${areaName(lo)}, ${formatValue(lo.value, field.unit)}.` +
      (missing ? ` No data for ${missing} area${missing === 1 ? "" : "s"}.` : "");

    const [[w, s], [e, n]] = projected(fc).bounds;
    const config: MapFigureConfig = {
      data: `/data/${ctx.dataset.info.files.geojson!.path}`,
      field: spec.value,
      key: ctx.dataset.info.key,
      label: field.label,
      unit: field.unit,
      scale,
      bounds: [w, s, e, n],
      fonts: siteFonts(),
      order: ordered.map((a) => ({ key: a.key, name: a.name, name_ko: a.nameKo, label: a.label })),
    };
    const info = ctx.dataset.info.fields;
    const columns = [ctx.dataset.info.label_field, "name_ko", spec.value]
      .map((n) => info.find((f) => f.name === n))
      .filter((f): f is FieldInfo => !!f);
    const byValue = [...ctx.dataset.rows].sort(
      (a, b) => ((b[spec.value] as number) ?? -Infinity) - ((a[spec.value] as number) ?? -Infinity),
    );
    return {
      graphic,
      legend: legendHtml(field, scale, missing > 0, noData),
      table: { columns, rows: byValue },
      description,
      graphicAttrs: { "data-map": jsonAttr(config) },
    };
  },
};
