/** bar: horizontal bars, sorted, with optional highlighted bars. SVG at build time via d3 scales. */
import { max, scaleLinear } from "d3";
import { z } from "zod";
import { formatTick, formatValue } from "../../lib/format.ts";
import { html } from "../../lib/html.ts";
import type { FieldInfo } from "../../lib/manifest.ts";
import type { Row } from "../datasets.ts";
import { CommonSpec } from "../spec.ts";
import type { FigureKind } from "../types.ts";

export const BarSpec = CommonSpec.extend({
  kind: z.literal("bar"),
  value: z.string(),
  label: z.string().optional(),
  sort: z.enum(["descending", "ascending", "none"]).default("descending"),
  /** Keys (the dataset's key field, or slug) of bars to highlight. */
  highlight: z.array(z.string()).default([]),
}).strict();

const WIDTH = 640;
const ROW = 22;
const BAR = 15;

/** Rough width of a label in px at 13px: Hangul is about square, Latin about half. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3131-\uD79D]/.test(ch) ? 13 : 7.2;
  return w;
}

export const bar: FigureKind<typeof BarSpec> = {
  kind: "bar",
  schema: BarSpec,
  fields: [{ key: "value", numeric: true }, { key: "label" }],
  render(spec, ctx) {
    const info = ctx.dataset.info;
    const field = info.fields.find((f) => f.name === spec.value)!;
    const labelField = spec.label ?? info.label_field;
    const rows = ctx.dataset.rows.filter((r) => typeof r[spec.value] === "number");
    if (spec.sort !== "none")
      rows.sort((a, b) => ((a[spec.value] as number) - (b[spec.value] as number)) * (spec.sort === "ascending" ? 1 : -1));
    const highlighted = new Set(spec.highlight);
    const isHighlighted = (r: Row) => highlighted.has(String(r[info.key])) || (typeof r.slug === "string" && highlighted.has(r.slug));
    const labelOf = (r: Row) => String(r[labelField] ?? "");

    const left = Math.min(200, Math.ceil(Math.max(...rows.map((r) => textWidth(labelOf(r))))) + 12);
    const margin = { top: 24, right: 78, bottom: 6, left };
    const height = margin.top + rows.length * ROW + margin.bottom;
    const x = scaleLinear([0, max(rows, (r) => r[spec.value] as number) ?? 1], [margin.left, WIDTH - margin.right]).nice();
    const ticks = x.ticks(4);
    const tipName = (r: Row) => (typeof r.name_ko === "string" && labelField !== "name_ko" ? `${labelOf(r)} (${r.name_ko})` : labelOf(r));

    const graphic = html`<svg class="chart chart--bar" viewBox="0 0 ${WIDTH} ${height}" role="group" aria-label="${spec.title}">
<g class="axis" aria-hidden="true">${ticks.map((t) => html`<line class="grid" x1="${x(t)}" x2="${x(t)}" y1="${margin.top - 6}" y2="${height - margin.bottom}"/><text class="tick" x="${x(t)}" y="${margin.top - 10}">${formatTick(t)}</text>`)}</g>
<g class="bars">
${rows.map((r, i) => {
  const v = r[spec.value] as number;
  const y = margin.top + i * ROW;
  const value = formatValue(v, field.unit);
  return html`<g class="bar-row${isHighlighted(r) ? " is-highlighted" : ""}"><text class="bar-label" x="${margin.left - 8}" y="${y + BAR / 2}">${labelOf(r)}</text><rect class="mark bar" x="${margin.left}" y="${y}" width="${Math.max(0.5, x(v) - margin.left).toFixed(1)}" height="${BAR}" tabindex="${i === 0 ? 0 : -1}" role="img" aria-label="${tipName(r)}: ${value}" data-key="${String(r[info.key])}" data-name="${tipName(r)}" data-value="${value}"/><text class="bar-value" x="${(x(v) + 6).toFixed(1)}" y="${y + BAR / 2}">${formatTick(v)}</text></g>\n`;
})}</g>
</svg>`;

    const top = rows[0];
    const bottom = rows[rows.length - 1];
    const description =
      `Bar chart of ${field.label.toLowerCase()} for ${rows.length} rows, sorted ${spec.sort === "none" ? "as in the data" : spec.sort}. ` +
      (top && bottom
        ? `First: ${tipName(top)}, ${formatValue(top[spec.value] as number, field.unit)}. Last: ${tipName(bottom)}, ${formatValue(bottom[spec.value] as number, field.unit)}.`
        : "");
    const columns = [labelField, "name_ko", spec.value]
      .filter((n, i, all) => all.indexOf(n) === i)
      .map((n) => info.fields.find((f) => f.name === n))
      .filter((f): f is FieldInfo => !!f);
    return { graphic, table: { columns, rows }, description };
  },
};
