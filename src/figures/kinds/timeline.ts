/**
 * timeline: dated milestones in date order, done or planned (or status unknown), with
 * each date as precise as the data gives it. Rows without a usable date are listed in the
 * table and named in a note. SVG from src/lib/charts/timeline.ts (redrawn in the browser).
 */
import { z } from "zod";
import type { MilestoneStatus, TimelineItem, TimelineModel } from "../../lib/charts/timeline.ts";
import { dateMidpoint, formatPartialDate, parsePartialDate } from "../../lib/dates.ts";
import { standalone } from "../../lib/format.ts";
import { html } from "../../lib/html.ts";
import { FIGURE_STRINGS } from "../../lib/i18n/figures.ts";
import { fill, type Lang } from "../../lib/i18n/index.ts";
import { chartParts } from "../chart-parts.ts";
import type { Row } from "../datasets.ts";
import { originalRow } from "../localize.ts";
import { fieldsNamed } from "../rows.ts";
import { CommonSpec } from "../spec.ts";
import type { FigureKind } from "../types.ts";

export const TimelineSpec = CommonSpec.extend({
  kind: z.literal("timeline"),
  /** Date field (YYYY, YYYY-MM or YYYY-MM-DD). */
  date: z.string(),
  /** Milestone text (default: the dataset's label field). */
  label: z.string().optional(),
  /** Field holding done / planned (anything else reads as "unknown"). */
  status: z.string().optional(),
}).strict();
export type TimelineSpec = z.output<typeof TimelineSpec>;

export function milestoneStatus(value: unknown): MilestoneStatus {
  const v = String(value ?? "").toLowerCase();
  return v === "done" ? "done" : v === "planned" ? "planned" : "unknown";
}

/** The statuses, named in the page's language. */
function statusNames(lang: Lang): Record<MilestoneStatus, string> {
  const t = FIGURE_STRINGS[lang];
  return { done: t.statusDone, planned: t.statusPlanned, unknown: t.statusUnknown };
}

export const timeline: FigureKind<typeof TimelineSpec> = {
  kind: "timeline",
  schema: TimelineSpec,
  fields: [{ key: "date", type: "date" }, { key: "label" }, { key: "status" }],
  render(spec, ctx) {
    const { info } = ctx.dataset;
    const labelField = spec.label ?? info.label_field;
    const { rows, lang } = ctx;
    const t = FIGURE_STRINGS[lang];
    const SYMBOLS = statusNames(lang);
    const statusField = spec.status ? info.fields.find((f) => f.name === spec.status) : undefined;
    const dated = rows
      .map((r, i) => ({ r, i, d: parsePartialDate(r[spec.date]) }))
      .filter((x) => x.d !== undefined)
      // By the middle of each period, so "2023" comes after "March 2023" and before "December 2023".
      .sort((a, b) => dateMidpoint(a.d!) - dateMidpoint(b.d!) || a.i - b.i);
    const undated = rows.filter((r) => !parsePartialDate(r[spec.date]));
    const items: TimelineItem[] = dated.map(({ r, d }) => {
      // Without a status field the rows are dated events: drawn as they happened, with no status text.
      const status = spec.status ? milestoneStatus(originalRow(r)[spec.status]) : "done";
      const value = spec.status ? r[spec.status] : null;
      const known = status === "unknown" ? undefined : SYMBOLS[status];
      // The status as the data writes it: on a Korean page by its Korean name (the descriptor's categories, else the status's).
      const written = !spec.status
        ? ""
        : value === null
          ? SYMBOLS.unknown
          : lang === "ko" && !statusField?.categories
            ? (known ?? String(value))
            : String(value);
      return {
        key: String(r[info.key]),
        dateLabel: formatPartialDate(d!, lang),
        label: String(r[labelField] ?? "–"),
        status,
        statusLabel: written,
      };
    });
    const model: TimelineModel = { kind: "timeline", title: spec.title, items };
    const present = new Set(items.map((i) => i.status));
    const symbol = (s: MilestoneStatus) =>
      html`<svg class="legend__swatch" width="14" height="14" aria-hidden="true"><circle class="milestone-dot milestone-dot--${s}" cx="7" cy="7" r="5.5"/></svg>`;
    const legend = spec.status
      ? html`<div class="legend"><ul class="legend__classes">${(["done", "planned", "unknown"] as const)
          .filter((s) => present.has(s))
          .map((s) => html`<li>${symbol(s)}<span>${standalone(SYMBOLS[s], lang)}</span></li>`)}</ul></div>`
      : undefined;
    const count = (s: MilestoneStatus) => items.filter((i) => i.status === s).length;
    const first = items[0];
    const last = items[items.length - 1];
    const description =
      (items.length === 1 ? t.timelineDescriptionOne : fill(t.timelineDescription, { n: items.length })) +
      (first && last ? fill(t.timelineSpan, { first: first.dateLabel, last: last.dateLabel }) : "") +
      (spec.status
        ? fill(t.timelineCounts, {
            done: count("done"),
            planned: count("planned"),
            unknown: count("unknown") ? fill(t.timelineUnknown, { n: count("unknown") }) : "",
          })
        : ".");
    const columns = fieldsNamed(info, [spec.date, labelField, spec.status, "notes"]);
    const tableRows: Row[] = [...dated.map((x) => x.r), ...undated];
    const autoNotes = undated.length ? [undated.length === 1 ? t.timelineUndatedOne : fill(t.timelineUndated, { n: undated.length })] : [];
    return {
      ...chartParts(model),
      legend,
      table: { columns, rows: tableRows },
      description,
      autoNotes,
      cites: [{ dataset: info.name, rows }],
    };
  },
};
