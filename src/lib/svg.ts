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

/** Escaped markup of a node tree (for the build-time HTML), joined once from all its pieces. */
export function toMarkup(node: SvgChild): string {
  const out: string[] = [];
  write(node, out);
  return out.join("");
}

/** Append the markup of `node` to `out`; whether it wrote any text. */
function write(node: SvgChild, out: string[]): boolean {
  if (node === null || node === undefined || node === false) return false;
  if (Array.isArray(node)) {
    let wrote = false;
    for (const child of node) wrote = write(child, out) || wrote;
    return wrote;
  }
  if (typeof node !== "object") {
    const text = escapeHtml(node);
    out.push(text);
    return text !== "";
  }
  out.push(`<${node.tag}`);
  for (const [k, v] of attrEntries(node.attrs)) out.push(` ${k}="${escapeHtml(v)}"`);
  // An element with no text inside closes itself: its end of start tag is decided after the children.
  const end = out.push(">") - 1;
  const inner = write(node.children, out);
  if (inner) out.push(`</${node.tag}>`);
  else out[end] = "/>";
  return true;
}
