/**
 * Loaded only when a chart's width differs from the width it was drawn at: redraws the
 * chart's SVG at the width it has, from the model the build put in `data-chart`, with the
 * same renderer the build used. Each kind's renderer is a chunk of its own, so a page of
 * bars does not download the line chart's code. The mark that had focus keeps it.
 */
import type { ChartModel } from "../lib/charts/render.ts";
import { chartWidth } from "../lib/charts/width.ts";
import type { SvgNode } from "../lib/svg.ts";
import { readBarModel } from "./bar-model.ts";
import { toDom } from "./svg-dom.ts";

// biome-ignore lint/suspicious/noExplicitAny: each renderer takes its own kind of model.
type Renderer = (model: any, width: number) => SvgNode;

const RENDERERS: Record<ChartModel["kind"], () => Promise<Renderer>> = {
  bar: async () => (await import("../lib/charts/bar.ts")).renderBar,
  line: async () => (await import("../lib/charts/line.ts")).renderLine,
  timeline: async () => (await import("../lib/charts/timeline.ts")).renderTimeline,
  progress: async () => (await import("../lib/charts/progress.ts")).renderProgress,
};

export async function redraw(graphic: HTMLElement, width: number): Promise<void> {
  if (!graphic.dataset.chart) return;
  const old = graphic.querySelector<SVGSVGElement>("svg.chart");
  if (!old) return;
  // "bar": the model is in the drawing itself (src/assets/bar-model.ts).
  const model = graphic.dataset.chart === "bar" ? readBarModel(old) : (JSON.parse(graphic.dataset.chart) as ChartModel);
  const render = await RENDERERS[model.kind]();
  const marks = [...old.querySelectorAll(".mark")];
  const focused = marks.indexOf(document.activeElement as Element);
  const roving = marks.findIndex((m) => m.getAttribute("tabindex") === "0");
  const fresh = toDom(render(model, chartWidth(width))) as SVGSVGElement;
  old.replaceWith(fresh);
  const next = [...fresh.querySelectorAll<SVGElement>(".mark")];
  const keep = focused >= 0 ? focused : roving;
  if (keep >= 0 && next[keep]) {
    for (const [i, m] of next.entries()) m.setAttribute("tabindex", i === keep ? "0" : "-1");
    if (focused >= 0) next[keep]!.focus();
  }
}
