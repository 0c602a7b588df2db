/**
 * The preview only (npm start; main.ts imports it when built with ATLAS_PREVIEW, so the
 * published bundles do not carry it): the page updater (scripts/preview/client.ts) puts a
 * figure whose spec or data changed in place of the old one without reloading the page,
 * and dispatches `atlas:figure-replaced` on it; this makes the new figure live, as main.ts
 * does for the figures of a page it loads.
 */
import { enhanceChart } from "./chart.ts";
import { enhanceEmbedCode } from "./embed-frame.ts";
import { enhanceLegend, figureLegend } from "./legend.ts";
import { enhanceMapsOf } from "./map-intent.ts";

// A chart drawn at one width at build time is drawn again at the width it has.
const resized = new ResizeObserver(async (entries) => {
  const { redraw } = await import("./redraw.ts");
  for (const { target, contentRect } of entries) {
    const width = Math.round(contentRect.width);
    const drawn = Number(target.querySelector("svg.chart")?.getAttribute("data-width"));
    if (width > 0 && Math.abs(width - drawn) >= 2) await redraw(target as HTMLElement, width);
  }
});

document.addEventListener("atlas:figure-replaced", (e) => {
  const figure = e.target as HTMLElement;
  for (const table of figure.querySelectorAll<HTMLDetailsElement>("details.figure__table[open]")) table.open = false;
  enhanceChart(figure);
  const legend = figureLegend(figure);
  if (legend) enhanceLegend(legend.legend, legend.graphic);
  enhanceEmbedCode(figure);
  for (const chart of figure.querySelectorAll<HTMLElement>("[data-chart]")) resized.observe(chart);
  enhanceMapsOf(figure);
});
