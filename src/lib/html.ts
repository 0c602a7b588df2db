/**
 * HTML and SVG text built from data is escaped by construction: `html\`…\`` escapes every
 * interpolated value unless it is already `SafeHtml` (the result of another `html` call or
 * of `raw`). Arrays are joined. null, undefined and false render as nothing.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const NEEDS_ESCAPE = /[&<>"']/;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: unknown): string {
  const text = String(value);
  // Most values (numbers, names, coordinates) need no escaping: skip the replace for them.
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text;
}

type Part = SafeHtml | string | number | boolean | null | undefined | Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join("");
  return escapeHtml(part);
}

export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Mark trusted markup (produced by our own code, never by data) as safe. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * Whether a URL from data may become a link: http(s) and mailto, or a path on this site.
 * Escaping does not make a javascript: or data: URL harmless, so such URLs stay text.
 */
export function isSafeHref(url: string): boolean {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  return scheme === undefined ? !/^\s*\/\//.test(url) : scheme === "http" || scheme === "https" || scheme === "mailto";
}

/** Attribute value for JSON handed to the browser in a data-* attribute. */
export function jsonAttr(value: unknown): string {
  return JSON.stringify(value);
}
