/**
 * progress: a value against a target, e.g. firms attracted against a 450-firm target.
 * `actual` and `target` pick rows of one dataset with `where`-style filters; the latest
 * actual row (by `date`) is the value, earlier ones are ticks. Units must agree.
 * SVG from src/lib/charts/progress.ts (redrawn in the browser).
 */
import { z } from "zod";
import type { ProgressModel, ProgressValue } from "../../lib/charts/progress.ts";
import { datePosition, formatPartialDate, parsePartialDate } from "../../lib/dates.ts";
import { formatValue } from "../../lib/format.ts";
import { chartParts } from "../chart-parts.ts";
import type { Dataset, Row } from "../datasets.ts";
import { fieldsNamed, valueDigits } from "../rows.ts";
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
        display: formatValue(v, unit, digits),
        ...(d ? { dateLabel: formatPartialDate(d) } : {}),
      };
    };
    const values = actualRows.map((r, i) => progressValue(r, String(r[info.key] ?? `actual-${i}`)));
    const actual = values[values.length - 1]!;
    const target = progressValue(targetRow, String(targetRow[info.key] ?? "target"));
    const pct = target.value ? Math.round((actual.value / target.value) * 100) : null;
    const label = spec.label ?? field.label;
    const share =
      pct === null
        ? ""
        : `${pct} % of the ${spec.target_label.toLowerCase()}${target.dateLabel ? ` for ${target.dateLabel}` : ""} (${target.display})`;
    const model: ProgressModel = {
      kind: "progress",
      title: spec.title,
      label,
      actual,
      history: values.slice(0, -1),
      target,
      targetLabel: spec.target_label,
      share,
    };
    const description =
      `${label}: ${actual.display}${actual.dateLabel ? ` in ${actual.dateLabel}` : ""}, against ${spec.target_label.toLowerCase()} ${target.display}${target.dateLabel ? ` (${target.dateLabel})` : ""}` +
      (pct === null ? "." : ` — ${pct} %.`) +
      (values.length > 1
        ? ` Earlier: ${values
            .slice(0, -1)
            .map((v) => `${v.display}${v.dateLabel ? ` (${v.dateLabel})` : ""}`)
            .join(", ")}.`
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
