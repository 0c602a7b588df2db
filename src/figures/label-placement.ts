/**
 * Labels on build-time maps without collisions: each label tries its candidate positions
 * in order and takes the first that overlaps no label placed before it, no obstacle (e.g.
 * the point symbols) and stays inside the drawing. Labels that fit nowhere are left out
 * (the tooltip and the table still name the feature). Greedy, in the order given, so
 * put the labels that matter most first.
 */

import type { GeoPermissibleObjects } from "d3";
import { geoContains } from "d3";

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Anchor = "start" | "middle" | "end";

export interface LabelRequest {
  /** Text lines and their font sizes, first line on top. */
  lines: { text: string; size: number }[];
  /** Candidate positions: the label's anchor point (x at `anchor`, y at the middle of the block). */
  positions: { x: number; y: number; anchor: Anchor }[];
}

export interface PlacedLabel {
  x: number;
  /** Middle of the text block. */
  y: number;
  anchor: Anchor;
  box: Box;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export function placeLabels(
  requests: LabelRequest[],
  measure: (text: string, size: number) => number,
  area: { width: number; height: number },
  obstacles: Box[] = [],
): (PlacedLabel | undefined)[] {
  const taken: Box[] = [...obstacles];
  return requests.map((req) => {
    const w = Math.max(...req.lines.map((l) => measure(l.text, l.size)));
    const h = req.lines.reduce((sum, l) => sum + l.size * 1.2, 0);
    for (const p of req.positions) {
      const x = p.anchor === "start" ? p.x : p.anchor === "end" ? p.x - w : p.x - w / 2;
      const box = { x: x - 1, y: p.y - h / 2 - 1, w: w + 2, h: h + 2 };
      if (box.x < 0 || box.y < 0 || box.x + box.w > area.width || box.y + box.h > area.height) continue;
      if (taken.some((t) => overlaps(t, box))) continue;
      taken.push(box);
      return { x: p.x, y: p.y, anchor: p.anchor, box };
    }
    return undefined;
  });
}

/**
 * How much larger a map's names are drawn where the map is narrow (a phone). A map's SVG
 * scales with its width, so names set at 11 px for a 640 px drawing came out about 6 px
 * on a phone. Where the drawing's box is narrower than 520 px (`@container` in
 * src/assets/site.css, whose font sizes are these sizes times this scale) the names are
 * drawn 1.7 times larger — 10 to 15 px on screen — and the ones that would then collide are
 * moved or hidden (`narrowLabels`).
 */
export const NARROW_LABEL_SCALE = 1.7;

/** Where the map is narrow, a label placed for the full width is kept, hidden, or moved to another of its positions. */
export type NarrowLabel = { hide: boolean; moved?: Pick<PlacedLabel, "x" | "y" | "anchor"> };

/**
 * The labels placed for the full width, where the map is narrow: each drawn `scale` times
 * larger, in the same order as `placeLabels` (the names that matter most first). A label
 * keeps its place if it still crosses no label kept before it, no obstacle and not the
 * drawing's edge; with `move`, one that does takes the first of its other positions that
 * fits (a point's name moves to the point's other side); otherwise it is hidden. Labels not
 * placed at all are not hidden again.
 */
export function narrowLabels(
  requests: LabelRequest[],
  placed: (Pick<PlacedLabel, "x" | "y" | "anchor"> | undefined)[],
  measure: (text: string, size: number) => number,
  area: { width: number; height: number },
  options: { obstacles?: Box[]; move?: boolean; scale?: number } = {},
): NarrowLabel[] {
  const scale = options.scale ?? NARROW_LABEL_SCALE;
  const taken: Box[] = [...(options.obstacles ?? [])];
  return requests.map((req, i) => {
    const p = placed[i];
    if (!p) return { hide: false };
    const w = Math.max(...req.lines.map((l) => measure(l.text, l.size * scale)));
    const h = req.lines.reduce((sum, l) => sum + l.size * scale * 1.2, 0);
    const fits = (at: Pick<PlacedLabel, "x" | "y" | "anchor">) => {
      const x = at.anchor === "start" ? at.x : at.anchor === "end" ? at.x - w : at.x - w / 2;
      const box = { x: x - 1, y: at.y - h / 2 - 1, w: w + 2, h: h + 2 };
      if (box.x < 0 || box.y < 0 || box.x + box.w > area.width || box.y + box.h > area.height) return false;
      if (taken.some((t) => overlaps(t, box))) return false;
      taken.push(box);
      return true;
    };
    if (fits(p)) return { hide: false };
    const moved = options.move
      ? req.positions.find((at) => (at.x !== p.x || at.y !== p.y || at.anchor !== p.anchor) && fits(at))
      : undefined;
    return moved ? { hide: true, moved } : { hide: true };
  });
}

/**
 * Candidate positions for an area's name: its label point, then a little above and below it
 * while that is still inside the area (`inside`, in the drawing's coordinates), so a crowded
 * area keeps its name where a neighbour's took its point.
 */
export function areaLabelPositions(x: number, y: number, inside: (x: number, y: number) => boolean): LabelRequest["positions"] {
  return [0, -7, 7, -12, 12].filter((dy) => dy === 0 || inside(x, y + dy)).map((dy) => ({ x, y: y + dy, anchor: "middle" as const }));
}

/**
 * Whether `area` holds the point [lon, lat], remembered per area: the maps of one set of
 * boundaries at one size ask about the same points (every choropleth of the districts, in
 * English and in Korean), and d3's spherical test of a district's outline is the costliest
 * step of placing its name (1.9 s of a 1,000-story build's 4,000 figures, asked anew each time).
 */
const containsByArea = new WeakMap<object, Map<string, boolean>>();
export function areaContains(area: GeoPermissibleObjects, [lon, lat]: [number, number]): boolean {
  let known = containsByArea.get(area);
  if (!known) containsByArea.set(area, (known = new Map()));
  const key = `${lon} ${lat}`;
  let inside = known.get(key);
  if (inside === undefined) {
    inside = geoContains(area, [lon, lat]);
    if (known.size < 4096) known.set(key, inside);
  }
  return inside;
}
