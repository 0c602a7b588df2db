/**
 * points: a locator map. Points coloured by category, labelled in English and Korean
 * where there is room, grouped into clusters when there are many, on the district (or
 * dong) polygons with one district optionally highlighted. Rows without coordinates are
 * listed in the table, and a note says they are not on the map.
 * Build side: SVG via d3-geo; browser side: MapLibre (src/assets/map.ts), same colours.
 */
// The two turf packages it needs, not @turf/turf (which takes about 0.4 s to load).
import { clustersDbscan } from "@turf/clusters-dbscan";
import { featureCollection, point } from "@turf/helpers";
import { geoBounds, geoMercator, geoPath } from "d3";
import type { Feature, FeatureCollection, Point } from "geojson";
import { z } from "zod";
import { categoryColors } from "../../lib/classify.ts";
import { standalone } from "../../lib/format.ts";
import { html } from "../../lib/html.ts";
import { FIGURE_STRINGS } from "../../lib/i18n/figures.ts";
import { fill } from "../../lib/i18n/index.ts";
import type { FieldInfo } from "../../lib/manifest.ts";
import { POINT_COLOR, type PointsMapConfig } from "../../lib/map-style.ts";
import { textWidth } from "../../lib/text-fit.ts";
import { siteFonts } from "../../site/assets-manifest.ts";
import { compactPath } from "../compact-path.ts";
import type { Row } from "../datasets.ts";
import { type Box, narrowLabels, placeLabels } from "../label-placement.ts";
import { categoryLabel, originalRow } from "../localize.ts";
import { fieldsNamed, rowKeys } from "../rows.ts";
import { CommonSpec } from "../spec.ts";
import type { FigureKind } from "../types.ts";
import { areaName, WIDTH } from "./choropleth.ts";

/** With `cluster: auto`, points are grouped when there are more than this many. */
export const AUTO_CLUSTER_OVER = 50;
/** Points closer than this on the SVG (px) join one cluster. */
const CLUSTER_RADIUS = 14;

export const PointsSpec = CommonSpec.extend({
  kind: z.literal("points"),
  /** Field whose values colour the points (at most 7 categories). */
  category: z.string().optional(),
  /** English label field (default: the dataset's label field) and Korean label field (default: name_ko when present). */
  label: z.string().optional(),
  label_ko: z.string().optional(),
  /** Name labels on the map; `auto` labels when there are at most 30 points. */
  labels: z.union([z.boolean(), z.literal("auto")]).default("auto"),
  cluster: z.union([z.boolean(), z.literal("auto")]).default("auto"),
  /** Polygons under the points. */
  basemap: z.string().default("districts"),
  /** Key (or slug) of a basemap polygon to highlight. */
  highlight: z.union([z.string(), z.number()]).optional(),
  /** What the map shows: all of Seoul, the highlighted polygon, or just the points. */
  frame: z.enum(["seoul", "highlight", "points"]).default("seoul"),
}).strict();
export type PointsSpec = z.output<typeof PointsSpec>;

interface Site {
  key: string;
  name: string;
  nameKo: string;
  /** The category as the data gives it (colours and the interactive map match it) … */
  category: string | null;
  /** … and as the page names it. */
  categoryName: string | null;
  coords: [number, number];
  row: Row;
}

export const points: FigureKind<typeof PointsSpec> = {
  kind: "points",
  schema: PointsSpec,
  datasetKinds: ["points"],
  fields: [{ key: "category" }, { key: "label" }, { key: "label_ko" }],
  map: true,
  check(spec, check, _dataset, rows) {
    const basemap = check.dataset("basemap", ["polygons"], spec.basemap);
    if (basemap && spec.highlight !== undefined) {
      const b = check.store.get(basemap.name);
      check.oneOf("highlight", [spec.highlight], rowKeys(basemap, b.rows), `a key of ${basemap.name}`);
    }
    if (spec.frame === "highlight" && spec.highlight === undefined) {
      check.add(
        "frame",
        "spec-missing-key",
        '"frame: highlight" needs a district to highlight',
        "Add `highlight: <district slug or code>`, or use `frame: seoul` or `frame: points`.",
      );
    }
    if (spec.category) {
      const cats = new Set(rows.map((r) => String(r[spec.category!] ?? "")));
      if (cats.size > 7)
        check.add(
          "category",
          "spec-too-many-categories",
          `"${spec.category}" has ${cats.size} values; colours can tell at most 7 apart`,
          "Pick a field with fewer values, or filter rows with `where`.",
        );
    }
  },
  render(spec, ctx) {
    const { info } = ctx.dataset;
    const { lang } = ctx;
    const t = FIGURE_STRINGS[lang];
    const ON_MAP: FieldInfo = { name: "__on_map", type: "string", label: t.onMap };
    const labelField = spec.label ?? info.label_field;
    // A Korean figure's label column holds the Korean name already (name_ko is its twin there).
    const hasKo = info.fields.some((f) => f.name === "name_ko" || f.ko_field === "name_ko");
    const koField = spec.label_ko ?? (hasKo ? "name_ko" : undefined);
    const { rows } = ctx;
    const categoryField = spec.category ? info.fields.find((f) => f.name === spec.category) : undefined;
    const categoryOf = (row: Row) => (spec.category ? String(originalRow(row)[spec.category] ?? "–") : null);
    const categoryNameOf = (row: Row) => {
      if (!spec.category) return null;
      const v = String(row[spec.category] ?? "–");
      return categoryField ? categoryLabel(categoryField, v, lang) : v;
    };
    const wanted = new Set(rows.map((r) => String(r[info.key])));
    const basemap = ctx.store.get(spec.basemap);
    const bkey = basemap.info.key;
    const highlightRow =
      spec.highlight === undefined
        ? undefined
        : basemap.rows.find((r) => String(r[bkey]) === String(spec.highlight) || r.slug === String(spec.highlight));
    const highlightKey = highlightRow ? String(highlightRow[bkey]) : undefined;
    const highlightFeature = basemap.geojson!.features.find((f) => String(f.properties?.[bkey]) === highlightKey);

    // Drawn: the features with a point geometry whose row passed the filter.
    const rowByKey = new Map(rows.map((r) => [String(r[info.key]), r]));
    const sites: Site[] = (ctx.dataset.geojson?.features ?? [])
      .filter((f): f is Feature<Point> => f.geometry?.type === "Point" && wanted.has(String(f.properties?.[info.key])))
      .map((f) => {
        const key = String(f.properties![info.key]);
        const row = rowByKey.get(key)!;
        return {
          key,
          name: String(row[labelField] ?? key),
          nameKo: lang !== "ko" && koField && typeof row[koField] === "string" ? (row[koField] as string) : "",
          category: categoryOf(row),
          categoryName: categoryNameOf(row),
          coords: f.geometry.coordinates as [number, number],
          row,
        };
      });
    const drawnKeys = new Set(sites.map((s) => s.key));
    const notDrawn = rows.filter((r) => !drawnKeys.has(String(r[info.key])));
    const colors = spec.category ? categoryColors(sites.map((s) => s.category!)) : new Map<string, string>();
    const colorOf = (s: Site) => (s.category === null ? POINT_COLOR : colors.get(s.category)!);
    // Legend items and points of one category share a class, which the legend highlights.
    const classOf = new Map([...colors.keys()].map((c, i) => [c, i]));
    const classAttr = (s: Site) => (s.category === null ? "" : html` data-class="${classOf.get(s.category)!}"`);
    const nameOfCategory = new Map(sites.map((s) => [s.category, s.categoryName]));
    // The tooltip's second line: the category, else the address, else what the dataset is.
    const tipValue = (s: Site) =>
      s.category !== null
        ? `${categoryField?.label ?? t.category}: ${s.categoryName}`
        : typeof s.row.address === "string"
          ? s.row.address
          : info.title;

    // The frame: Seoul, the highlighted polygon, or the points (with some room around them).
    const frame: FeatureCollection =
      spec.frame === "highlight" && highlightFeature
        ? featureCollection([highlightFeature])
        : spec.frame === "points" && sites.length
          ? featureCollection(sites.map((s) => point(s.coords)))
          : featureCollection([...basemap.geojson!.features, ...sites.map((s) => point(s.coords))]);
    const projection = geoMercator();
    if (spec.frame === "seoul" || !sites.length) projection.fitWidth(WIDTH, frame);
    else {
      const pad = 40;
      projection.fitExtent(
        [
          [pad, pad],
          [WIDTH - pad, WIDTH * 0.75 - pad],
        ],
        frame,
      );
    }
    const [[, fy0], [, fy1]] = geoPath(projection).bounds(frame);
    const height = spec.frame === "seoul" || !sites.length ? Math.ceil(fy1 - fy0 + Math.max(0, fy0) * 2) : Math.round(WIDTH * 0.75);
    // Shapes are cut at the frame: a map framed on one district does not carry the outline
    // of every other district in its markup (a basemap area entirely outside is dropped).
    projection.clipExtent([
      [-2, -2],
      [WIDTH + 2, height + 2],
    ]);
    const path = compactPath(projection);
    const xy = (s: Site) => projection(s.coords)!;

    // Clusters: points closer than CLUSTER_RADIUS px at this scale (turf's DBSCAN, in km).
    const clusterOn = spec.cluster === true || (spec.cluster === "auto" && sites.length > AUTO_CLUSTER_OVER);
    const groups: Site[][] = [];
    if (clusterOn && sites.length > 1) {
      const [cx, cy] = projection.invert!([WIDTH / 2, height / 2])!;
      const a = projection([cx, cy])!;
      const b = projection([cx + 0.01, cy])!;
      const kmPerPx = (0.01 * 111.32 * Math.cos((cy * Math.PI) / 180)) / Math.abs(b[0] - a[0]);
      const clustered = clustersDbscan(featureCollection(sites.map((s, i) => point(s.coords, { i }))), CLUSTER_RADIUS * kmPerPx, {
        minPoints: 2,
      });
      const byCluster = new Map<number, Site[]>();
      for (const f of clustered.features) {
        const site = sites[f.properties.i as number]!;
        if (f.properties.dbscan === "noise" || f.properties.cluster === undefined) groups.push([site]);
        else byCluster.set(f.properties.cluster, [...(byCluster.get(f.properties.cluster) ?? []), site]);
      }
      groups.push(...byCluster.values());
    } else groups.push(...sites.map((s) => [s]));
    // Keyboard order: north to south, then west to east.
    const centre = (g: Site[]) => {
      const ps = g.map(xy);
      return [ps.reduce((s, p) => s + p[0], 0) / ps.length, ps.reduce((s, p) => s + p[1], 0) / ps.length] as [number, number];
    };
    const marks = groups.map((g) => ({ g, at: centre(g) })).sort((a, b) => a.at[1] - b.at[1] || a.at[0] - b.at[0]);

    const showLabels = spec.labels === "auto" ? sites.length <= 30 : spec.labels;
    const singles = marks.filter((m) => m.g.length === 1);
    const radius = (g: Site[]) => (g.length === 1 ? 6 : Math.min(22, 10 + Math.sqrt(g.length) * 2));
    const obstacles: Box[] = marks.map((m) => {
      const r = radius(m.g) + 1.5;
      return { x: m.at[0] - r, y: m.at[1] - r, w: 2 * r, h: 2 * r };
    });
    const labelRequests = showLabels
      ? singles.map(({ g, at: [x, y] }) => ({
          lines: [{ text: g[0]!.name, size: 12 }, ...(g[0]!.nameKo ? [{ text: g[0]!.nameKo, size: 11 }] : [])],
          positions: [
            { x: x + 9, y, anchor: "start" as const },
            { x: x - 9, y, anchor: "end" as const },
            { x, y: y - 22, anchor: "middle" as const },
            { x, y: y + 22, anchor: "middle" as const },
            { x: x + 7, y: y - 18, anchor: "start" as const },
            { x: x + 7, y: y + 18, anchor: "start" as const },
            { x: x - 7, y: y - 18, anchor: "end" as const },
            { x: x - 7, y: y + 18, anchor: "end" as const },
          ],
        }))
      : [];
    const placed = placeLabels(labelRequests, textWidth, { width: WIDTH, height }, obstacles);
    // On a phone the names are drawn larger, and those that would collide are hidden (label-placement.ts).
    const narrow = narrowLabels(labelRequests, placed, textWidth, { width: WIDTH, height }, { obstacles, move: true });

    const clip = `${ctx.id}-clip`;
    // What the drawing shows, in degrees (for a scrollytelling step on the interactive map).
    const [nw, se] = [projection.invert!([0, 0])!, projection.invert!([WIDTH, height])!];
    const graphic = html`<svg class="chart chart--map chart--points" viewBox="0 0 ${WIDTH} ${height}" role="group" aria-label="${spec.title}" data-bounds="${[nw[0], se[1], se[0], nw[1]].map((v) => v.toFixed(5)).join(",")}">
<defs><clipPath id="${clip}"><rect width="${WIDTH}" height="${height}"/></clipPath></defs>
<g clip-path="url(#${clip})" aria-hidden="true">
<g class="basemap">${basemap.geojson!.features.map((f) => {
      const d = path(f);
      return d ? html`<path class="basemap-area${String(f.properties?.[bkey]) === highlightKey ? " is-highlighted" : ""}" d="${d}"/>` : "";
    })}</g>
</g>
<g class="points" aria-hidden="true" data-marks="">
${marks.map(({ g, at: [x, y] }) => {
  if (g.length === 1) {
    const s = g[0]!;
    return html`<circle class="mark point" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="6" fill="${colorOf(s)}"${classAttr(s)} data-key="${s.key}" data-name="${areaName(s)}" data-value="${tipValue(s)}" data-x="${x.toFixed(1)}" data-y="${y.toFixed(1)}"/>\n`;
  }
  const names = g.map((s) => s.name).join("; ");
  const r = radius(g);
  return html`<g class="cluster"><circle class="mark cluster-mark" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" data-key="cluster-${g[0]!.key}" data-name="${fill(t.clusterName, { n: g.length })}" data-value="${names}" data-x="${x.toFixed(1)}" data-y="${y.toFixed(1)}"/><text class="cluster-count" x="${x.toFixed(1)}" y="${y.toFixed(1)}" aria-hidden="true">${g.length}</text></g>\n`;
})}</g>
${
  showLabels
    ? html`<g class="map-labels point-labels" aria-hidden="true">${singles.map(({ g }, i) => {
        const p = placed[i];
        if (!p) return "";
        const s = g[0]!;
        const two = !!s.nameKo;
        // Two lines: the English half a line above the point, the Korean under it (in em, so
        // that the lines keep apart where a phone draws them larger).
        const label = (at: { x: number; y: number; anchor: string }, narrowAttr: string) =>
          html`<text x="${at.x.toFixed(1)}" y="${at.y.toFixed(1)}" text-anchor="${at.anchor}"${narrowAttr ? html` data-narrow="${narrowAttr}"` : ""}><tspan class="label-en"${two ? html` dy="-0.55em"` : ""}>${s.name}</tspan>${
            two ? html`<tspan class="label-ko" x="${at.x.toFixed(1)}" dy="1.25em">${s.nameKo}</tspan>` : ""
          }</text>`;
        // Where the map is narrow, a name that no longer fits beside its point is hidden, or drawn on its other side.
        const { hide, moved } = narrow[i]!;
        return html`${label(p, hide ? "hide" : "")}${moved ? label(moved, "only") : ""}`;
      })}</g>`
    : ""
}
</svg>`;

    const legendItems = [
      ...(colors.size
        ? []
        : [
            html`<li><svg class="legend__swatch" width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="5.5" fill="${POINT_COLOR}"/></svg><span>${info.title}</span></li>`,
          ]),
      ...[...colors].map(
        ([cat, color], i) =>
          html`<li data-class="${i}"><svg class="legend__swatch" width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="5.5" fill="${color}"/></svg><span>${standalone(nameOfCategory.get(cat) ?? cat, lang)}</span></li>`,
      ),
      ...(highlightRow
        ? [
            html`<li><svg class="legend__swatch" width="18" height="12" aria-hidden="true"><rect class="legend-highlight" width="18" height="12"/></svg><span>${String(highlightRow[basemap.info.label_field] ?? highlightKey)}</span></li>`,
          ]
        : []),
      ...(marks.some((m) => m.g.length > 1)
        ? [
            html`<li><svg class="legend__swatch" width="18" height="18" aria-hidden="true"><circle class="legend-cluster" cx="9" cy="9" r="8"/></svg><span>${t.cluster}</span></li>`,
          ]
        : []),
    ];
    const legend = legendItems.length
      ? html`<div class="legend">${categoryField ? html`<p class="legend__title">${categoryField.label}</p>` : ""}<ul class="legend__classes">${legendItems}</ul></div>`
      : undefined;

    const [[w, s], [e, n]] = geoBounds(frame);
    const [[lw, ls], [le, ln]] = geoBounds(featureCollection([...basemap.geojson!.features, ...sites.map((x) => point(x.coords))]));
    const margin = spec.frame === "seoul" ? 0 : 0.004;
    const config: PointsMapConfig = {
      type: "points",
      data: `/data/${info.files.geojson!.path}`,
      key: info.key,
      basemap: `/data/${basemap.info.files.geojson!.path}`,
      basemapKey: bkey,
      ...(highlightKey ? { highlight: highlightKey } : {}),
      ...(spec.category ? { category: spec.category } : {}),
      colors: [...colors],
      cluster: clusterOn,
      labels: showLabels,
      labelField,
      ...(koField ? { labelKoField: koField } : {}),
      ...(lang === "ko" ? { lang } : {}),
      bounds: [w - margin, s - margin, e + margin, n + margin],
      limits: [lw, ls, le, ln],
      fonts: siteFonts(),
      order: marks.flatMap((m) => m.g).map((s) => ({ key: s.key, name: areaName(s), value: tipValue(s), at: s.coords })),
    };

    const counts = spec.category
      ? [...colors.keys()]
          .map((c) => {
            const n = sites.filter((s) => s.category === c).length;
            return lang === "ko" ? `${nameOfCategory.get(c)} ${n}곳` : `${n} ${c}`;
          })
          .join(t.listSep)
      : "";
    const description =
      fill(sites.length === 1 ? t.pointsDescriptionOne : t.pointsDescription, { n: sites.length, counts: counts ? ` (${counts})` : "" }) +
      (highlightRow ? fill(t.pointsHighlighted, { name: String(highlightRow[basemap.info.label_field]) }) : "") +
      `. ${sites
        .slice(0, 12)
        .map((s) => s.name)
        .join("; ")}${sites.length > 12 ? "; …" : ""}.` +
      (notDrawn.length ? fill(t.pointsMore, { n: notDrawn.length }) : "");
    const autoNotes = notDrawn.length
      ? [
          fill(notDrawn.length === 1 ? t.pointsNotDrawnOne : t.pointsNotDrawn, {
            n: notDrawn.length,
            total: rows.length,
            names: notDrawn.map((r) => String(r[labelField] ?? r[info.key])).join("; "),
          }),
        ]
      : [];
    const columns = [...fieldsNamed(info, [labelField, koField, spec.category, "address", "status"]), ON_MAP];
    const tableRows = rows.map((r) => ({ ...r, [ON_MAP.name]: drawnKeys.has(String(r[info.key])) ? t.onMapYes : t.onMapNo }));
    return {
      graphic,
      legend,
      view: { field: info.title, highlighted: highlightRow ? [String(highlightRow[basemap.info.label_field] ?? highlightKey)] : [] },
      table: { columns, rows: tableRows },
      description,
      autoNotes,
      map: config,
      cites: [
        { dataset: info.name, rows },
        { dataset: spec.basemap, geometry: true },
      ],
    };
  },
};
