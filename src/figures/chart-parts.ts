/**
 * The graphic of a chart kind: the SVG drawn at build width, and the model it was drawn
 * from, handed to the browser so it can redraw the chart at the width it really has.
 */
import { BUILD_WIDTH, type ChartModel, renderChart } from "../lib/charts/render.ts";
import { raw } from "../lib/html.ts";
import { type SvgChild, type SvgNode, toMarkup } from "../lib/svg.ts";
import type { FigureParts } from "./types.ts";

/**
 * The drawing as the build writes it: its marks without the tab stop, role and label that the
 * page's script gives them (src/assets/marks.ts), as a map's marks come. Without JavaScript a
 * screen reader reads the chart's own text (labels, values) and its data table; with it, each
 * mark is one stop with "name: value". The labels repeated the marks' `data-name` and
 * `data-value` (0.2 KB gzip for 25 bars). The browser's redraw keeps them: it draws live marks.
 */
function withoutLiveMarks(node: SvgNode): SvgNode {
  const strip = (child: SvgChild): SvgChild =>
    Array.isArray(child) ? child.map(strip) : child && typeof child === "object" ? withoutLiveMarks(child) : child;
  const isMark = typeof node.attrs.class === "string" && /(^| )mark( |$)/.test(node.attrs.class);
  const { tabindex: _t, role: _r, "aria-label": _l, ...rest } = node.attrs;
  return { tag: node.tag, attrs: isMark ? rest : node.attrs, children: node.children.map(strip) };
}

export function chartParts(model: ChartModel): Pick<FigureParts, "graphic" | "graphicAttrs" | "chart"> {
  return {
    // toMarkup escapes every text and attribute value of the node tree.
    graphic: raw(toMarkup(withoutLiveMarks(renderChart(model, BUILD_WIDTH)))),
    // A bar chart's drawing holds its whole model (src/assets/bar-model.ts reads it back): the
    // page says only "bar" instead of the model again as JSON (0.7 KB gzip for 25 bars).
    graphicAttrs: { "data-chart": model.kind === "bar" ? "bar" : JSON.stringify(model) },
    chart: model,
  };
}
