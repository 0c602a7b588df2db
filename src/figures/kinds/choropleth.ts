/**
 * choropleth: polygons (gu or dong) shaded by a numeric field in classes. The values come
 * from the polygons' own dataset, or from a table joined onto them (`boundaries` + `join`).
 * Build side: complete SVG via d3-geo, legend, table. Browser side (src/assets/map.ts)
 * turns it into a MapLibre map with the same ClassedScale.
 */
import { geoCentroid } from "d3";
import type { Feature, Geometry } from "geojson";
import { z } from "zod";
import {
  CATEGORY_COLORS,
  CLASS_METHODS,
  type ClassedScale,
  classIndex,
  classify,
  colorFor,
  legendClasses,
  PALETTES,
} from "../../lib/classify.ts";
import { formatNumber, standalone } from "../../lib/format.ts";
import { html, type SafeHtml } from "../../lib/html.ts";
import { FIGURE_STRINGS } from "../../lib/i18n/figures.ts";
import { fill as fillIn, type Lang } from "../../lib/i18n/index.ts";
import type { DatasetInfo, FieldInfo } from "../../lib/manifest.ts";
import type { ChoroplethMapConfig } from "../../lib/map-style.ts";
import { textWidth } from "../../lib/text-fit.ts";
import { siteFonts } from "../../site/assets-manifest.ts";
import type { Dataset, Row } from "../datasets.ts";
import { areaAnchor, areaPages } from "../district-links.ts";
import { ROW_HREF, ROW_ID } from "../furniture.ts";
import { areaContains, areaLabelPositions, narrowLabels, placeLabels } from "../label-placement.ts";
import { checkMapView, HighlightSpec, mapView, PointsLayersSpec, pointsLayer, resolveKeys, viewBoxOf, ZoomSpec } from "../map-view.ts";
import { projected } from "../projection.ts";
import { approxPrefix, checkOneUnit, formatAmount, unitOf, valueDigits } from "../rows.ts";
import { CommonSpec } from "../spec.ts";
import type { FigureKind } from "../types.ts";

export const WIDTH = 640;

export const ChoroplethSpec = CommonSpec.extend({
  kind: z.literal("choropleth"),
  /** Numeric field to shade by. */
  value: z.string(),
  method: z.enum(CLASS_METHODS).default("quantile"),
  classes: z.number().int().min(2).max(9).default(5),
  palette: z.enum(Object.keys(PALETTES) as [keyof typeof PALETTES]).default("blues"),
  /** Diverging palettes: the value at the neutral middle (default 0). */
  midpoint: z.number().optional(),
  /** Name labels on the map (default: when there are at most 30 areas). */
  labels: z.union([z.boolean(), z.literal("both")]).optional(),
  /** When `dataset` is a table: the polygons to draw its values on … */
  boundaries: z.string().optional(),
  /** … the table's field that holds a polygon's key … */
  join: z.string().optional(),
  /** … and the polygons' field it matches (default: their key field). */
  join_on: z.string().optional(),
  /** Polygons drawn as outlines on top, e.g. `districts` over a dong map. */
  outline: z.string().optional(),
  /** A click or Enter on an area opens its district's page (default: for maps of the districts and of the dong). */
  links: z.boolean().optional(),
  /** Areas to highlight (keys or slugs): outlined, the others faded. */
  highlight: HighlightSpec.optional(),
  /** Zoom to an area (key or slug) or to a box [west, south, east, north]. */
  zoom: ZoomSpec.optional(),
  /** Points datasets drawn over the areas (only their points inside the areas drawn). */
  points: PointsLayersSpec.optional(),
}).strict();
export type ChoroplethSpec = z.output<typeof ChoroplethSpec>;

interface Area {
  key: string;
  /** The district page the area leads to, when the map links. */
  href?: string;
  name: string;
  nameKo: string;
  /** The names as the data gives them, for the interactive map's labels. */
  en: string;
  ko: string;
  value: number | null;
  feature: Feature<Geometry, Record<string, unknown>>;
  label: [number, number];
  row: Row;
}

/** The classification methods, named in Korean. */
const METHOD_KO: Record<string, string> = { quantile: "분위수", equal: "등간격", jenks: "자연 구분" };

export function areaName(a: { name: string; nameKo: string }): string {
  return a.nameKo && a.nameKo !== a.name ? `${a.name} (${a.nameKo})` : a.name;
}

export function legendHtml(
  field: FieldInfo,
  unit: string | undefined,
  scale: ClassedScale,
  hasMissing: boolean,
  patternId: string,
  /** More items, e.g. a layer of points drawn over the areas. */
  extra?: SafeHtml,
  lang: Lang = "en",
): SafeHtml {
  const t = FIGURE_STRINGS[lang];
  const swatch = (fill: string, pattern = false) =>
    html`<svg class="legend__swatch" width="18" height="12" aria-hidden="true">${
      pattern ? noDataPattern(patternId, scale.noData) : ""
    }<rect width="18" height="12" fill="${pattern ? `url(#${patternId})` : fill}"/></svg>`;
  // As many decimals as the bounds have: a label rounded further than its break would
  // misdescribe the class a value on the edge belongs to.
  const digits = Math.max(0, ...[...scale.domain, ...scale.thresholds].map((v) => String(v).split(".")[1]?.length ?? 0));
  const num = (v: number) => formatNumber(v, { digits, locale: lang });
  const items = legendClasses(scale).map((c, i, all) => {
    const last = i === all.length - 1;
    const range = all.length === 1 ? num(c.from) : fillIn(last ? t.rangeLast : t.range, { from: num(c.from), to: num(c.to) });
    return html`<li data-class="${i}">${swatch(c.color)}<span>${range}</span></li>`;
  });
  const mid =
    scale.midpoint !== undefined ? html`<p class="legend__note">${fillIn(t.coloursTurn, { value: num(scale.midpoint) })}</p>` : "";
  // A label that ends in its own parentheses takes the unit inside them: "내국인 인구(2010년 인구주택총조사, 명)", not "…)(명)".
  const own = unit ? /^(.*?)\s?\(([^()]*)\)$/.exec(field.label) : null;
  const title = !unit
    ? field.label
    : own
      ? fillIn(t.legendUnit, { label: own[1]!, unit: `${own[2]}, ${unit}` })
      : fillIn(t.legendUnit, { label: field.label, unit });
  return html`<div class="legend"><p class="legend__title">${title}</p><ol class="legend__classes">${items}${
    hasMissing ? html`<li data-class="${NO_DATA_CLASS}">${swatch(scale.noData, true)}<span>${standalone(t.noData, lang)}</span></li>` : ""
  }${extra ?? ""}</ol>${mid}</div>`;
}

/** The class of the areas without a value, in `data-class` (legend items and marks share it). */
export const NO_DATA_CLASS = "nodata";

/** Grey with dark diagonal hatching: unlike any class colour, and still readable in print. */
function noDataPattern(id: string, fill: string): SafeHtml {
  return html`<defs><pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${fill}"/><line x1="0" y1="0" x2="0" y2="6" class="nodata-hatch"/></pattern></defs>`;
}

/** The polygons dataset a spec draws: `boundaries` when the data is a table, else the dataset itself. */
function polygonsOf(spec: ChoroplethSpec, dataset: Dataset, get: (name: string) => Dataset): Dataset {
  return spec.boundaries ? get(spec.boundaries) : dataset;
}

function joinOn(spec: ChoroplethSpec, polygons: DatasetInfo): string {
  return spec.join_on ?? polygons.key;
}

export const choropleth: FigureKind<typeof ChoroplethSpec> = {
  kind: "choropleth",
  schema: ChoroplethSpec,
  datasetKinds: ["polygons", "table"],
  fields: [{ key: "value", type: "numeric" }, { key: "join" }, { key: "join_on", dataset: "boundaries" }],
  map: true,
  check(spec, check, dataset, rows) {
    checkOneUnit(check, "value", dataset.info, spec.value, rows);
    const drawn = spec.boundaries ?? dataset.info.name;
    checkMapView(check, drawn, spec);
    if (spec.links && check.store.info(drawn) && !areaPages(check.store, drawn)) {
      check.add(
        "links",
        "spec-invalid-value",
        `the areas of ${drawn} have no pages to link to`,
        "Links lead to district pages: use them on maps of `districts` or `dong`, or leave `links` out.",
      );
    }
    if (spec.outline) check.dataset("outline", ["polygons"]);
    if (dataset.info.kind === "table") {
      if (!spec.boundaries) {
        check.add(
          "dataset",
          "spec-missing-key",
          `"${dataset.info.name}" is a table: the map needs polygons to draw it on`,
          `Add \`boundaries: districts\` (or dong) and \`join: <field of ${dataset.info.name} holding the district key>\`.`,
        );
        return;
      }
      if (!spec.join) {
        check.add(
          "join",
          "spec-missing-key",
          '"join" is required with "boundaries"',
          `Name the field of ${dataset.info.name} that holds the polygon key, e.g. \`join: gu_code\`.`,
        );
        return;
      }
    } else if (spec.boundaries || spec.join) {
      check.add(
        spec.boundaries ? "boundaries" : "join",
        "spec-invalid-value",
        `"${dataset.info.name}" has its own polygons`,
        "Leave out `boundaries` and `join`: they are for tables.",
      );
      return;
    }
    const boundaries = spec.boundaries ? check.dataset("boundaries", ["polygons"]) : undefined;
    if (!boundaries || !spec.join) return;
    // Every joined row must find its polygon, and no polygon may get two rows.
    const polygons = check.store.get(boundaries.name);
    const on = joinOn(spec, boundaries);
    const keys = new Set(polygons.rows.map((r) => String(r[on])));
    const unmatched = rows.filter((r) => r[spec.join!] !== null && !keys.has(String(r[spec.join!])));
    if (unmatched.length) {
      check.add(
        "join",
        "spec-join-unmatched",
        `${unmatched.length} row(s) of ${dataset.info.name} match no polygon of ${boundaries.name} by ${on}: ${unmatched
          .slice(0, 5)
          .map((r) => JSON.stringify(r[spec.join!]))
          .join(", ")}`,
        `Values of "${on}" in ${boundaries.name}: ${[...keys].slice(0, 30).join(", ")}. Set \`join_on\` to the field that matches.`,
      );
    }
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(String(r[spec.join]), (counts.get(String(r[spec.join])) ?? 0) + 1);
    const twice = [...counts].filter(([, n]) => n > 1).map(([k]) => k);
    if (twice.length) {
      check.add(
        spec.where ? "where" : "join",
        "spec-join-duplicate",
        `several rows of ${dataset.info.name} fall on the same polygon: ${twice.slice(0, 5).join(", ")}`,
        "Pick one row per polygon with `where`, e.g. one year or one metric.",
      );
    }
  },
  render(spec, ctx) {
    const { lang } = ctx;
    const t = FIGURE_STRINGS[lang];
    const polygons = polygonsOf(spec, ctx.dataset, (n) => ctx.store.get(n));
    const pinfo = polygons.info;
    const field = ctx.dataset.info.fields.find((f) => f.name === spec.value)!;
    // Values by polygon key: from the polygons themselves, or joined from the table.
    const joined = new Map<string, Row>();
    if (spec.boundaries && spec.join) {
      const on = joinOn(spec, pinfo);
      const keyByJoin = new Map(polygons.rows.map((r) => [String(r[on]), String(r[pinfo.key])]));
      for (const r of ctx.rows) {
        const k = keyByJoin.get(String(r[spec.join]));
        if (k !== undefined) joined.set(k, r);
      }
    }
    const fc = polygons.geojson!;
    // A polygons dataset draws the rows its filters keep; a joined table draws every polygon.
    const rowByKey = new Map((spec.boundaries ? polygons.rows : ctx.rows).map((r) => [String(r[pinfo.key]), r]));
    const keep = (p: Record<string, unknown>) => rowByKey.has(String(p[pinfo.key]));
    const pageOf = spec.links === false ? undefined : areaPages(ctx.store, pinfo.name, lang);
    const areas: Area[] = fc.features
      .filter((f) => keep((f.properties ?? {}) as Record<string, unknown>))
      .map((f) => {
        const p = (f.properties ?? {}) as Record<string, unknown>;
        const key = String(p[pinfo.key]);
        const row = spec.boundaries ? (joined.get(key) ?? {}) : rowByKey.get(key)!;
        const v = row[spec.value];
        const href = pageOf?.(p);
        const en = String(p[pinfo.label_field] ?? key);
        const ko = typeof p.name_ko === "string" ? p.name_ko : "";
        return {
          key,
          ...(href ? { href } : {}),
          // In Korean the Korean name alone (the English one where the data has none).
          name: lang === "ko" ? ko || en : en,
          nameKo: lang === "ko" ? "" : ko,
          en,
          ko,
          value: typeof v === "number" ? v : null,
          feature: f as Feature<Geometry, Record<string, unknown>>,
          label: Array.isArray(p.label) ? (p.label as [number, number]) : (geoCentroid(f) as [number, number]),
          row,
        };
      });
    const present = areas.filter((a) => a.value !== null).sort((a, b) => b.value! - a.value!);
    if (!present.length) throw new Error(`no area has a value of "${spec.value}"`);
    const scale = classify(
      areas.map((a) => a.value),
      { method: spec.method, classes: spec.classes, palette: spec.palette, midpoint: spec.midpoint },
    );
    const digits = valueDigits(
      field,
      areas.map((a) => a.value),
    );
    const unit = unitOf(ctx.dataset.info, field, ctx.rows);
    const show = (v: number | null, row?: Row) =>
      row ? approxPrefix(row, formatAmount(v, unit, digits, lang), lang) : formatAmount(v, unit, digits, lang);
    const { projection, path, height, bounds } = projected(
      fc,
      WIDTH,
      areas.map((a) => a.feature),
      ctx.digits,
    );
    const highlighted = resolveKeys(ctx.store, pinfo.name, spec.highlight);
    const zoomKey =
      spec.zoom !== undefined && !Array.isArray(spec.zoom) ? [...resolveKeys(ctx.store, pinfo.name, [spec.zoom])][0] : undefined;
    const zoomTarget = Array.isArray(spec.zoom) ? spec.zoom : fc.features.find((f) => String(f.properties?.[pinfo.key]) === zoomKey);
    const view = mapView(projection, WIDTH, height, zoomTarget);
    // Layers of points, each in a colour of its own; a layer with no point inside the areas drawn is left out.
    const subset = areas.length < fc.features.length ? areas.map((a) => a.feature) : undefined;
    const layers = (spec.points === undefined ? [] : Array.isArray(spec.points) ? spec.points : [spec.points])
      .map((name, i) => pointsLayer(ctx.store, name, projection, view, CATEGORY_COLORS[i % CATEGORY_COLORS.length], subset, lang))
      .filter((l) => l.count > 0);
    const patternId = `${ctx.id}-nodata`;
    const noData = `url(#${patternId})`;
    const showLabels = spec.labels ?? areas.length <= 30;
    // `labels: both`: the English name, and the Korean one under it.
    const both = spec.labels === "both";
    // Keyboard order: north to south, then west to east, so arrow keys follow the map.
    const ordered = [...areas].sort((a, b) => b.label[1] - a.label[1] || a.label[0] - b.label[0]);
    const outline = spec.outline ? ctx.store.get(spec.outline) : undefined;
    const shortName = (a: Area) => a.name.replace(/-(gu|dong)$/, "");
    // Labels are placed on the screen, so a zoomed map labels the areas it has room for.
    const [vx, vy] = view.box;
    const onScreen = (a: Area) => {
      const [x, y] = projection(a.label)!;
      return [(x - vx) * view.k, (y - vy) * view.k] as const;
    };
    const labelRequests = showLabels
      ? ordered.map((a) => {
          const [x, y] = onScreen(a);
          const lines = [{ text: shortName(a), size: 11 }, ...(both && a.nameKo ? [{ text: a.nameKo, size: 10 }] : [])];
          // Yangcheon-gu, between Gangseo and Yeongdeungpo, lost its name at its label point alone.
          const positions = areaLabelPositions(x, y, (px, py) =>
            areaContains(a.feature, projection.invert!([vx + px / view.k, vy + py / view.k])!),
          );
          return { lines, positions };
        })
      : [];
    const placed = placeLabels(labelRequests, textWidth, { width: WIDTH, height });
    // On a phone the names are drawn larger, and those that would collide are hidden (`data-narrow="hide"`).
    const narrow = narrowLabels(labelRequests, placed, textWidth, { width: WIDTH, height });
    const narrowAttr = (i: number) => (narrow[i]!.hide ? html` data-narrow="hide"` : "");
    const labelAt = (x: number, y: number) =>
      view.k === 1
        ? html`x="${x.toFixed(1)}" y="${y.toFixed(1)}"`
        : html`transform="translate(${(vx + x / view.k).toFixed(2)} ${(vy + y / view.k).toFixed(2)}) scale(${(1 / view.k).toFixed(4)})"`;
    const svgClass = `chart chart--map${highlighted.size ? " has-highlight" : ""}`;

    const graphic = html`<svg class="${svgClass}" viewBox="${viewBoxOf(view)}" role="group" aria-label="${spec.title}" data-bounds="${view.bounds.map((v) => v.toFixed(5)).join(",")}">
${noDataPattern(patternId, scale.noData)}
<g class="areas" aria-hidden="true" data-marks="">
${ordered.map((a) => {
  const [x, y] = projection(a.label)!;
  const cls = classIndex(scale, a.value);
  return html`<path class="mark area${highlighted.has(a.key) ? " is-highlighted" : ""}" d="${path(a.feature) ?? ""}" fill="${a.value === null ? noData : colorFor(scale, a.value)}" data-key="${a.key}" data-name="${areaName(a)}" data-value="${show(a.value, a.row)}" data-class="${cls < 0 ? NO_DATA_CLASS : cls}"${a.href ? html` data-href="${a.href}"` : ""} data-x="${x.toFixed(1)}" data-y="${y.toFixed(1)}"/>\n`;
})}</g>
${outline ? html`<path class="outline-strong" d="${path(outline.geojson!) ?? ""}" aria-hidden="true"/>` : ""}
${layers.map((l) => l.marks)}
${
  showLabels
    ? html`<g class="map-labels" aria-hidden="true" data-layer="labels">${ordered.map((a, i) => {
        const p = placed[i];
        if (!p) return "";
        // Two lines: the block's middle is the anchor, so the English line sits half a line above
        // it (in em, so that the lines keep apart where a phone draws them larger).
        return both && a.nameKo
          ? html`<text ${labelAt(p.x, p.y)} text-anchor="middle"${narrowAttr(i)}><tspan dy="-0.55em">${shortName(a)}</tspan><tspan class="label-ko" x="${view.k === 1 ? p.x.toFixed(1) : 0}" dy="1.3em">${a.nameKo}</tspan></text>`
          : html`<text ${labelAt(p.x, p.y)} text-anchor="middle"${narrowAttr(i)}>${shortName(a)}</text>`;
      })}</g>`
    : ""
}
</svg>`;

    const missing = areas.length - present.length;
    const hi = present[0]!;
    const lo = present[present.length - 1]!;
    // Where the areas are: Seoul, or the one district whose dong the map shows.
    const guCodes = new Set(areas.map((a) => String(a.feature.properties.gu_code ?? "")));
    const gu =
      pinfo.name === "dong" && guCodes.size === 1 && ctx.store.info("districts")
        ? ctx.store.get("districts").rows.find((r) => String(r.code) === [...guCodes][0])
        : undefined;
    const description =
      fillIn(t.mapDescription, {
        where: gu ? fillIn(t.mapWhereGu, { gu: String(lang === "ko" ? gu.name_ko : gu.name_en) }) : t.mapWhereSeoul,
        n: areas.length,
        field: lang === "ko" ? field.label : field.label.toLowerCase(),
        classes: scale.colors.length,
        method: lang === "ko" ? (METHOD_KO[spec.method] ?? spec.method) : spec.method,
      }) +
      fillIn(t.mapHighLow, { hi: areaName(hi), hiValue: show(hi.value), lo: areaName(lo), loValue: show(lo.value) }) +
      (missing ? (missing === 1 ? t.mapNoDataOne : fillIn(t.mapNoData, { n: missing })) : "");

    const [[w, s], [e, n]] = bounds;
    const [[lw, ls], [le, ln]] = projected(fc, WIDTH).bounds;
    const config: ChoroplethMapConfig = {
      type: "choropleth",
      data: `/data/${pinfo.files.geojson!.path}`,
      key: pinfo.key,
      field: spec.value,
      scale,
      bounds: view.k > 1 ? view.bounds : [w, s, e, n],
      limits: [lw, ls, le, ln],
      fonts: siteFonts(),
      labels: !!showLabels,
      ...(lang === "ko" ? { lang } : {}),
      ...(spec.boundaries ? { values: Object.fromEntries(areas.map((a) => [a.key, a.value])) } : {}),
      ...(areas.length < fc.features.length ? { keys: areas.map((a) => a.key) } : {}),
      ...(outline ? { outline: `/data/${outline.info.files.geojson!.path}` } : {}),
      ...(layers.length ? { overlays: layers.map((l) => l.overlay) } : {}),
      order: ordered.map((a) => ({
        key: a.key,
        name: areaName(a),
        value: show(a.value, a.row),
        at: a.label,
        name_en: a.en.replace(/-(gu|dong)$/, ""),
        name_ko: a.ko,
        ...(a.href ? { href: a.href } : {}),
      })),
    };
    const byValue = [...areas].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.name.localeCompare(b.name));
    const labelField = pinfo.fields.find((f) => f.name === pinfo.label_field)!;
    const koField = pinfo.fields.find((f) => f.name === "name_ko");
    const columns = [labelField, ...(koField ? [koField] : []), { ...field, unit }];
    const rows = byValue.map((a) => ({
      [labelField.name]: a.name,
      ...(koField ? { name_ko: a.nameKo } : {}),
      [field.name]: a.value,
      ...(a.href ? { [ROW_HREF]: a.href } : {}),
      ...(areaAnchor(pinfo.name, a.key) ? { [ROW_ID]: areaAnchor(pinfo.name, a.key)! } : {}),
    }));
    return {
      graphic,
      legend: legendHtml(field, unit, scale, missing > 0, `${ctx.id}-legend-nodata`, html`${layers.map((l) => l.legend)}`, lang),
      table: { columns, rows },
      description,
      map: config,
      view: {
        field: field.label,
        highlighted: ordered.filter((a) => highlighted.has(a.key)).map(areaName),
        ...(view.k > 1 ? { zoom: zoomKey ? areaName(areas.find((a) => a.key === zoomKey) ?? { name: zoomKey, nameKo: "" }) : "" } : {}),
        ...(layers.length ? { layer: layers.map((l) => l.title).join(", ") } : {}),
      },
      cites: [
        { dataset: ctx.dataset.info.name, rows: spec.boundaries ? [...joined.values()] : areas.map((a) => a.row), fields: [spec.value] },
        ...(spec.boundaries ? [{ dataset: spec.boundaries, geometry: true }] : []),
        ...(spec.outline ? [{ dataset: spec.outline, geometry: true }] : []),
        ...layers.map((l) => l.cite),
      ],
      downloads: spec.boundaries ? [{ label: fillIn(t.geojsonOf, { name: pinfo.name }), href: `/data/${pinfo.files.geojson!.path}` }] : [],
    };
  },
};
