/**
 * What makes an SVG element a "mark" the reader can reach: one tab stop per figure
 * (roving tabindex: the first mark is 0, the others -1), a name and a value that the
 * tooltip shows and a screen reader announces, and optionally a point the tooltip and
 * the arrow keys use (data-x, data-y in SVG units).
 */
import type { Attr } from "../svg.ts";

export interface MarkInfo {
  key: string;
  name: string;
  value: string;
  /** Anchor in SVG units, for arrow keys by direction and for the tooltip. */
  at?: [number, number];
}

export function markAttrs(m: MarkInfo, first: boolean, className = ""): Record<string, Attr> {
  return {
    class: `mark${className ? ` ${className}` : ""}`,
    tabindex: first ? 0 : -1,
    role: "img",
    "aria-label": `${m.name}: ${m.value}`,
    "data-key": m.key,
    "data-name": m.name,
    "data-value": m.value,
    "data-x": m.at ? Math.round(m.at[0] * 10) / 10 : undefined,
    "data-y": m.at ? Math.round(m.at[1] * 10) / 10 : undefined,
  };
}

/** The <svg> element of a chart: scales with its container, named by the figure's title. */
export function svgAttrs(kind: string, width: number, height: number, label: string): Record<string, Attr> {
  return {
    class: `chart chart--${kind}`,
    viewBox: `0 0 ${Math.round(width)} ${Math.ceil(height)}`,
    width: Math.round(width),
    height: Math.ceil(height),
    role: "group",
    "aria-label": label,
    "data-width": Math.round(width),
  };
}
