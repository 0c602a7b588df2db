/**
 * The only script a page loads up front. It makes figures interactive (tooltips, keyboard,
 * links, the legend's highlight) and offers the map code (MapLibre, ~450 KB gzip with its
 * worker), which loads only when the reader asks for pan and zoom (map-intent.ts). Until
 * then, and whenever the map cannot run, the build-time SVG stands.
 */
import { enhanceChart } from "./chart.ts";
import { enhanceEmbedCode, reportHeightToParent } from "./embed-frame.ts";
import { enhanceLegend, figureLegend } from "./legend.ts";
import { enhanceMaps } from "./map-intent.ts";
import { readyMark, readyMarks } from "./marks.ts";

/** True in the bundles of the preview (npm start) only: src/site/build-assets.ts. */
declare const ATLAS_PREVIEW: boolean;

document.documentElement.classList.add("js");

// Data tables are open in the HTML so they read without JavaScript; with it, they start closed.
for (const table of document.querySelectorAll<HTMLDetailsElement>("details.figure__table[open]")) table.open = false;

for (const figure of document.querySelectorAll<HTMLElement>("figure[data-figure]")) {
  enhanceChart(figure);
  const legend = figureLegend(figure);
  if (legend) enhanceLegend(legend.legend, legend.graphic);
  enhanceEmbedCode(figure);
}
if (document.documentElement.hasAttribute("data-embed")) reportHeightToParent();

// Charts are drawn at one width at build time; redraw them at the width they really have
// (the redraw code is a separate chunk, fetched the first time a chart needs it).
const charts = [...document.querySelectorAll<HTMLElement>("[data-chart]")];
if (charts.length && "ResizeObserver" in window) {
  const pending = new Map<HTMLElement, number>();
  let frame = 0;
  const flush = async () => {
    frame = 0;
    const jobs = [...pending];
    pending.clear();
    const { redraw } = await import("./redraw.ts");
    await Promise.all(jobs.map(([graphic, width]) => redraw(graphic, width)));
  };
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const graphic = entry.target as HTMLElement;
      const width = Math.round(entry.contentRect.width);
      const drawn = Number(graphic.querySelector("svg.chart")?.getAttribute("data-width"));
      if (width > 0 && Math.abs(width - drawn) >= 2) pending.set(graphic, width);
    }
    if (pending.size && !frame) frame = requestAnimationFrame(() => void flush());
  });
  for (const g of charts) observer.observe(g);
}

enhanceMaps();
// Links to a dong (#dong-<code>) land on it: a chunk fetched only by pages with dong tables (district pages).
if (document.querySelector("tr[id^='dong-']")) void import("./area-anchor.ts").then((m) => m.followAreaAnchor());
// Find your neighbourhood: the code and the list of places load when the reader focuses the box.
const find = document.querySelector<HTMLElement>("[data-find]");
find?.querySelector("input")?.addEventListener("focus", () => void import("./find.ts").then((m) => m.enhanceFind(find)), { once: true });
// Scrollytelling: its code is a chunk of its own, fetched only by pages with a scrolly.
if (document.querySelector("[data-scrolly]"))
  void import("./scrolly.ts").then((m) => m.enhanceScrollies({ enhanceLegend, readyMark, readyMarks }));
// The preview: figures it puts in place without reloading the page are made live too.
if (ATLAS_PREVIEW) void import("./preview-hooks.ts");
