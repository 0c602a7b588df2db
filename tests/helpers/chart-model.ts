/**
 * The model the browser redraws a chart from, read as the browser reads it: the JSON in
 * `data-chart`, or for bar charts (`data-chart="bar"`) the model in the drawing itself
 * (src/assets/bar-model.ts, run here on a jsdom copy of the element).
 */
import { JSDOM } from "jsdom";
import { readBarModel } from "../../src/assets/bar-model.ts";
import type { ChartModel } from "../../src/lib/charts/render.ts";

/** `holder`: the HTML of the element that carries `data-chart` (with its SVG inside); `lang`: the page's. */
export function chartModelOf(holder: string, lang = "en"): ChartModel {
  const doc = new JSDOM(`<!doctype html><html lang="${lang}"><body>${holder}</body></html>`).window.document;
  const el = doc.querySelector<HTMLElement>("[data-chart]");
  if (!el) throw new Error("no [data-chart] element");
  const attr = el.dataset.chart!;
  if (attr !== "bar") return JSON.parse(attr) as ChartModel;
  const svg = el.querySelector<SVGSVGElement>("svg.chart");
  if (!svg) throw new Error('data-chart="bar" without its drawing');
  return readBarModel(svg);
}
