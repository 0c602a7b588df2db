/**
 * line: a time series (x a date or a year, y numeric), split into several lines by a
 * field if asked, with an optional target drawn from the same or another dataset (e.g.
 * Seoul's emissions against its 2030 target) and annotations at x values.
 * The SVG comes from src/lib/charts/line.ts, which the browser reuses to redraw.
 */
import { z } from "zod";
import type { LineModel, LinePoint, LineSeries } from "../../lib/charts/line.ts";
import { CATEGORY_COLORS, categoryColors } from "../../lib/classify.ts";
import { datePosition, formatPartialDate, parsePartialDate } from "../../lib/dates.ts";
import { standalone } from "../../lib/format.ts";
import { html } from "../../lib/html.ts";
import { FIGURE_STRINGS } from "../../lib/i18n/figures.ts";
import { fill, type Lang } from "../../lib/i18n/index.ts";
import type { FieldInfo } from "../../lib/manifest.ts";
import { chartParts } from "../chart-parts.ts";
import type { Dataset, Row } from "../datasets.ts";
import { textIn } from "../localize.ts";
import { approxPrefix, checkOneUnit, formatAmount, unitOf, valueDigits } from "../rows.ts";
import { CommonSpec, type SpecChecker } from "../spec.ts";
import type { FigureKind } from "../types.ts";
import { applyFilters, checkWhere, WhereSpec } from "../where.ts";

const XValue = z.union([z.number(), z.string()]);

export const LineSpec = CommonSpec.extend({
  kind: z.literal("line"),
  /** Date (YYYY, YYYY-MM, YYYY-MM-DD) or year field. */
  x: z.string(),
  /** Numeric field. */
  y: z.string(),
  /** Field that splits the rows into one line per value (at most 7). */
  series: z.string().optional(),
  target: z
    .object({
      /** Dataset of the targets (default: the figure's dataset). */
      dataset: z.string().optional(),
      x: z.string(),
      y: z.string(),
      where: WhereSpec.optional(),
      exclude: WhereSpec.optional(),
      label: z.string().default("Target"),
    })
    .strict()
    .optional(),
  annotations: z
    .array(
      z
        .object({
          x: XValue,
          y: z.number().optional(),
          text: z.string().min(1),
        })
        .strict(),
    )
    .default([]),
  /** Start the y axis at zero (default true; turn off only when the change matters more than the level). */
  zero: z.boolean().default(true),
}).strict();
export type LineSpec = z.output<typeof LineSpec>;

const SERIES_NAME = "__series";

/** Position of an x value (a year or a partial date) on the time axis, or undefined; its label in `lang`. */
function xPosition(value: unknown, lang: Lang = "en"): { x: number; label: string } | undefined {
  const d = parsePartialDate(value);
  return d ? { x: datePosition(d), label: formatPartialDate(d, lang) } : undefined;
}

function targetDataset(spec: LineSpec, dataset: Dataset, get: (name: string) => Dataset): Dataset {
  return spec.target?.dataset ? get(spec.target.dataset) : dataset;
}

/** Rows whose x is not a date, and series that repeat an x, stop the build: the line would lie. */
function checkSeriesRows(
  check: SpecChecker,
  rows: Row[],
  xField: string,
  seriesField: string | undefined,
  path: string,
  dataset: string,
): void {
  const bad = rows.filter((r) => r[xField] !== null && !xPosition(r[xField]));
  if (bad.length) {
    check.add(
      path,
      "spec-bad-x",
      `${bad.length} row(s) of ${dataset} have an x value that is not a year or date: ${bad
        .slice(0, 3)
        .map((r) => JSON.stringify(r[xField]))
        .join(", ")}`,
      "x values must look like 2023, 2023-03 or 2023-03-15.",
    );
  }
  const seen = new Map<string, number>();
  for (const r of rows) {
    const k = `${seriesField ? r[seriesField] : ""}\u0000${r[xField]}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const repeated = [...seen].filter(([, n]) => n > 1).map(([k]) => k.split("\u0000"));
  if (repeated.length) {
    check.add(
      path,
      "spec-repeated-x",
      `${dataset} has several rows for the same x${seriesField ? " in one series" : ""}: ${repeated
        .slice(0, 4)
        .map(([s, x]) => (seriesField ? `${x} (${s})` : x))
        .join(", ")}`,
      seriesField ? "Narrow the rows with `where`." : "Split them into lines with `series: <field>`, or pick rows with `where`.",
    );
  }
}

/**
 * Years missing from the data are not drawn over: where two points are more than twice the
 * usual step apart (e.g. 2005, then 2014–2019), the line breaks instead of bridging the gap.
 */
function breakAtLongGaps(points: LinePoint[]): LinePoint[] {
  const steps = points
    .slice(1)
    .map((p, i) => p.x - points[i]!.x)
    .sort((a, b) => a - b);
  if (steps.length < 2) return points;
  const usual = steps[Math.floor(steps.length / 2)]!;
  return points.map((p, i) => (i > 0 && p.x - points[i - 1]!.x > 2 * usual + 1e-9 ? { ...p, gapBefore: true } : p));
}

export const line: FigureKind<typeof LineSpec> = {
  kind: "line",
  schema: LineSpec,
  fields: [
    { key: "x", type: "date" },
    { key: "y", type: "numeric" },
    { key: "series" },
    { key: "target.x", type: "date", dataset: "target.dataset" },
    { key: "target.y", type: "numeric", dataset: "target.dataset" },
  ],
  check(spec, check, dataset, rows) {
    checkSeriesRows(check, rows, spec.x, spec.series, spec.where ? "where" : "x", dataset.info.name);
    checkOneUnit(check, "y", dataset.info, spec.y, rows);
    if (spec.series) {
      const n = new Set(rows.map((r) => String(r[spec.series!]))).size;
      if (n > CATEGORY_COLORS.length)
        check.add(
          "series",
          "spec-too-many-categories",
          `"${spec.series}" splits the rows into ${n} lines; colours can tell at most ${CATEGORY_COLORS.length} apart`,
          "Pick fewer lines with `where`.",
        );
    }
    if (spec.target) {
      const target = targetDataset(spec, dataset, (n) => check.store.get(n));
      checkWhere(check, "target.where", target.info, target.rows);
      checkWhere(check, "target.exclude", target.info, target.rows);
      const trows = applyFilters(target.rows, spec.target);
      if (!trows.length)
        check.add("target", "spec-no-rows", `no row of ${target.info.name} is left for the target`, "Loosen `target.where`.");
      checkSeriesRows(check, trows, spec.target.x, undefined, spec.target.where ? "target.where" : "target.x", target.info.name);
      const yField = dataset.info.fields.find((f) => f.name === spec.y);
      const tField = target.info.fields.find((f) => f.name === spec.target!.y);
      const yUnit = yField && unitOf(dataset.info, yField, rows);
      const tUnit = tField && unitOf(target.info, tField, trows);
      if (yUnit && tUnit && yUnit !== tUnit) {
        check.add(
          "target.y",
          "spec-unit-mismatch",
          `the target is in ${tUnit} but the line is in ${yUnit}`,
          "Pick a target field in the same unit as `y`.",
        );
      }
    }
    spec.annotations.forEach((a, i) => {
      if (!xPosition(a.x))
        check.add(
          ["annotations", i, "x"],
          "spec-invalid-value",
          `${JSON.stringify(a.x)} is not a year or date`,
          "Write x like 2030, 2023-03 or 2023-03-15.",
        );
    });
  },
  render(spec, ctx) {
    const { info } = ctx.dataset;
    const yField = info.fields.find((f) => f.name === spec.y)!;
    const xField = info.fields.find((f) => f.name === spec.x)!;
    const { rows, lang } = ctx;
    const t = FIGURE_STRINGS[lang];
    const SERIES: FieldInfo = { name: SERIES_NAME, type: "string", label: t.series };
    const targetLabel = spec.target?.label === "Target" ? t.target : spec.target?.label;
    const unit = unitOf(info, yField, rows);
    const numbers = (rs: Row[], f: string) => rs.map((r) => (typeof r[f] === "number" ? (r[f] as number) : null));
    const digits = valueDigits(yField, numbers(rows, spec.y));
    const point = (r: Row, xf: string, yf: string, key: string): LinePoint | undefined => {
      const x = xPosition(r[xf], lang);
      const y = r[yf];
      if (!x || typeof y !== "number") return undefined;
      return { key, x: x.x, y, xLabel: x.label, display: approxPrefix(r, formatAmount(y, unit, digits, lang), lang) };
    };

    const names = spec.series ? [...new Set(rows.map((r) => String(r[spec.series!])))] : [yField.label];
    const colors = categoryColors(names);
    const series: LineSeries[] = names.map((value) => {
      // A line's name is its label at the line's end and in the legend, and starts its sentence in the description.
      const name = standalone(value, lang);
      const own = rows
        .filter((r) => !spec.series || String(r[spec.series]) === value)
        .map((r) => ({ r, at: xPosition(r[spec.x])?.x ?? Infinity }))
        .sort((a, b) => a.at - b.at);
      // A row without a value breaks the line: the next point starts a new run.
      const points: LinePoint[] = [];
      let gap = false;
      for (const { r } of own) {
        const p = point(r, spec.x, spec.y, `${value}-${r[info.key] ?? points.length}`);
        if (!p) gap = points.length > 0;
        else {
          points.push(gap ? { ...p, gapBefore: true } : p);
          gap = false;
        }
      }
      return { name, color: colors.get(value)!, points: breakAtLongGaps(points) };
    });
    const gaps = rows.filter((r) => typeof r[spec.y] !== "number");

    const target = spec.target ? targetDataset(spec, ctx.dataset, (n) => ctx.store.get(n)) : undefined;
    const targetRows = spec.target && target ? applyFilters(target.rows, spec.target) : [];
    const targetPoints = spec.target
      ? targetRows
          .map((r, i) => point(r, spec.target!.x, spec.target!.y, `target-${i}`))
          .filter((p): p is LinePoint => !!p)
          .sort((a, b) => a.x - b.x)
      : [];
    const model: LineModel = {
      kind: "line",
      title: spec.title,
      xType: "time",
      series,
      ...(spec.target ? { target: { label: targetLabel!, points: targetPoints } } : {}),
      annotations: spec.annotations.map((a) => ({ x: xPosition(a.x)!.x, ...(a.y !== undefined ? { y: a.y } : {}), text: a.text })),
      zero: spec.zero,
      ...(lang === "ko" ? { lang } : {}),
    };

    const legend = html`<div class="legend"><ul class="legend__classes">${series.map(
      (s) =>
        html`<li><svg class="legend__swatch" width="22" height="12" aria-hidden="true"><line x1="1" x2="21" y1="6" y2="6" stroke="${s.color}" stroke-width="2.5"/></svg><span>${s.name}</span></li>`,
    )}${
      spec.target
        ? html`<li><svg class="legend__swatch" width="22" height="12" aria-hidden="true"><line class="legend-target" x1="1" x2="21" y1="6" y2="6"/></svg><span>${textIn(targetLabel!, !!ctx.fallbacks?.has("target.label"))}</span></li>`
        : ""
    }</ul>${unit ? html`<p class="legend__note">${fill(t.legendUnit, { label: yField.label, unit })}</p>` : ""}</div>`;

    const describeSeries = (s: LineSeries) => {
      const a = s.points[0];
      const b = s.points[s.points.length - 1];
      return a && b
        ? fill(t.lineSeries, { name: s.name, first: a.display, firstDate: a.xLabel }) +
            (b !== a ? fill(t.lineSeriesLast, { last: b.display, lastDate: b.xLabel }) : "")
        : fill(t.lineNoValues, { name: s.name });
    };
    const description =
      fill(t.lineDescription, {
        field: lang === "ko" ? yField.label : yField.label.toLowerCase(),
        series: series.map(describeSeries).join(". "),
      }) +
      (targetPoints.length
        ? fill(t.lineTarget, {
            label: targetLabel!,
            values: targetPoints.map((p) => fill(t.lineTargetValue, { value: p.display, date: p.xLabel })).join(t.listSep),
          })
        : "");

    const tableRows: Row[] = [
      ...series.flatMap((s, i) =>
        rows
          .filter((r) => !spec.series || String(r[spec.series]) === names[i])
          .map((r) => ({ [spec.x]: r[spec.x] ?? null, [SERIES.name]: s.name, [spec.y]: r[spec.y] ?? null })),
      ),
      ...targetRows.map((r) => ({
        [spec.x]: r[spec.target!.x] ?? null,
        [SERIES.name]: targetLabel!,
        [spec.y]: r[spec.target!.y] ?? null,
      })),
    ];
    // Where a line breaks: a row without a value, or years the data skips.
    // Inside a sentence a line is named as the data writes it: "(inventory)".
    const breaks = series.flatMap((s, n) =>
      s.points.flatMap((p, i) =>
        p.gapBefore && i > 0
          ? [`${fill(t.lineBreak, { from: s.points[i - 1]!.xLabel, to: p.xLabel })}${series.length > 1 ? ` (${names[n]})` : ""}`]
          : [],
      ),
    );
    const autoNotes = [
      ...(gaps.length
        ? [fill(t.lineNoValue, { xs: gaps.map((r) => xPosition(r[spec.x], lang)?.label ?? String(r[spec.x])).join(t.listSep) })]
        : []),
      ...(breaks.length ? [fill(t.lineBreaks, { breaks: breaks.join("; ") })] : []),
    ];
    return {
      ...chartParts(model),
      legend,
      table: { columns: [xField, SERIES, yField], rows: tableRows },
      description,
      autoNotes,
      cites: [
        { dataset: info.name, rows, fields: [spec.y] },
        ...(target && spec.target ? [{ dataset: target.info.name, rows: targetRows, fields: [spec.target.y] }] : []),
      ],
      downloads:
        target && target !== ctx.dataset
          ? [{ label: fill(t.csvOf, { name: target.info.name }), href: `/data/${target.info.files.csv.path}` }]
          : [],
    };
  },
};
