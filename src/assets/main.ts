/**
 * The only script a page loads up front. It makes figures interactive and loads the
 * map code (MapLibre, ~290 KB gzip) only when a map figure comes near the viewport.
 * Until then, and whenever the map cannot run, the build-time SVG stands.
 */
import { enhanceChart } from "./chart.ts";

document.documentElement.classList.add("js");

// Data tables are open in the HTML so they read without JavaScript; with it, they start closed.
for (const table of document.querySelectorAll<HTMLDetailsElement>("details.figure__table[open]")) table.open = false;

for (const figure of document.querySelectorAll<HTMLElement>("figure[data-figure]")) enhanceChart(figure);

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

const maps = [...document.querySelectorAll<HTMLElement>("[data-map]")];
if (maps.length) {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (!webglAvailable()) {
    for (const g of maps) setStatus(g, "Static map: this browser cannot draw the interactive map (WebGL is unavailable).");
  } else if (connection?.saveData) {
    // Data saver on: keep the SVG and let the reader choose to download the map code.
    for (const g of maps) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "map-load";
      button.textContent = "Load the interactive map (about 450 KB)";
      button.addEventListener("click", () => {
        button.remove();
        void mount(g);
      });
      g.closest("figure")?.querySelector(".figure__foot")?.before(button);
    }
  } else {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          void mount(entry.target as HTMLElement);
        }
      },
      { rootMargin: "400px 0px" },
    );
    for (const g of maps) observer.observe(g);
  }
}
