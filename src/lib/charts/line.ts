/**
 * Line chart of one or more time series, with an optional target (dashed, hollow markers:
 * a path through several targets, or a level line for one) and annotations (a dashed rule
 * at an x value with a note above the plot). Every data point is a mark.
 */
import { axisMax, formatTick } from "../format.ts";
import { h, px, type SvgChild, type SvgNode } from "../svg.ts";
import { textWidth, truncate, wrapText } from "../text-fit.ts";
import { markAttrs, svgAttrs } from "./marks.ts";
import { linear, niceDomain } from "./scale.ts";

export interface LinePoint {
  key: string;
  /** Position on the x axis: fractional years for dates, the number otherwise. */
  x: number;
  y: number;
  /** The x value as the data gives it ("2019", "March 2023"). */
  xLabel: string;
  /** The y value with its unit. */
  display: string;
  /** The data has no value just before this point: the line breaks instead of bridging the gap. */
  gapBefore?: boolean;
}

export interface LineSeries {
  name: string;
  color: string;
  points: LinePoint[];
}

export interface LineModel {
  kind: "line";
  title: string;
  /** The page's language ("ko": ticks by 만/억); English when absent. */
  lang?: "ko";
  xType: "time" | "number";
  series: LineSeries[];
  target?: { label: string; points: LinePoint[] };
  annotations: { x: number; y?: number; text: string }[];
  /** Start the y axis at zero. */
  zero: boolean;
}

const SIZE = 12;
/** Width of the stroke of colour before a series' end label, and the gap after it. */
const SWATCH = 16;
const NOTE_WIDTH = 150;
const LINE_HEIGHT = 14;

interface PlacedNote {
  x: number;
  y?: number;
  lines: string[];
  row: number;
  anchor: "start" | "end";
}

/** Notes above the plot, each in the first row where it overlaps no other note. */
function placeNotes(notes: LineModel["annotations"], xPos: (v: number) => number, left: number, right: number): PlacedNote[] {
  const rows: [number, number][][] = [];
  return [...notes]
    .sort((a, b) => a.x - b.x)
    .map((n) => {
      const at = xPos(n.x);
      const lines = wrapText(n.text, Math.min(NOTE_WIDTH, right - left), SIZE);
      const w = Math.max(...lines.map((l) => textWidth(l, SIZE)));
      // Text runs right of the rule unless that would leave the chart.
      const anchor = at + 4 + w > right ? "end" : "start";
      const span: [number, number] = anchor === "start" ? [at, at + 4 + w] : [at - 4 - w, at];
      let row = 0;
      // Each row is a list of occupied spans; a note takes as many rows as it has lines.
      const fits = (r: number) => lines.every((_, i) => !(rows[r + i] ?? []).some(([a, b]) => span[0] < b + 8 && span[1] > a - 8));
      while (!fits(row)) row++;
      for (let i = 0; i < lines.length; i++) (rows[row + i] ??= []).push(span);
      return { x: n.x, y: n.y, lines, row, anchor };
    });
}

/** Spread label positions apart so that no two are closer than `gap`, keeping their order. */
export function spreadLabels(ys: number[], gap: number, min: number, max: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const out = order.map((o) => o.y);
  for (let i = 1; i < out.length; i++) out[i] = Math.max(out[i]!, out[i - 1]! + gap);
  const overflow = out.length ? out[out.length - 1]! - max : 0;
  if (overflow > 0) for (let i = 0; i < out.length; i++) out[i] = Math.max(min, out[i]! - overflow);
  const result = new Array<number>(ys.length);
  for (const [k, o] of order.entries()) result[o.i] = out[k]!;
  return result;
}

export function renderLine(model: LineModel, width: number): SvgNode {
  const all = [...model.series.flatMap((s) => s.points), ...(model.target?.points ?? [])];
  const xs = [...all.map((p) => p.x), ...model.annotations.map((a) => a.x)];
  let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  if (model.xType === "time") [x0, x1] = [Math.floor(x0), Math.max(Math.ceil(x1), Math.floor(x0) + 1)];
  if (x0 === x1) [x0, x1] = [x0 - 1, x1 + 1];
  const yDomain = niceDomain(
    all.map((p) => p.y),
    model.zero ? [0] : [],
    5,
  );
  const yTicks = linear(yDomain, [0, 1]).ticks(5);
  const yMax = axisMax(yTicks);
  const left = Math.ceil(Math.max(...yTicks.map((t) => textWidth(formatTick(t, model.lang, yMax), SIZE)))) + 10;
  const endLabels = model.series.length > 1 || !!model.target;
  // A series' label starts with a stroke of its colour (SWATCH wide), which ties it to its line
  // (the text stays in the text colour, whose contrast the palette's orange would not have).
  const labelWidths = [
    ...model.series.map((s) => textWidth(s.name, SIZE) + SWATCH),
    ...(model.target ? [textWidth(model.target.label, SIZE)] : []),
  ];
  const right = endLabels ? Math.min(Math.max(...labelWidths) + 14, Math.round(width * 0.28)) : 16;
  // A little room at both ends, so the first and last points do not sit on the axis.
  const x = linear([x0, x1], [left + 8, width - right - 6]);
  const notes = placeNotes(model.annotations, x, left, width - right);
  const noteRows = Math.max(0, ...notes.map((n) => n.row + n.lines.length));
  const top = 12 + noteRows * LINE_HEIGHT + (noteRows ? 8 : 0);
  const plotHeight = Math.round(Math.max(180, Math.min(300, width * 0.5)));
  const bottom = top + plotHeight;
  const height = bottom + 26;
  const y = linear(yDomain, [bottom, top]);
  const xTickCount = Math.max(2, Math.floor((width - left - right) / 70));
  const xTicks = x.ticks(xTickCount).filter((t) => model.xType !== "time" || Number.isInteger(t));
  let first = true;
  const markOf = (p: LinePoint, name: string, cls: string) => {
    const at: [number, number] = [x(p.x), y(p.y)];
    const attrs = markAttrs({ key: p.key, name: `${name}, ${p.xLabel}`, value: p.display, at }, first, cls);
    first = false;
    return attrs;
  };
  const polyline = (points: LinePoint[]) => points.map((p) => `${px(x(p.x))},${px(y(p.y))}`).join(" ");
  // Runs of points without a gap between them: one polyline each.
  const runs = (points: LinePoint[]) =>
    points.reduce<LinePoint[][]>((out, p) => {
      if (p.gapBefore || !out.length) out.push([p]);
      else out[out.length - 1]!.push(p);
      return out;
    }, []);

  // Colours go in attributes, not style="…": the site's CSP forbids inline styles.
  const series = model.series.map((s) =>
    h(
      "g",
      { class: "series" },
      runs(s.points).map((run) =>
        run.length > 1 ? h("polyline", { class: "series-line", points: polyline(run), stroke: s.color }) : null,
      ),
      s.points.map((p) => h("circle", { ...markOf(p, s.name, "point"), cx: px(x(p.x)), cy: px(y(p.y)), r: 3.5, fill: s.color })),
    ),
  );

  let target: SvgChild = null;
  if (model.target?.points.length) {
    const pts = model.target.points;
    const line =
      pts.length > 1
        ? h("polyline", { class: "target-line", points: polyline(pts) })
        : h("line", { class: "target-line", x1: left, x2: px(x(pts[0]!.x)), y1: px(y(pts[0]!.y)), y2: px(y(pts[0]!.y)) });
    target = h(
      "g",
      { class: "target" },
      line,
      pts.map((p) => {
        const cx = x(p.x);
        const cy = y(p.y);
        return h("path", {
          ...markOf(p, model.target!.label, "target-point"),
          d: `M${px(cx)},${px(cy - 5)}L${px(cx + 5)},${px(cy)}L${px(cx)},${px(cy + 5)}L${px(cx - 5)},${px(cy)}Z`,
        });
      }),
    );
  }

  // Direct labels at the end of each line, spread apart so they never overlap.
  const ends = [
    ...model.series
      .filter((s) => s.points.length)
      .map((s) => ({ name: s.name, p: s.points[s.points.length - 1]!, cls: "series-label", color: s.color })),
    ...(model.target?.points.length
      ? [{ name: model.target.label, p: model.target.points[model.target.points.length - 1]!, cls: "target-label", color: "" }]
      : []),
  ];
  // Series labels share one column right of the latest point of any series, so a label never
  // sits on another series' line; the target's label stays at its last point.
  const labelX = Math.max(...ends.filter((e) => e.cls === "series-label").map((e) => x(e.p.x)), -Infinity);
  const endYs = spreadLabels(
    ends.map((e) => y(e.p.y)),
    LINE_HEIGHT,
    top,
    bottom,
  );

  return h(
    "svg",
    svgAttrs("line", width, height, model.title),
    h(
      "g",
      { class: "axis", "aria-hidden": "true" },
      yTicks.map((t) => [
        h("line", { class: t === 0 ? "grid grid--zero" : "grid", x1: left, x2: width - right, y1: px(y(t)), y2: px(y(t)) }),
        h("text", { class: "tick tick--y", x: left - 6, y: px(y(t)) }, formatTick(t, model.lang, yMax)),
      ]),
      xTicks.map((t) =>
        h(
          "text",
          { class: "tick", x: px(x(t)), y: bottom + 18 },
          model.xType === "time" ? String(t) : formatTick(t, model.lang, axisMax(xTicks)),
        ),
      ),
      h("line", { class: "axis-line", x1: left, x2: width - right, y1: bottom, y2: bottom }),
    ),
    h(
      "g",
      { class: "annotations" },
      notes.map((n) => {
        const at = x(n.x);
        const textTop = 12 + n.row * LINE_HEIGHT;
        return h(
          "g",
          { class: "annotation" },
          h("line", { class: "annotation-rule", x1: px(at), x2: px(at), y1: textTop - 8, y2: n.y === undefined ? bottom : px(y(n.y)) }),
          n.y === undefined ? null : h("circle", { class: "annotation-point", cx: px(at), cy: px(y(n.y)), r: 3 }),
          h(
            "text",
            { class: "annotation-text", x: px(n.anchor === "start" ? at + 4 : at - 4), y: textTop, "text-anchor": n.anchor },
            n.lines.map((l, i) => h("tspan", { x: px(n.anchor === "start" ? at + 4 : at - 4), dy: i ? LINE_HEIGHT : 0 }, l)),
          ),
        );
      }),
    ),
    series,
    target,
    endLabels
      ? h(
          "g",
          { class: "end-labels", "aria-hidden": "true" },
          ends.map((e, i) => {
            const start = (e.cls === "series-label" ? labelX : x(e.p.x)) + 8;
            const swatch = e.cls === "series-label" && e.color ? SWATCH : 0;
            return [
              swatch
                ? h("line", {
                    class: "series-swatch",
                    x1: px(start),
                    x2: px(start + swatch - 4),
                    y1: px(endYs[i]!),
                    y2: px(endYs[i]!),
                    stroke: e.color,
                  })
                : null,
              h("text", { class: e.cls, x: px(start + swatch), y: px(endYs[i]!) }, truncate(e.name, width - start - swatch - 2, SIZE)),
            ];
          }),
        )
      : null,
  );
}
