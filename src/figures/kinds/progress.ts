/**
 * progress: a value against a target, e.g. firms attracted against a 450-firm target.
 * `actual` and `target` pick rows of one dataset with `where`-style filters; the latest
 * actual row (by `date`) is the value, earlier ones are ticks. Units must agree.
 * SVG from src/lib/charts/progress.ts (redrawn in the browser).
 */
import { z } from "zod";
import type { ProgressModel, ProgressValue } from "../../lib/charts/progress.ts";
import { datePosition, formatPartialDate, parsePartialDate } from "../../lib/dates.ts";
import { FIGURE_STRINGS } from "../../lib/i18n/figures.ts";
import { fill } from "../../lib/i18n/index.ts";
import { chartParts } from "../chart-parts.ts";
import type { Dataset, Row } from "../datasets.ts";
import { fieldsNamed, formatAmount, valueDigits } from "../rows.ts";
import { CommonSpec } from "../spec.ts";
import type { FigureKind } from "../types.ts";
import { applyWhere, checkWhere, WhereSpec } from "../where.ts";

export const ProgressSpec = CommonSpec.extend({
  kind: z.literal("progress"),
  /** Numeric field with the values. */
  value: z.string(),
  /** Rows that are measurements, e.g. `{ metric: tenant_firms, kind: actual }`. */
  actual: WhereSpec,
  /** The one row that is the target, e.g. `{ metric: firms, kind: target }`. */
  target: WhereSpec,
  /** Date field: orders the measurements and says when each was made. */
  date: z.string().optional(),
  /** Field with each row's unit (default: `unit` when the dataset has it; else the value field's unit). */
  unit: z.string().optional(),
  /** What is counted (default: the value field's label) and what the target is called. */
  label: z.string().optional(),
  target_label: z.string().default("Target"),
}).strict();
export type ProgressSpec = z.output<typeof ProgressSpec>;

function unitField(spec: ProgressSpec, dataset: Dataset): string | undefined {
  return spec.unit ?? (dataset.info.fields.some((f) => f.name === "unit") ? "unit" : undefined);
}

function when(r: Row, dateField: string | undefined): number {
  const d = dateField ? parsePartialDate(r[dateField]) : undefined;
  return d ? datePosition(d) : -Infinity;
}

export const progress: FigureKind<typeof ProgressSpec> = {
  kind: "progress",
  schema: ProgressSpec,
  fields: [{ key: "value", type: "numeric" }, { key: "date", type: "date" }, { key: "unit" }],
  check(spec, check, dataset, rows) {
    checkWhere(check, "actual", dataset.info, rows);
    checkWhere(check, "target", dataset.info, rows);
    if (check.problems.length) return;
    const hasValue = (r: Row) => typeof r[spec.value] === "number";
    const actual = applyWhere(rows, spec.actual).filter(hasValue);
    const target = applyWhere(rows, spec.target).filter(hasValue);
    if (!actual.length)
      check.add("actual", "spec-no-rows", `no row of ${dataset.info.name} with a value matches "actual"`, "Loosen the filter.");
    if (target.length !== 1) {
      check.add(
        "target",
        target.length ? "spec-several-rows" : "spec-no-rows",
        target.length
          ? `${target.length} rows of ${dataset.info.name} match "target"; it must pick exactly one`
          : `no row of ${dataset.info.name} with a value matches "target"`,
        target.length ? "Add a field to the filter, e.g. its date." : "Loosen the filter.",
      );
    }
    const uf = unitField(spec, dataset);
    if (uf) {
      const units = new Set([...actual, ...target].map((r) => String(r[uf] ?? "")));
      if (units.size > 1)
        check.add(
          "actual",
          "spec-unit-mismatch",
          `the rows picked are in different units: ${[...units].join(", ")}`,
          "Compare like with like: pick rows of one unit.",
        );
    }
  },
  render(spec, ctx) {
    const { info } = ctx.dataset;
    const { lang } = ctx;
    const t = FIGURE_STRINGS[lang];
    // The schema's default names the target in English; a Korean figure says 목표.
    const targetLabel = spec.target_label === "Target" ? t.target : spec.target_label;
    const field = info.fields.find((f) => f.name === spec.value)!;
    const uf = unitField(spec, ctx.dataset);
    const hasValue = (r: Row) => typeof r[spec.value] === "number";
    const actualRows = applyWhere(ctx.rows, spec.actual)
      .filter(hasValue)
      .sort((a, b) => when(a, spec.date) - when(b, spec.date));
    const targetRow = applyWhere(ctx.rows, spec.target).filter(hasValue)[0]!;
    const digits = valueDigits(
      field,
      [...actualRows, targetRow].map((r) => r[spec.value] as number),
    );
    const progressValue = (r: Row, key: string): ProgressValue => {
      const v = r[spec.value] as number;
      const unit = uf && typeof r[uf] === "string" ? (r[uf] as string) : field.unit;
      const d = spec.date ? parsePartialDate(r[spec.date]) : undefined;
      return {
        key,
        value: v,
        display: formatAmount(v, unit, digits, lang),
        ...(d ? { dateLabel: formatPartialDate(d, lang) } : {}),
      };
    };
    const values = actualRows.map((r, i) => progressValue(r, String(r[info.key] ?? `actual-${i}`)));
    const actual = values[values.length - 1]!;
    const target = progressValue(targetRow, String(targetRow[info.key] ?? "target"));
    const pct = target.value ? Math.round((actual.value / target.value) * 100) : null;
    const label = spec.label ?? field.label;
    const lower = lang === "ko" ? targetLabel : targetLabel.toLowerCase();
    const share =
      pct === null
        ? ""
        : fill(t.progressShare, {
            pct,
            target: lower,
            date: target.dateLabel ? fill(t.progressShareDate, { date: target.dateLabel }) : "",
            value: target.display,
          });
    const model: ProgressModel = {
      kind: "progress",
      title: spec.title,
      label,
      actual,
      history: values.slice(0, -1),
      target,
      targetLabel,
      share,
    };
    const description =
      fill(t.progressDescription, {
        label,
        value: actual.display,
        date: actual.dateLabel ? fill(t.progressIn, { date: actual.dateLabel }) : "",
        target: lower,
        targetValue: target.display,
        targetDate: target.dateLabel ? ` (${target.dateLabel})` : "",
      }) +
      (pct === null ? "." : fill(t.progressPct, { pct })) +
      (values.length > 1
        ? fill(t.progressEarlier, {
            values: values
              .slice(0, -1)
              .map((v) => `${v.display}${v.dateLabel ? ` (${v.dateLabel})` : ""}`)
              .join(t.listSep),
          })
        : "");
    const columns = fieldsNamed(info, [spec.date, info.label_field, spec.value, uf, "kind", "metric"]);
    const shown = [...actualRows, targetRow];
    return {
      ...chartParts(model),
      table: { columns, rows: shown },
      description,
      cites: [{ dataset: info.name, rows: shown, fields: [spec.value] }],
    };
  },
};
