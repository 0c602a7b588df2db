/**
 * MapLibre on intent. The build-time SVG of a map already has tooltips, keyboard stops,
 * links and the legend's highlight; MapLibre (about 450 KB with its worker) adds only pan
 * and zoom, so it loads only when the reader asks for them, wherever the map sits on the
 * page: the "Explore the map" button (Enter or click), the zoom buttons beside it, a click
 * or tap on the map outside a district that links to its page, the wheel with Ctrl or ⌘
 * held over the map, or a pinch on it. Scrolling never loads it.
 *
 * With Save-Data on, only the button loads it, and says how much it downloads; without
 * WebGL the map stays the SVG and says why. If the map code fails, the SVG stays.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import { MAP_STRINGS, pageLang } from "../lib/i18n/maps.ts";

const t = MAP_STRINGS[pageLang()];

function webglAvailable(): boolean {
  try {
    const canvas = document.createElement("canvas");
    return !!(canvas.getContext("webgl2") ?? canvas.getContext("webgl"));
  } catch {
    return false;
  }
}

function setStatus(graphic: HTMLElement, text: string): void {
  const status = graphic.closest("figure")?.querySelector<HTMLElement>("[data-status]");
  if (!status) return;
  status.textContent = text;
  status.hidden = text === "";
}

/** Load MapLibre into the graphic; the SVG stays (and says so) when anything fails. */
export async function openMap(graphic: HTMLElement): Promise<MapLibreMap | undefined> {
  if (graphic.dataset.mapState) return undefined;
  graphic.dataset.mapState = "loading";
  setStatus(graphic, t.loading);
  try {
    const { mountMap } = await import("./map.ts");
    const map = await mountMap(graphic);
    setStatus(graphic, "");
    return map;
  } catch (error) {
    graphic.dataset.mapState = "failed";
    setStatus(graphic, t.failed);
    console.warn("map failed to load", error);
    return undefined;
  }
}

/** No interactive map in this browser: say so; the state lets go of the strip kept for the buttons (site.css). */
function unavailable(graphic: HTMLElement): void {
  graphic.dataset.mapState = "unavailable";
  setStatus(graphic, t.noWebgl);
}

function button(text: string, className: string, label?: string): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = className;
  b.textContent = text;
  if (label) b.setAttribute("aria-label", label);
  return b;
}

function offer(graphic: HTMLElement, saveData: boolean): void {
  const bar = document.createElement("div");
  bar.className = "map-intent";
  const explore = button(saveData ? t.exploreSaveData : t.explore, "map-explore");
  bar.append(explore);
  const zoomIn = button("+", "map-zoom", t.zoomIn);
  const zoomOut = button("−", "map-zoom", t.zoomOut);
  if (!saveData) bar.append(zoomIn, zoomOut);
  graphic.append(bar);

  const controller = new AbortController();
  /**
   * `byKeyboard`: the button was pressed with Enter or Space (a click event of detail 0). Only
   * then does the focus move to the map, whose focus shows the first feature's tooltip: a
   * reader who clicked wants the map, not a tooltip over it.
   */
  const go = (then?: (map: MapLibreMap) => void, byKeyboard = false) => {
    const hadFocus = byKeyboard && bar.contains(document.activeElement);
    controller.abort();
    bar.remove();
    void openMap(graphic).then((map) => {
      if (!map) return;
      then?.(map);
      // The keyboard goes on where the reader asked: on the map.
      if (hadFocus) map.getCanvas().focus();
    });
  };
  const { signal } = controller;
  explore.addEventListener("click", (e) => go(undefined, e.detail === 0), { signal });
  zoomIn.addEventListener("click", (e) => go((m) => m.zoomIn(), e.detail === 0), { signal });
  zoomOut.addEventListener("click", (e) => go((m) => m.zoomOut(), e.detail === 0), { signal });
  if (saveData) return;
  // A click the SVG has used (a district's link, a first tap that showed a tooltip) is not a request for the map.
  graphic.addEventListener(
    "click",
    (e) => {
      if (!e.defaultPrevented && !bar.contains(e.target as Node)) go();
    },
    { signal },
  );
  graphic.addEventListener(
    "wheel",
    (e) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      go((m) => (e.deltaY < 0 ? m.zoomIn() : m.zoomOut()));
    },
    { signal, passive: false },
  );
  graphic.addEventListener(
    "touchstart",
    (e) => {
      if (e.touches.length > 1) go();
    },
    { signal, passive: true },
  );
}

/** Offer the interactive map on every map figure of the page. */
export function enhanceMaps(): void {
  const maps = [...document.querySelectorAll<HTMLElement>("[data-map]")];
  if (!maps.length) return;
  if (!webglAvailable()) {
    for (const g of maps) unavailable(g);
    return;
  }
  const saveData = !!(navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData;
  for (const g of maps) offer(g, saveData);
}

/** The preview (npm start): offer the map of a figure it put in place of another (src/assets/main.ts, preview bundles only). */
export function enhanceMapsOf(figure: HTMLElement): void {
  for (const graphic of figure.querySelectorAll<HTMLElement>("[data-map]"))
    if (webglAvailable()) offer(graphic, false);
    else unavailable(graphic);
}
