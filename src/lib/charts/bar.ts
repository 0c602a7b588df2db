/**
 * Horizontal bar chart: one row per data row, labels on the left (wrapped when long), the
 * value at the end of each bar, the axis on top. Rows without a value stay in their place and say "no data".
 * Renders at any width: the label column and the value labels are measured first.
 */
import { axisMax, formatTick } from "../format.ts";
import { h, px, type SvgNode } from "../svg.ts";
import { textWidth, wrapText } from "../text-fit.ts";
import { markAttrs, svgAttrs } from "./marks.ts";
import { linear, niceDomain } from "./scale.ts";

export interface BarRow {
  key: string;
  /** Short label left of the bar. */
  label: string;
  /** Full name for the tooltip and screen readers. */
  name: string;
  value: number | null;
  /** The value with its unit, for the tooltip ("26,147 people per km²"). */
  display: string;
  /** The number at the end of the bar ("26,147"). */
  text: string;
  highlighted: boolean;
}

export interface BarModel {
  kind: "bar";
  title: string;
  rows: BarRow[];
  /** The page's language ("ko": ticks by 만/억, "자료 없음"); English when absent. */
  lang?: "ko";
}

const ROW = 24;
const BAR = 16;
const LINE = 15;
const SIZE = 13;

export function renderBar(model: BarModel, width: number): SvgNode {
  const { rows } = model;
  const noData = model.lang === "ko" ? "자료 없음" : "no data";
  const values = rows.map((r) => r.value).filter((v): v is number => v !== null);
  const labelMax = Math.max(...rows.map((r) => textWidth(r.label, SIZE)), 0);
  // 5 % to spare: the width estimates are within a few per cent of the real font.
  const labelCol = Math.min(Math.ceil(labelMax * 1.05), Math.round(width * 0.38)) + 10;
  const valueCol = Math.ceil(Math.max(...rows.map((r) => textWidth(r.value === null ? noData : r.text, 12)), 20)) + 10;
  const top = 26;
  // Labels wider than their column wrap (never cut): a row grows with its label.
  const labelLines = rows.map((r) => wrapText(r.label, labelCol - 10, SIZE, true));
  const rowHeights = labelLines.map((l) => Math.max(ROW, l.length * LINE + 8));
  const rowTops = rowHeights.map((_, i) => top + rowHeights.slice(0, i).reduce((a, b) => a + b, 0));
  const height = top + rowHeights.reduce((a, b) => a + b, 0) + 4;
  const negative = values.some((v) => v < 0);
  const left = labelCol + (negative ? valueCol : 0);
  const x = linear(niceDomain(values, [0], 4), [left, Math.max(left + 40, width - valueCol)]);
  const zero = x(0);
  const ticks = x.ticks(Math.max(2, Math.floor((width - left) / 110)));

  return h(
    "svg",
    svgAttrs("bar", width, height, model.title),
    h(
      "g",
      { class: "axis", "aria-hidden": "true" },
      ticks.map((t) => [
        h("line", { class: t === 0 ? "grid grid--zero" : "grid", x1: px(x(t)), x2: px(x(t)), y1: top - 6, y2: height - 4 }),
        h("text", { class: "tick", x: px(x(t)), y: top - 10 }, formatTick(t, model.lang, axisMax(ticks))),
      ]),
    ),
    h(
      "g",
      { class: "bars" },
      rows.map((r, i) => {
        const y = rowTops[i]! + (rowHeights[i]! - BAR) / 2;
        const mid = y + BAR / 2;
        const mark = { key: r.key, name: r.name, value: r.display };
        // The rest of the row's model, so the browser reads the model from the drawing
        // (src/assets/bar-model.ts): the value itself, and the short label where it is not the name.
        const model = { "data-v": r.value ?? undefined, "data-label": r.label === r.name ? undefined : r.label };
        const lines = labelLines[i]!;
        const label = h(
          "text",
          { class: "bar-label", x: labelCol - 8, y: px(mid - ((lines.length - 1) * LINE) / 2) },
          lines.length === 1 ? lines[0] : lines.map((l, k) => h("tspan", { x: labelCol - 8, dy: k ? LINE : 0 }, l)),
        );
        if (r.value === null) {
          return h(
            "g",
            { class: `bar-row bar-row--missing${r.highlighted ? " is-highlighted" : ""}` },
            label,
            h("rect", {
              ...markAttrs(mark, i === 0, "bar bar--missing"),
              ...model,
              x: px(zero),
              y,
              width: px(Math.max(60, valueCol)),
              height: BAR,
            }),
            h("text", { class: "bar-value bar-value--missing", x: px(zero + 4), y: px(mid) }, noData),
          );
        }
        const end = x(r.value);
        const w = Math.max(0.5, Math.abs(end - zero));
        const right = r.value >= 0;
        return h(
          "g",
          { class: `bar-row${r.highlighted ? " is-highlighted" : ""}` },
          label,
          h("rect", { ...markAttrs(mark, i === 0, "bar"), ...model, x: px(right ? zero : end), y, width: px(w), height: BAR }),
          h("text", { class: `bar-value${right ? "" : " bar-value--negative"}`, x: px(right ? end + 5 : end - 5), y: px(mid) }, r.text),
        );
      }),
    ),
  );
}
