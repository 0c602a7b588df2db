/**
 * Timeline of dated milestones, top to bottom in date order: the date (and status) on the
 * left, a dot on the line (filled: done; hollow: planned; dashed: status unknown), the
 * milestone text wrapped on the right. On narrow screens the date goes above the text.
 * The line between two milestones is dashed when the later one is not done.
 */
import { standalone } from "../format.ts";
import { h, px, type SvgNode } from "../svg.ts";
import { wrapText } from "../text-fit.ts";
import { markAttrs, svgAttrs } from "./marks.ts";

export type MilestoneStatus = "done" | "planned" | "unknown";

export interface TimelineItem {
  key: string;
  /** The date as precise as the data gives it ("March 2023"). */
  dateLabel: string;
  label: string;
  status: MilestoneStatus;
  /** The status as the data writes it; empty when the figure shows no status (dated events). */
  statusLabel: string;
}

export interface TimelineModel {
  kind: "timeline";
  title: string;
  items: TimelineItem[];
}

const SIZE = 14;
const LINE = 19;
const GAP = 16;

export function renderTimeline(model: TimelineModel, width: number): SvgNode {
  const wide = width >= 480;
  const dateCol = wide ? 132 : 0;
  const dotX = dateCol + 9;
  const textX = dotX + 18;
  const textWidth = Math.max(80, width - textX - 4);
  let y = 8;
  const rows = model.items.map((item) => {
    const lines = wrapText(item.label, textWidth, SIZE);
    const top = y;
    const dateLines = wide ? 0 : 1;
    const dotY = top + 10;
    // On wide screens the date and its status take two lines on the left: a row is at least that tall.
    y += Math.max(lines.length + dateLines, wide ? 2 : 1) * LINE + GAP;
    return { item, lines, top, dotY, textTop: top + dateLines * LINE };
  });
  const height = y - GAP + 8;

  return h(
    "svg",
    svgAttrs("timeline", width, height, model.title),
    h(
      "g",
      { class: "timeline-connectors", "aria-hidden": "true" },
      rows.slice(1).map((r, i) =>
        h("line", {
          class: `connector connector--${r.item.status === "done" ? "done" : "open"}`,
          x1: dotX,
          x2: dotX,
          y1: px(rows[i]!.dotY + 7),
          y2: px(r.dotY - 7),
        }),
      ),
    ),
    rows.map((r, i) =>
      h(
        "g",
        { class: `milestone milestone--${r.item.status}` },
        h(
          "text",
          {
            class: "milestone-date",
            x: wide ? dateCol - 6 : textX,
            y: r.top + 10,
            "text-anchor": wide ? "end" : "start",
          },
          wide || !r.item.statusLabel ? r.item.dateLabel : `${r.item.dateLabel} · ${standalone(r.item.statusLabel)}`,
        ),
        wide && r.item.statusLabel
          ? h(
              "text",
              { class: "milestone-status", x: dateCol - 6, y: r.top + 10 + 16, "text-anchor": "end" },
              standalone(r.item.statusLabel),
            )
          : null,
        h("circle", {
          ...markAttrs(
            {
              key: r.item.key,
              name: r.item.label,
              value: r.item.statusLabel ? `${r.item.dateLabel}, ${r.item.statusLabel}` : r.item.dateLabel,
              at: [dotX, r.dotY],
            },
            i === 0,
            "milestone-dot",
          ),
          cx: dotX,
          cy: px(r.dotY),
          r: 6,
        }),
        h(
          "text",
          { class: "milestone-label", x: textX, y: px(r.textTop + 10) },
          r.lines.map((l, k) => h("tspan", { x: textX, dy: k ? LINE : 0 }, l)),
        ),
      ),
    ),
  );
}
