/**
 * The only script a page loads up front. It makes figures interactive and loads the
 * map code (MapLibre, ~290 KB gzip) only when a map figure comes near the viewport.
 * Until then, and whenever the map cannot run, the build-time SVG stands.
 */
import { enhanceChart } from "./chart.ts";
import { enhanceEmbedCode, reportHeightToParent } from "./embed-frame.ts";

document.documentElement.classList.add("js");

// Data tables are open in the HTML so they read without JavaScript; with it, they start closed.
for (const table of document.querySelectorAll<HTMLDetailsElement>("details.figure__table[open]")) table.open = false;

for (const figure of document.querySelectorAll<HTMLElement>("figure[data-figure]")) {
  enhanceChart(figure);
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
    for (const [graphic, width] of jobs) redraw(graphic, width);
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

function webglAvailable(): boolean {
  try {
    const canvas = document.createElement("canvas");
    return !!(canvas.getContext("webgl2") ?? canvas.getContext("webgl"));
  } catch {
    return false;
  }
}

export function setStatus(graphic: HTMLElement, text: string): void {
  const status = graphic.closest("figure")?.querySelector<HTMLElement>("[data-status]");
  if (!status) return;
  status.textContent = text;
  status.hidden = false;
}

async function mount(graphic: HTMLElement): Promise<void> {
  if (graphic.dataset.mapState) return;
  graphic.dataset.mapState = "loading";
  try {
    const { mountMap } = await import("./map.ts");
    await mountMap(graphic);
  } catch (error) {
    graphic.dataset.mapState = "failed";
    setStatus(graphic, "The interactive map could not load; this is the static map.");
    console.warn("map failed to load", error);
  }
}

/** Keep the SVG and let the reader choose to download the map code. */
function offerMap(g: HTMLElement): void {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "map-load";
  button.textContent = "Load the interactive map (about 450 KB)";
  button.addEventListener("click", () => {
    button.remove();
    if (g.dataset.mapOnDemand) {
      g.dataset.map = g.dataset.mapOnDemand;
      delete g.dataset.mapOnDemand;
    }
    void mount(g);
  });
  g.closest("figure")?.querySelector(".figure__foot")?.before(button);
}

const maps = [...document.querySelectorAll<HTMLElement>("[data-map]")];
const onDemand = [...document.querySelectorAll<HTMLElement>("[data-map-on-demand]")];
if (onDemand.length && webglAvailable()) for (const g of onDemand) offerMap(g);
if (maps.length) {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (!webglAvailable()) {
    for (const g of maps) setStatus(g, "Static map: this browser cannot draw the interactive map (WebGL is unavailable).");
  } else if (connection?.saveData) {
    // Data saver on: the reader chooses.
    for (const g of maps) offerMap(g);
  } else {
    // A map loads once the reader has scrolled to within 400 px of it, or past it: checked
    // on load and on every scroll (one check per frame), so a fast scroll that jumps over a
    // map does not leave it behind, as a visibility observer can.
    const pending = new Set(maps);
    let scheduled = false;
    const check = () => {
      scheduled = false;
      for (const g of pending) {
        if (g.getBoundingClientRect().top < innerHeight + 400) {
          pending.delete(g);
          void mount(g);
        }
      }
      if (!pending.size) removeEventListener("scroll", onScroll);
    };
    const onScroll = () => {
      if (!scheduled) {
        scheduled = true;
        requestAnimationFrame(check);
      }
    };
    addEventListener("scroll", onScroll, { passive: true });
    addEventListener("resize", onScroll, { passive: true });
    check();
  }
}
