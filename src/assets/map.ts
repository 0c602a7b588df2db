/**
 * The interactive map, loaded on demand: MapLibre with the self-contained style from
 * src/lib/map-style.ts (same classes and colours as the SVG), for choropleths and point
 * maps. Readers can hover, tab to the map and move between features with the arrow keys;
 * the tooltip shows the feature's name and value (the same text as the SVG's), and a live
 * region announces it. Scrolling passes through (cooperative gestures), the camera stays
 * within Seoul, a button resets the view, and the colours follow the reader's dark mode.
 */
import {
  type GeoJSONSource,
  type IControl,
  type MapGeoJSONFeature,
  type MapLayerMouseEvent,
  Map as MapLibreMap,
  NavigationControl,
} from "maplibre-gl";
import { MAP_LIVE_STRINGS } from "../lib/i18n/map-live.ts";
import { buildMapStyle, DARK, LIGHT, type MapFigureConfig, type MapFontFace, type MapStop, NODATA_PATTERN } from "../lib/map-style.ts";
import { unicodeRange } from "../lib/unicode-range.ts";
import type { FontManifest } from "../site/fonts.ts";
import { NAVIGATION_KEYS, nextIndex } from "./navigate.ts";
import { tooltipFor } from "./tooltip.ts";

/**
 * The page's language. Written here rather than imported from src/lib/i18n/maps.ts: sharing
 * that module with the page's first script would split it into a chunk of its own, one more
 * file on every page's first view.
 */
/** `{count}` in a string of MAP_LIVE_STRINGS; local for the same reason as pageLang. */
const fillCount = (template: string, count: string) => template.replace("{count}", count);
const pageLang = (): "en" | "ko" => (document.documentElement.lang.toLowerCase().startsWith("ko") ? "ko" : "en");

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
    const t = MAP_LIVE_STRINGS[pageLang()];
    button.title = t.resetView;
    button.setAttribute("aria-label", t.resetView);
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

/**
 * `bounds` with a margin `f`, first widened (or heightened) to the shape of the map's box:
 * MapLibre keeps the whole view inside its maxBounds, so on a box wider than Seoul it would
 * zoom in until the city's width filled it, cutting off its north and south.
 */
function expand(
  [w, s, e, n]: [number, number, number, number],
  f: number,
  box?: { width: number; height: number },
): [[number, number], [number, number]] {
  if (box && box.width > 0 && box.height > 0) {
    // Degrees of longitude are shorter than degrees of latitude by cos(latitude) (near enough for a city).
    const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
    const aspect = box.width / box.height;
    const shape = ((e - w) * k) / (n - s);
    if (shape < aspect) {
      const grow = ((n - s) * aspect) / k - (e - w);
      w -= grow / 2;
      e += grow / 2;
    } else {
      const grow = ((e - w) * k) / aspect - (n - s);
      s -= grow / 2;
      n += grow / 2;
    }
  }
  const dx = Math.max((e - w) * f, 0.02);
  const dy = Math.max((n - s) * f, 0.02);
  return [
    [w - dx, s - dy],
    [e + dx, n + dy],
  ];
}

/** The no-data hatch as an image for `fill-pattern`: the SVG pattern's grey and lines. */
function hatchImage(): ImageData {
  const size = 8;
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext("2d")!;
  ctx.fillStyle = "#d9d9d9";
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = "#8a8a8a";
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (const o of [-size, 0, size]) {
    ctx.moveTo(o, size);
    ctx.lineTo(o + size, 0);
  }
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}

/** The build's list of font files (fonts.json), read once per page however many maps open. */
const fontLists = new Map<string, Promise<FontManifest>>();

function fontList(url: string): Promise<FontManifest> {
  let list = fontLists.get(url);
  if (!list) {
    list = fetch(url).then((r) => {
      if (!r.ok) throw new Error(String(r.status));
      return r.json() as Promise<FontManifest>;
    });
    // A failed read is tried again by the next map.
    list.catch(() => fontLists.delete(url));
    fontLists.set(url, list);
  }
  return list;
}

/**
 * The label font's files for MapLibre's `font-faces`: the edition's regular files, each with
 * the characters it holds (the build's list, fonts.json beside the Latin file; MapLibre takes
 * a character from the first file that holds it, and loads a file only when it needs it), then, on an
 * English page, the Korean edition's Hangul files for names its own files lack. Without
 * them MapLibre draws Hangul in the machine's own fonts — in none, where it has no Korean
 * font. Unreadable list: the Latin file alone.
 */
async function mapFontFaces(regular: string, lang: "en" | "ko"): Promise<MapFontFace[]> {
  try {
    const { faces } = await fontList(new URL("fonts.json", regular).href);
    // In the order the page's own text tries them (a later @font-face rule first, as
    // facesFor in src/site/fonts.ts counts it): each character comes from the file the page
    // has already loaded for it, not from another edition's file that also holds it.
    const ordered = (l: "en" | "ko") => [...(faces[l] ?? [])].reverse();
    const files = [...ordered(lang), ...(lang === "en" ? ordered("ko") : [])].filter((f) => f.weight === 400);
    const seen = new Set<string>();
    return files
      .filter((f) => !seen.has(f.url) && seen.add(f.url))
      .map((f) => ({
        url: new URL(f.url, regular).href,
        "unicode-range": unicodeRange([...f.chars].map((c) => c.codePointAt(0)!)).split(","),
      }));
  } catch {
    return [{ url: regular, "unicode-range": ["U+0-10FFFF"] }];
  }
}

/** The map's data with URLs made absolute (MapLibre fetches from its worker) and joined values written in. */
async function resolveConfig(config: MapFigureConfig): Promise<{ config: MapFigureConfig; data: string | GeoJSON.FeatureCollection }> {
  const absolute = (u: string) => new URL(u, location.href).href;
  const regular = absolute(config.fonts.regular);
  const fonts = { regular, faces: await mapFontFaces(regular, config.lang ?? "en") };
  if (config.type === "points") {
    const resolved = { ...config, data: absolute(config.data), basemap: absolute(config.basemap), fonts };
    // Fetched here, not by MapLibre: the keyboard highlight needs the features too.
    return { config: resolved, data: (await (await fetch(resolved.data)).json()) as GeoJSON.FeatureCollection };
  }
  const resolved = {
    ...config,
    data: absolute(config.data),
    fonts,
    ...(config.outline ? { outline: absolute(config.outline) } : {}),
    ...(config.overlays ? { overlays: config.overlays.map((o) => ({ ...o, data: absolute(o.data) })) } : {}),
  };
  if (!config.values) return { config: resolved, data: resolved.data };
  // Values joined from a table at build time: write them into the polygons' properties.
  const fc = (await (await fetch(resolved.data)).json()) as GeoJSON.FeatureCollection;
  for (const f of fc.features) {
    const v = config.values[String(f.properties?.[config.key])];
    f.properties = { ...f.properties, [config.field]: v ?? null };
  }
  return { config: resolved, data: fc };
}

export async function mountMap(graphic: HTMLElement): Promise<MapLibreMap> {
  // The configuration is a file of its own (its address in data-map), fetched now, not with the page.
  const response = await fetch(new URL(graphic.dataset.map!, location.href));
  if (!response.ok) throw new Error(`map configuration: HTTP ${response.status}`);
  const { config, data } = await resolveConfig((await response.json()) as MapFigureConfig);
  // The font files the labels are drawn from, by name (what a test and a curious reader can check).
  graphic.dataset.mapFonts = (config.fonts.faces ?? []).map((f) => f.url.split("/").pop()).join(" ");
  await loadCss();

  const dark = matchMedia("(prefers-color-scheme: dark)");
  const reduceMotion = matchMedia("(prefers-reduced-motion: reduce)").matches;
  const style = () => {
    // Which colours the map was drawn in (dark mode follows the reader's setting).
    graphic.dataset.mapScheme = dark.matches ? "dark" : "light";
    const s = buildMapStyle(config, dark.matches ? DARK : LIGHT);
    const sources = s.sources as Record<string, { data: unknown }>;
    sources[config.type === "choropleth" ? "areas" : "points"]!.data = data;
    return s as never;
  };
  const container = document.createElement("div");
  container.className = "map-canvas";
  graphic.append(container);
  const [w, s, e, n] = config.bounds;
  const map = new MapLibreMap({
    container,
    style: style(),
    bounds: [
      [w, s],
      [e, n],
    ],
    fitBoundsOptions: { padding: 12 },
    // Within Seoul (plus a margin), whatever the figure frames.
    maxBounds: expand(config.limits, 0.15, { width: container.clientWidth, height: container.clientHeight }),
    cooperativeGestures: true,
    keyboard: false,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    fadeDuration: reduceMotion ? 0 : 300,
  });
  map.touchZoomRotate.disableRotation();
  // The no-data hatch is drawn here when the style first needs it (and again after a style switch).
  map.setMissingStyleImageResolver((id) => {
    if (id === NODATA_PATTERN && !map.hasImage(id)) map.addImage(id, hatchImage());
  });
  const resetView = () =>
    map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding: 12, animate: !reduceMotion },
    );
  map.addControl(new NavigationControl({ showCompass: false }), "top-right");
  map.addControl(new ResetControl(resetView), "top-right");

  const tip = tooltipFor(graphic);
  const live = document.createElement("p");
  live.className = "visually-hidden";
  live.setAttribute("aria-live", "polite");
  graphic.append(live);

  const stops: MapStop[] = config.order;
  const stopIndex = new Map(stops.map((o, i) => [o.key, i]));
  let active: string | undefined;
  const setActive = (key: string | undefined) => {
    if (config.type === "choropleth") {
      if (active !== undefined) map.setFeatureState({ source: "areas", id: active }, { active: false });
      if (key !== undefined) map.setFeatureState({ source: "areas", id: key }, { active: true });
    } else {
      const stop = key === undefined ? undefined : stops[stopIndex.get(key)!];
      const source = map.getSource("active") as GeoJSONSource | undefined;
      const feature = stop && features.get(stop.key);
      source?.setData({ type: "FeatureCollection", features: feature ? [feature] : [] });
    }
    active = key;
  };
  // Point features by key (for the highlight ring, which must also show points inside clusters).
  const features = new Map<string, GeoJSON.Feature>();

  const hoverLayers = config.type === "choropleth" ? ["fill", "nodata"] : ["points"];
  const onHover = (ev: MapLayerMouseEvent) => {
    const f = ev.features?.[0] as MapGeoJSONFeature | undefined;
    const key = f && String(config.type === "choropleth" ? f.id : f.properties?.[config.key]);
    const i = key === undefined ? undefined : stopIndex.get(key);
    if (i === undefined) return;
    setActive(stops[i]!.key);
    tip.show(stops[i]!.name, stops[i]!.value, ev.point.x, ev.point.y);
    map.getCanvas().style.cursor = stops[i]!.href ? "pointer" : "default";
  };
  // A district that links to its page does so on the interactive map too (a click, not a drag).
  const hrefOf = (key: string | undefined) => (key === undefined ? undefined : stops[stopIndex.get(key) ?? -1]?.href);
  for (const layer of hoverLayers) {
    map.on("click", layer, (ev) => {
      const f = ev.features?.[0] as MapGeoJSONFeature | undefined;
      const href = hrefOf(f && config.type === "choropleth" ? String(f.id) : undefined);
      if (href) location.assign(href);
    });
    map.on("mousemove", layer, onHover);
    map.on("mouseleave", layer, () => {
      setActive(undefined);
      tip.hide();
    });
  }
  if (config.type === "points" && config.cluster) {
    map.on("mousemove", "clusters", (ev) => {
      const count = ev.features?.[0]?.properties?.point_count;
      const t = MAP_LIVE_STRINGS[pageLang()];
      tip.show(fillCount(t.cluster, String(count)), t.clusterHint, ev.point.x, ev.point.y);
    });
    map.on("mouseleave", "clusters", () => tip.hide());
    map.on("click", "clusters", async (ev) => {
      const f = ev.features?.[0];
      if (!f) return;
      const source = map.getSource("points") as GeoJSONSource;
      const zoom = await source.getClusterExpansionZoom(f.properties?.cluster_id as number);
      map.easeTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom, animate: !reduceMotion });
    });
  }

  // Keyboard: the canvas is one tab stop; arrows move between features by direction.
  const canvas = map.getCanvas();
  canvas.setAttribute("tabindex", "0");
  canvas.setAttribute("role", "application");
  canvas.setAttribute("aria-roledescription", "map");
  canvas.setAttribute(
    "aria-label",
    `${graphic.closest("figure")?.querySelector(".figure__title")?.textContent ?? "Map"}. Arrow keys move between ${
      config.type === "choropleth" ? "areas" : "points"
    }, plus and minus zoom, Escape closes the tooltip.`,
  );
  let current = -1;
  const select = (i: number) => {
    current = i;
    const o = stops[i]!;
    setActive(o.key);
    const p = map.project(o.at);
    tip.show(o.name, o.value, p.x, p.y);
    live.textContent = `${o.name}: ${o.value}`;
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
    if (ev.key === "Enter" && current >= 0 && stops[current]!.href) return void location.assign(stops[current]!.href!);
    if (ev.key === "+" || ev.key === "=") return void map.zoomIn({ animate: !reduceMotion });
    if (ev.key === "-") return void map.zoomOut({ animate: !reduceMotion });
    if (!NAVIGATION_KEYS.has(ev.key)) return;
    ev.preventDefault();
    const positions = stops.map((o) => map.project(o.at));
    select(nextIndex(ev.key, Math.max(current, 0), stops.length, positions));
  });

  dark.addEventListener("change", () => map.setStyle(style()));

  // Tests and screenshots wait for this: every tile and label of the current view drawn.
  map.on("idle", () => {
    graphic.dataset.mapIdle = "true";
    graphic.dataset.mapZoom = map.getZoom().toFixed(2);
    // What the reader sees: west, south, east, north.
    graphic.dataset.mapView = map
      .getBounds()
      .toArray()
      .flat()
      .map((v) => v.toFixed(4))
      .join(",");
  });
  map.on("movestart", () => delete graphic.dataset.mapIdle);
  await new Promise<void>((resolve, reject) => {
    map.once("load", () => resolve());
    map.once("error", (e) => reject(e.error));
  });
  if (config.type === "points" && typeof data !== "string") {
    for (const f of data.features) features.set(String(f.properties?.[config.key]), f);
  }
  // A scrollytelling figure moves the map to the state of the step being read (src/assets/scrolly.ts).
  graphic.addEventListener("atlas:state", (e) => {
    // The state's drawing: its view (data-bounds), each area's fill and highlight.
    const target = (e as CustomEvent<SVGSVGElement>).detail;
    const marks = [...target.querySelectorAll<SVGElement>(".areas .mark[data-key]")];
    const state = {
      fills: Object.fromEntries(
        marks.map((m) => [m.dataset.key!, m.getAttribute("fill")?.startsWith("#") ? m.getAttribute("fill") : null]),
      ),
      highlight: marks.filter((m) => m.classList.contains("is-highlighted")).map((m) => m.dataset.key!),
      bounds: target.dataset.bounds?.split(",").map(Number),
    };
    // The state's values: a tooltip gives what the step shows (its field, its year), not the figure's first.
    const values = new Map([...target.querySelectorAll<SVGElement>(".mark[data-key]")].map((m) => [m.dataset.key!, m.dataset.value]));
    for (const o of stops) {
      const value = values.get(o.key);
      if (value !== undefined) o.value = value;
    }
    if (current >= 0 && document.activeElement === canvas) select(current);
    if (state.bounds?.length === 4) {
      const [bw, bs, be, bn] = state.bounds as [number, number, number, number];
      map.fitBounds(
        [
          [bw, bs],
          [be, bn],
        ],
        { padding: 12, animate: !reduceMotion },
      );
    }
    if (config.type !== "choropleth") return;
    const keys = Object.keys(state.fills);
    if (keys.length) {
      const colors = keys.flatMap((k) => [k, state.fills[k] ?? config.scale.noData]);
      map.setPaintProperty("fill", "fill-color", ["match", ["to-string", ["get", config.key]], ...colors, config.scale.noData] as never);
    }
    const lit = new Set(state.highlight);
    for (const o of stops)
      map.setFeatureState({ source: "areas", id: o.key }, { highlighted: lit.has(o.key), dim: lit.size > 0 && !lit.has(o.key) });
  });
  graphic.dataset.mapState = "ready";
  graphic.closest("figure")?.classList.add("has-map");
  graphic.dispatchEvent(new CustomEvent("atlas:map-ready"));
  return map;
}
