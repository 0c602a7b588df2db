/**
 * The interactive map, loaded on demand: MapLibre with the self-contained style from
 * src/lib/map-style.ts (same classes and colours as the SVG). Readers can hover, tab to
 * the map and move between areas with the arrow keys; the tooltip shows the area and its
 * value, and a live region announces it. Scrolling passes through (cooperative gestures),
 * the camera stays within Seoul, and a button resets the view.
 */
import { type IControl, type MapGeoJSONFeature, Map as MapLibreMap, NavigationControl } from "maplibre-gl";
import { formatValue } from "../lib/format.ts";
import { buildMapStyle, DARK, LIGHT, labelFeatures, type MapFigureConfig } from "../lib/map-style.ts";
import { NAVIGATION_KEYS, nextIndex } from "./navigate.ts";
import { tooltipFor } from "./tooltip.ts";

let cssLoaded: Promise<void> | undefined;
function loadCss(): Promise<void> {
  cssLoaded ??= new Promise((resolve) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL("./maplibre-gl.css", import.meta.url).href;
    link.onload = () => resolve();
    link.onerror = () => resolve();
    document.head.append(link);
  });
  return cssLoaded;
}

class ResetControl implements IControl {
  private container?: HTMLElement;
  constructor(private readonly reset: () => void) {}
  onAdd(): HTMLElement {
    const div = document.createElement("div");
    div.className = "maplibregl-ctrl maplibregl-ctrl-group";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "map-reset";
    button.title = "Reset view";
    button.setAttribute("aria-label", "Reset map view");
    button.textContent = "⟲";
    button.addEventListener("click", this.reset);
    div.append(button);
    this.container = div;
    return div;
  }
  onRemove(): void {
    this.container?.remove();
  }
}

function expand([w, s, e, n]: [number, number, number, number], f: number): [[number, number], [number, number]] {
  const dx = (e - w) * f;
  const dy = (n - s) * f;
  return [
    [w - dx, s - dy],
    [e + dx, n + dy],
  ];
}

export async function mountMap(graphic: HTMLElement): Promise<MapLibreMap> {
  const config = JSON.parse(graphic.dataset.map!) as MapFigureConfig;
  const absolute = (u: string) => new URL(u, location.href).href;
  const resolved: MapFigureConfig = { ...config, data: absolute(config.data), fonts: { regular: absolute(config.fonts.regular) } };
  await loadCss();

  const dark = matchMedia("(prefers-color-scheme: dark)");
  const reduceMotion = matchMedia("(prefers-reduced-motion: reduce)").matches;
  const labels = labelFeatures(resolved);
  const container = document.createElement("div");
  container.className = "map-canvas";
  graphic.append(container);
  const [w, s, e, n] = config.bounds;
  const map = new MapLibreMap({
    container,
    style: buildMapStyle(resolved, dark.matches ? DARK : LIGHT, labels) as never,
    bounds: [
      [w, s],
      [e, n],
    ],
    fitBoundsOptions: { padding: 8 },
    maxBounds: expand(config.bounds, 0.35),
    cooperativeGestures: true,
    keyboard: false,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    fadeDuration: reduceMotion ? 0 : 300,
  });
  map.touchZoomRotate.disableRotation();
  const resetView = () =>
    map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding: 8, animate: !reduceMotion },
    );
  map.addControl(new NavigationControl({ showCompass: false }), "top-right");
  map.addControl(new ResetControl(resetView), "top-right");

  const tip = tooltipFor(graphic);
  const live = document.createElement("p");
  live.className = "visually-hidden";
  live.setAttribute("aria-live", "polite");
  graphic.append(live);

  const values = new Map<string, unknown>();
  let active: string | undefined;
  const setActive = (key: string | undefined) => {
    if (active !== undefined) map.setFeatureState({ source: "areas", id: active }, { active: false });
    active = key;
    if (key !== undefined) map.setFeatureState({ source: "areas", id: key }, { active: true });
  };
  const describe = (i: number) => {
    const o = config.order[i]!;
    const v = values.get(o.key);
    const name = o.name_ko ? `${o.name} (${o.name_ko})` : o.name;
    return { name, value: formatValue(typeof v === "number" ? v : null, config.unit, config.digits) };
  };

  map.on("mousemove", "fill", (ev) => {
    const f = ev.features?.[0] as MapGeoJSONFeature | undefined;
    if (!f) return;
    const i = config.order.findIndex((o) => o.key === String(f.id));
    if (i < 0) return;
    setActive(config.order[i]!.key);
    const d = describe(i);
    tip.show(d.name, d.value, ev.point.x, ev.point.y);
    map.getCanvas().style.cursor = "default";
  });
  map.on("mouseleave", "fill", () => {
    setActive(undefined);
    tip.hide();
  });

  // Keyboard: the canvas is one tab stop; arrows move between areas by direction.
  const canvas = map.getCanvas();
  canvas.setAttribute("tabindex", "0");
  canvas.setAttribute("role", "application");
  canvas.setAttribute("aria-roledescription", "map");
  canvas.setAttribute(
    "aria-label",
    `${graphic.closest("figure")?.querySelector(".figure__title")?.textContent ?? "Map"}. Arrow keys move between areas, plus and minus zoom, Escape closes the tooltip.`,
  );
  let current = -1;
  const select = (i: number) => {
    current = i;
    const o = config.order[i]!;
    setActive(o.key);
    const p = map.project(o.label);
    const d = describe(i);
    tip.show(d.name, d.value, p.x, p.y);
    live.textContent = `${d.name}: ${d.value}`;
  };
  canvas.addEventListener("focus", () => select(Math.max(current, 0)));
  canvas.addEventListener("blur", () => {
    setActive(undefined);
    tip.hide();
  });
  canvas.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") {
      tip.hide();
      return;
    }
    if (ev.key === "+" || ev.key === "=") return void map.zoomIn({ animate: !reduceMotion });
    if (ev.key === "-") return void map.zoomOut({ animate: !reduceMotion });
    if (!NAVIGATION_KEYS.has(ev.key)) return;
    ev.preventDefault();
    const positions = config.order.map((o) => map.project(o.label));
    select(nextIndex(ev.key, Math.max(current, 0), config.order.length, positions));
  });

  dark.addEventListener("change", () => map.setStyle(buildMapStyle(resolved, dark.matches ? DARK : LIGHT, labels) as never));

  // Tests and screenshots wait for this: every tile and label of the current view drawn.
  map.on("idle", () => (graphic.dataset.mapIdle = "true"));
  map.on("movestart", () => delete graphic.dataset.mapIdle);
  await new Promise<void>((resolve, reject) => {
    map.once("load", () => resolve());
    map.once("error", (e) => reject(e.error));
  });
  const source = map.getSource("areas") as unknown as { getData(): Promise<GeoJSON.FeatureCollection> };
  for (const f of (await source.getData()).features) values.set(String(f.properties?.[config.key]), f.properties?.[config.field]);
  graphic.dataset.mapState = "ready";
  graphic.closest("figure")?.classList.add("has-map");
  return map;
}
