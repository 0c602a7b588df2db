/**
 * A chart's SVG as plain data (tag, attributes, children), so that one renderer serves
 * both sides: the build turns it into escaped markup (`toMarkup`), the browser into DOM
 * nodes (src/assets/svg-dom.ts, attributes by setAttribute and text by textContent —
 * never markup parsing). Data can therefore never become an element or an attribute.
 */
import { escapeHtml } from "./html.ts";

export type Attr = string | number | boolean | null | undefined;
export interface SvgNode {
  tag: string;
  attrs: Record<string, Attr>;
  children: SvgChild[];
}
export type SvgChild = SvgNode | string | number | null | undefined | false | SvgChild[];

export function h(tag: string, attrs: Record<string, Attr> = {}, ...children: SvgChild[]): SvgNode {
  return { tag, attrs, children };
}

/** Round a coordinate to 0.1 px: enough for a screen, and short markup. */
export function px(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Attribute pairs that are rendered: false, null and undefined are left out, true is an empty value. */
export function attrEntries(attrs: Record<string, Attr>): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    out.push([k, v === true ? "" : String(v)]);
  }
  return out;
}

/** Escaped markup of a node tree (for the build-time HTML). */
export function toMarkup(node: SvgChild): string {
  if (node === null || node === undefined || node === false) return "";
  if (Array.isArray(node)) return node.map(toMarkup).join("");
  if (typeof node !== "object") return escapeHtml(node);
  const attrs = attrEntries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
    .join("");
  const inner = node.children.map(toMarkup).join("");
  return inner ? `<${node.tag}${attrs}>${inner}</${node.tag}>` : `<${node.tag}${attrs}/>`;
}
