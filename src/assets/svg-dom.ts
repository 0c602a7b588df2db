/**
 * Browser side of src/lib/svg.ts: turn a chart's node tree into SVG DOM nodes. Attributes
 * are set with setAttribute and text with text nodes, so data is never parsed as markup.
 */
import { attrEntries, type SvgChild } from "../lib/svg.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

export function toDom(node: SvgChild, doc: Document = document): Node {
  const fragment = doc.createDocumentFragment();
  append(fragment, node, doc);
  return fragment.childNodes.length === 1 ? fragment.firstChild! : fragment;
}

function append(parent: Node, node: SvgChild, doc: Document): void {
  if (node === null || node === undefined || node === false) return;
  if (Array.isArray(node)) {
    for (const child of node) append(parent, child, doc);
    return;
  }
  if (typeof node !== "object") {
    parent.appendChild(doc.createTextNode(String(node)));
    return;
  }
  const el = doc.createElementNS(SVG_NS, node.tag);
  for (const [k, v] of attrEntries(node.attrs)) el.setAttribute(k, v);
  for (const child of node.children) append(el, child, doc);
  parent.appendChild(el);
}
