/** One entry point for every chart kind that renders on both sides (build and browser). */
import type { SvgNode } from "../svg.ts";
import { type BarModel, renderBar } from "./bar.ts";
import { type LineModel, renderLine } from "./line.ts";
import { type ProgressModel, renderProgress } from "./progress.ts";
import { renderTimeline, type TimelineModel } from "./timeline.ts";
import { chartWidth } from "./width.ts";

export { BUILD_WIDTH } from "./width.ts";

export type ChartModel = BarModel | LineModel | TimelineModel | ProgressModel;

export function renderChart(model: ChartModel, width: number): SvgNode {
  const w = chartWidth(width);
  switch (model.kind) {
    case "bar":
      return renderBar(model, w);
    case "line":
      return renderLine(model, w);
    case "timeline":
      return renderTimeline(model, w);
    case "progress":
      return renderProgress(model, w);
  }
}
