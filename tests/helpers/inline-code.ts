/**
 * Markup that would run code or that the Content-Security-Policy blocks: inline scripts
 * and styles, on* event handler attributes, style attributes, javascript: URLs. Used on
 * every built page and on the hostile-data fixture.
 */
import type { CheerioAPI } from "cheerio";

const URL_ATTRS = /^(href|src|action|formaction|xlink:href|data|poster)$/i;

/** An element's opening tag, shortened, to say where a problem is. */
export function openingTag(el: { attr(): Record<string, string> | undefined; prop(name: "tagName"): unknown }): string {
  const attrs = Object.entries(el.attr() ?? {})
    .map(([k, v]) => ` ${k}="${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`)
    .join("");
  return `<${String(el.prop("tagName")).toLowerCase()}${attrs}>`;
}

/** One line per offending element of a parsed page. */
export function inlineCodeProblems($: CheerioAPI): string[] {
  const problems: string[] = [];
  $("*").each((_, node) => {
    const el = $(node);
    const tag = String(el.prop("tagName")).toLowerCase();
    if (tag === "script" && (!el.attr("src") || el.text().trim())) problems.push(`${openingTag(el)}: inline script`);
    if (tag === "style") problems.push(`${openingTag(el)}: inline <style> (the policy blocks it)`);
    for (const [name, value] of Object.entries(el.attr() ?? {})) {
      if (/^on/i.test(name)) problems.push(`${openingTag(el)}: inline event handler ${name}`);
      if (name === "style") problems.push(`${openingTag(el)}: style attribute (the policy blocks it)`);
      if (URL_ATTRS.test(name) && /^\s*javascript:/i.test(value)) problems.push(`${openingTag(el)}: javascript: URL in ${name}`);
    }
  });
  return problems;
}
