/**
 * The graphic of a chart kind: the SVG drawn at build width, and the model it was drawn
 * from, handed to the browser so it can redraw the chart at the width it really has.
 */
import { BUILD_WIDTH, type ChartModel, renderChart } from "../lib/charts/render.ts";
import { raw } from "../lib/html.ts";
import { toMarkup } from "../lib/svg.ts";
import type { FigureParts } from "./types.ts";

export function chartParts(model: ChartModel): Pick<FigureParts, "graphic" | "graphicAttrs" | "chart"> {
  return {
    // toMarkup escapes every text and attribute value of the node tree.
    graphic: raw(toMarkup(renderChart(model, BUILD_WIDTH))),
    // A bar chart's drawing holds its whole model (src/assets/bar-model.ts reads it back): the
    // page says only "bar" instead of the model again as JSON (0.7 KB gzip for 25 bars).
    graphicAttrs: { "data-chart": model.kind === "bar" ? "bar" : JSON.stringify(model) },
    chart: model,
  };
}
