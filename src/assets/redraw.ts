/**
 * Loaded only when a chart's width differs from the width it was drawn at: redraws the
 * chart's SVG at the width it has, from the model the build put in `data-chart`, with the
 * same renderer the build used. The mark that had focus keeps it.
 */
import { type ChartModel, renderChart } from "../lib/charts/render.ts";
import { toDom } from "./svg-dom.ts";

export function redraw(graphic: HTMLElement, width: number): void {
  const old = graphic.querySelector<SVGSVGElement>("svg.chart");
  if (!old || !graphic.dataset.chart) return;
  const model = JSON.parse(graphic.dataset.chart) as ChartModel;
  const marks = [...old.querySelectorAll(".mark")];
  const focused = marks.indexOf(document.activeElement as Element);
  const roving = marks.findIndex((m) => m.getAttribute("tabindex") === "0");
  const fresh = toDom(renderChart(model, width)) as SVGSVGElement;
  old.replaceWith(fresh);
  const next = [...fresh.querySelectorAll<SVGElement>(".mark")];
  const keep = focused >= 0 ? focused : roving;
  if (keep >= 0 && next[keep]) {
    for (const [i, m] of next.entries()) m.setAttribute("tabindex", i === keep ? "0" : "-1");
    if (focused >= 0) next[keep]!.focus();
  }
}
