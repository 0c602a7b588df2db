/**
 * bar: horizontal bars, sorted, with optional highlighted bars and a row filter. Rows
 * without a value keep a row that says "no data". The SVG comes from src/lib/charts/bar.ts,
 * which the browser also uses to redraw the chart at its real width.
 */
import { z } from "zod";
import type { BarModel, BarRow } from "../../lib/charts/bar.ts";
import { formatNumber, standalone } from "../../lib/format.ts";
import { html } from "../../lib/html.ts";
import { FIGURE_STRINGS } from "../../lib/i18n/figures.ts";
import { fill } from "../../lib/i18n/index.ts";
import { chartParts } from "../chart-parts.ts";
import type { Row } from "../datasets.ts";
import { approxPrefix, checkOneUnit, displayName, fieldsNamed, formatAmount, rowKeys, rowSlug, unitOf, valueDigits } from "../rows.ts";
import { CommonSpec } from "../spec.ts";
import type { FigureKind } from "../types.ts";

export const BarSpec = CommonSpec.extend({
  kind: z.literal("bar"),
  /** Numeric field: the length of each bar. */
  value: z.string(),
  /** Field with each bar's label (default: the dataset's label field). */
  label: z.string().optional(),
  sort: z.enum(["descending", "ascending", "none"]).default("descending"),
  /** Keys of rows to highlight: the dataset's key field, or `slug` where the dataset has one. */
  highlight: z.array(z.union([z.string(), z.number()])).default([]),
  /** Show only the first N bars after sorting (the table keeps every row). */
  limit: z.number().int().min(1).optional(),
}).strict();
export type BarSpec = z.output<typeof BarSpec>;

export const bar: FigureKind<typeof BarSpec> = {
  kind: "bar",
  schema: BarSpec,
  fields: [{ key: "value", type: "numeric" }, { key: "label" }],
  check(spec, check, dataset, rows) {
    check.oneOf("highlight", spec.highlight, rowKeys(dataset.info, rows), `a key of ${dataset.info.name} in the rows shown`);
    checkOneUnit(check, "value", dataset.info, spec.value, rows);
  },
  render(spec, ctx) {
    const { info } = ctx.dataset;
    const field = info.fields.find((f) => f.name === spec.value)!;
    const labelField = spec.label ?? info.label_field;
    const { rows, lang } = ctx;
    const t = FIGURE_STRINGS[lang];
    const unit = unitOf(info, field, rows);
    const value = (r: Row) => (typeof r[spec.value] === "number" ? (r[spec.value] as number) : null);
    const sorted = [...rows];
    if (spec.sort !== "none") {
      const sign = spec.sort === "ascending" ? 1 : -1;
      // Rows without a value go last, whatever the order.
      sorted.sort((a, b) => (value(a) === null ? 1 : value(b) === null ? -1 : (value(a)! - value(b)!) * sign));
    }
    const shown = spec.limit ? sorted.slice(0, spec.limit) : sorted;
    const highlighted = new Set(spec.highlight.map(String));
    const isHighlighted = (r: Row) => highlighted.has(String(r[info.key])) || highlighted.has(rowSlug(r) ?? "");
    const digits = valueDigits(field, rows.map(value));
    /** A bar's label as the data writes it. */
    const labelOf = (r: Row) => String(r[labelField] ?? "–");
    const barRows: BarRow[] = shown.map((r) => ({
      key: String(r[info.key]),
      // The bar's name beside it and, with its Korean name on a Korean page, in the tooltip and the description.
      label: standalone(labelOf(r), lang),
      name: standalone(displayName(r, labelField, lang), lang),
      value: value(r),
      display: approxPrefix(r, formatAmount(value(r), unit, digits, lang), lang),
      text: formatNumber(value(r), { digits, locale: lang }),
      highlighted: isHighlighted(r),
    }));
    const model: BarModel = { kind: "bar", title: spec.title, rows: barRows, ...(lang === "ko" ? { lang } : {}) };

    const present = barRows.filter((r) => r.value !== null);
    const missing = barRows.filter((r) => r.value === null);
    const top = present[0];
    const last = present[present.length - 1];
    const order = spec.sort === "none" ? t.barInDataOrder : spec.sort === "ascending" ? t.barSortedAscending : t.barSortedDescending;
    const description =
      fill(barRows.length === 1 ? t.barDescriptionOne : t.barDescription, {
        field: lang === "ko" ? field.label : field.label.toLowerCase(),
        n: barRows.length,
        order,
      }) +
      (top && last ? fill(t.firstLast, { first: top.name, firstValue: top.display, last: last.name, lastValue: last.display }) : "") +
      (missing.length ? fill(t.noDataFor, { names: missing.map((r) => r.name).join(t.listSep) }) : "");
    const legend = barRows.some((r) => r.highlighted)
      ? html`<div class="legend"><ul class="legend__classes legend__classes--bar"><li><span class="legend__bar legend__bar--hi" aria-hidden="true"></span>${standalone(
          shown.filter(isHighlighted).map(labelOf).join(t.listSep),
          lang,
        )}</li><li><span class="legend__bar" aria-hidden="true"></span>${t.others}</li></ul></div>`
      : undefined;
    const columns = [...fieldsNamed(info, [labelField, "name_ko"]), { ...field, unit }];
    const autoNotes = spec.limit && sorted.length > shown.length ? [fill(t.barLimit, { shown: shown.length, total: sorted.length })] : [];
    return {
      ...chartParts(model),
      legend,
      table: { columns, rows: sorted },
      description,
      autoNotes,
      view: { field: field.label, highlighted: barRows.filter((r) => r.highlighted).map((r) => r.name) },
      cites: [{ dataset: info.name, rows: shown, fields: [spec.value] }],
    };
  },
};
