/**
 * HTML written inside a story's Markdown, and its links, judged before the page is
 * published. Journalists may use a few inline elements (an abbreviation, a superscript, a
 * phrase in Korean); everything else is refused with the file, the line and what to write
 * instead, and the page is not built:
 *
 * - raw HTML goes through DOMPurify (with jsdom as its DOM) set to an allowlist of inline
 *   elements and their attributes; anything it would remove (a script, a form, a frame, a
 *   <meta http-equiv="refresh">, an event handler, a style) is a refusal, not a silent fix.
 *   What is published is DOMPurify's own serialisation of the tag, never the text as written;
 * - HTML comments are for the newsroom: they are not published;
 * - a Markdown link must go to http(s), mailto or a path of this site, and a picture must be
 *   one of the site's own files (a picture from another server would be a third-party request).
 *   Outbound links get rel="noopener".
 *
 * jsdom and DOMPurify load (about a second) only when a page holds HTML.
 */

import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import type MarkdownIt from "markdown-it";
import { type Problem, ProblemError } from "../../scripts/lib/problems.ts";
import { suggest } from "../figures/spec.ts";
import { keepUnits } from "../lib/format.ts";
import { hasPage, siteUrlList, siteUrlsKnown } from "./editions.ts";

type Token = ReturnType<MarkdownIt["parse"]>[number];

/** The elements a story may write as HTML, each with the attributes it may carry (besides lang and dir). */
export const INLINE_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  abbr: ["title"],
  b: [],
  bdi: [],
  br: [],
  cite: [],
  code: [],
  del: ["datetime"],
  dfn: ["title"],
  em: [],
  i: [],
  ins: ["datetime"],
  kbd: [],
  mark: [],
  q: [],
  s: [],
  samp: [],
  small: [],
  span: [],
  strong: [],
  sub: [],
  sup: [],
  time: ["datetime"],
  u: [],
  var: [],
  wbr: [],
};
const GLOBAL_ATTRIBUTES = ["lang", "dir"];

export const ALLOWED_SUMMARY =
  "abbr title, sup, sub, br, span lang, kbd, b, i, em, strong, small, mark, q, cite, code, dfn, del, ins, time datetime, bdi, samp, s, u, var, wbr";

/** What to write instead of a refused element. */
function elementHint(name: string): string {
  if (/^(script|style|noscript|template|link)$/.test(name))
    return "Scripts and styles come from the site's code, never from a story: remove it.";
  if (/^(iframe|frame|frameset|object|embed|applet|portal)$/.test(name))
    return "Draw the figure with a ```figure block (docs/figures.md), or link to the page: [text](https://…).";
  if (/^(form|input|button|select|textarea|option|label|fieldset)$/.test(name))
    return "A story has no forms: link to the form instead, [text](https://…).";
  if (/^(meta|base|title|head|html|body)$/.test(name)) return "The page's <head> comes from the site's layout: remove the tag.";
  if (name === "a") return "Write the link in Markdown: [text](https://…).";
  if (/^(img|picture|source|video|audio|track|svg|math|canvas|map|area)$/.test(name))
    return "Pictures and graphics are figures: a ```figure block (docs/figures.md).";
  return `Use Markdown for structure (blank lines between paragraphs, ## headings, - lists). HTML a story may use: ${ALLOWED_SUMMARY}.`;
}

function attributeHint(element: string, name: string): string {
  if (/^on/i.test(name)) return "Event handlers run code: remove it.";
  if (name === "style" || name === "class") return "The look comes from the site's stylesheet: remove it.";
  const allowed = [...(INLINE_ELEMENTS[element] ?? []), ...GLOBAL_ATTRIBUTES];
  return `On <${element}> a story may set ${allowed.join(", ")}.`;
}

interface Purifier {
  sanitize(dirty: string, config: Record<string, unknown>): DocumentFragment;
  removed: ({ element: Element } | { attribute: Attr | null; from: Element })[];
  addHook(name: string, hook: (node: Element, data: { attrName: string; keepAttr: boolean }) => void): void;
}

let purifier: Purifier | undefined;

/** DOMPurify on a jsdom window, loaded once, on first use (Markdown is rendered synchronously). */
function purify(): Purifier {
  if (purifier) return purifier;
  const require = createRequire(import.meta.url);
  const { JSDOM } = require("jsdom") as typeof import("jsdom");
  const createDOMPurify = require("dompurify") as (window: unknown) => Purifier;
  const p = createDOMPurify(new JSDOM("").window);
  p.addHook("uponSanitizeAttribute", (node, data) => {
    const allowed = INLINE_ELEMENTS[node.nodeName.toLowerCase()] ?? [];
    if (!allowed.includes(data.attrName) && !GLOBAL_ATTRIBUTES.includes(data.attrName)) data.keepAttr = false;
  });
  purifier = p;
  return p;
}

const CONFIG = {
  ALLOWED_TAGS: Object.keys(INLINE_ELEMENTS),
  ALLOWED_ATTR: [...new Set([...Object.values(INLINE_ELEMENTS).flat(), ...GLOBAL_ATTRIBUTES])],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Leading elements stay in the body instead of moving into a <head> no one looks at.
  FORCE_BODY: true,
  RETURN_DOM_FRAGMENT: true,
};

export interface HtmlVerdict {
  /** What is refused, each a message and a hint. */
  refused: { message: string; hint: string }[];
  /** The HTML to publish when nothing is refused: DOMPurify's serialisation. */
  html: string;
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

/** Judge one piece of HTML from a story (a tag, or a block of HTML lines). */
export function judgeHtml(source: string): HtmlVerdict {
  const refused: HtmlVerdict["refused"] = [];
  // <html>, <head> and <body> tags are merged into the page's own elements by the HTML
  // parser, out of the sanitiser's sight.
  for (const m of source.matchAll(/<\/?(html|head|body)\b/gi)) {
    const name = m[1]!.toLowerCase();
    refused.push({ message: `<${name}> is not allowed in a story`, hint: elementHint(name) });
  }
  if (/^<[?!](?!--)/.test(source.trim()))
    refused.push({ message: `${JSON.stringify(short(source.trim()))} is not HTML a story can use`, hint: "Remove it." });
  const p = purify();
  const fragment = p.sanitize(source, CONFIG);
  for (const r of p.removed) {
    if ("element" in r) {
      const name = r.element.nodeName.toLowerCase();
      // DOMPurify's own wrappers: the body it parses into, and the <remove> it puts first (FORCE_BODY).
      if ((name === "body" || name === "remove") && !r.element.attributes.length && !r.element.childNodes.length) continue;
      if (name === "body" && !r.element.attributes.length) continue;
      if (name === "#comment" || name === "#text") continue;
      refused.push({ message: `<${name}> is not allowed in a story`, hint: elementHint(name) });
    } else if (r.attribute) {
      const element = r.from.nodeName.toLowerCase();
      refused.push({
        message: `<${element} ${r.attribute.name}="${short(r.attribute.value)}">: the attribute ${r.attribute.name} is not allowed`,
        hint: attributeHint(element, r.attribute.name),
      });
    }
  }
  const box = fragment.ownerDocument.createElement("div");
  box.append(fragment);
  return { refused, html: box.innerHTML };
}

/** The opening tag of a single element as DOMPurify wrote it: `<abbr title="x"></abbr>` → `<abbr title="x">`. */
function openingTag(serialised: string, name: string): string | undefined {
  const close = `</${name}>`;
  const open = serialised.endsWith(close) ? serialised.slice(0, -close.length) : serialised;
  return open.startsWith(`<${name}`) && !open.slice(1).includes("<") ? open : undefined;
}

/** What a link target is: allowed as it is, or refused with a message and a hint. */
export function linkProblem(href: string, kind: "link" | "picture"): { message: string; hint: string } | undefined {
  const sitePath = /^\/(?![/\\])/.test(href);
  if (kind === "picture") {
    if (sitePath) return undefined;
    return {
      message: `the picture ${JSON.stringify(short(href))} is not one of the site's files`,
      hint: "The site loads nothing from other servers: put the picture in src/static/ and write its path (/…), or make it a ```figure.",
    };
  }
  if (sitePath || href.startsWith("#") || /^(https?:\/\/[^/\\]|mailto:)/i.test(href)) return undefined;
  return {
    message: `the link ${JSON.stringify(short(href))} does not go to a web page`,
    hint: "Link to https://…, mailto:… or a path of this site such as /stories/…/ (written in full, from the first slash).",
  };
}

/**
 * A path of this site that a link or picture names, and that the build has nothing at: no
 * page (from Eleventy's content map, the embed pages, other shards' pages), no file of
 * src/static/ and no data file. Judged only once the build knows its pages.
 */
export function sitePathProblem(
  href: string,
  kind: "link" | "picture",
  where: { root: string; generatedDir: string },
): { message: string; hint: string } | undefined {
  if (!siteUrlsKnown() || !/^\/(?![/\\])/.test(href)) return undefined;
  let path: string;
  try {
    path = decodeURI(new URL(href, "http://site.invalid/").pathname);
  } catch {
    return undefined;
  }
  if (hasPage(path) || hasPage(path.replace(/index\.html$/, "")) || (!/\.[^/]*$/.test(path) && hasPage(`${path}/`))) return undefined;
  const rest = path.replace(/^\/+/, "");
  if (rest && existsSync(join(where.root, "src", "static", rest))) return undefined;
  const data = /^data\/([^/]+)$/.exec(rest);
  if (data && existsSync(join(where.generatedDir, data[1]!))) return undefined;
  // "/districts/gwanak/" → "/districts/gwanak-gu/": compared without the last slash, among addresses as deep.
  const trim = (u: string) => u.replace(/\/$/, "");
  const depth = (u: string) => trim(u).split("/").length;
  // The list of every address is made only for a link that leads nowhere.
  const pages = siteUrlList() ?? [];
  const near = suggest(trim(path), [...new Set(pages.filter((u) => depth(u) === depth(path)).map(trim))].sort()).replace(/"\?$/, '/"?');
  return kind === "picture"
    ? {
        message: `the picture ${JSON.stringify(short(href))} is not one of the site's files`,
        hint: `Put the picture in src/static/ (src/static/${rest || "…"} is published at ${path}), or make it a \`\`\`figure.`,
      }
    : {
        message: `the link ${JSON.stringify(short(href))} goes to no page of the site`,
        hint: `Link to the address of a page the site builds, written in full from the first slash, e.g. /districts/gwanak-gu/ or /stories/gwanak-s-valley/.${near}`,
      };
}

const COMMENT_ONLY = /^\s*(?:<!--[\s\S]*?-->\s*)+$/;

export interface MarkdownHtmlOptions {
  /** Lines above the Markdown (the front matter), so that lines count from the top of the file. */
  lineOffset(inputPath: string): number;
  root: string;
  /** The generated data (published under /data/), for links to a dataset's files (default <root>/generated). */
  generatedDir?: string;
}

interface Env {
  page?: { inputPath?: string };
}

/** The markdown-it plugin: judges every raw HTML token and link after parsing; a page with a refusal throws. */
export function markdownHtmlPlugin(md: MarkdownIt, options: MarkdownHtmlOptions): void {
  // Every link reaches the check below, which names it, instead of markdown-it's silent
  // fallback to text for javascript:, vbscript:, file: and data: links.
  md.validateLink = () => true;

  const where = { root: options.root, generatedDir: options.generatedDir ?? join(options.root, "generated") };
  md.core.ruler.push("atlas-html", (state) => {
    const env = state.env as Env;
    const inputPath = env.page?.inputPath;
    const file = inputPath ? relative(options.root, resolve(options.root, inputPath)).split("\\").join("/") : "(Markdown)";
    const offset = inputPath ? options.lineOffset(inputPath) : 0;
    const problems: Problem[] = [];
    const refuse = (line: number | undefined, r: { message: string; hint: string }, code = "story-html") =>
      problems.push({ code, file, line: line === undefined ? undefined : offset + line + 1, ...r });

    const judgeTag = (token: Token, line: number | undefined) => {
      const text = token.content;
      if (COMMENT_ONLY.test(text)) {
        token.meta = { ...token.meta, publish: "" };
        return;
      }
      const verdict = judgeHtml(text);
      for (const r of verdict.refused) refuse(line, r);
      if (verdict.refused.length) return;
      if (token.type === "html_block") {
        token.meta = { ...token.meta, publish: verdict.html };
        return;
      }
      const close = /^<\/([A-Za-z][A-Za-z0-9-]*)\s*>$/.exec(text);
      const open = /^<([A-Za-z][A-Za-z0-9-]*)/.exec(text);
      const name = (close ?? open)?.[1]?.toLowerCase();
      const tag = name && INLINE_ELEMENTS[name] ? (close ? `</${name}>` : openingTag(verdict.html, name)) : undefined;
      if (tag === undefined)
        refuse(line, { message: `${JSON.stringify(short(text))} could not be read as one tag`, hint: elementHint(name ?? "") });
      else token.meta = { ...token.meta, publish: tag };
    };

    for (const block of state.tokens) {
      const blockLine = block.map?.[0];
      if (block.type === "html_block") judgeTag(block, blockLine);
      if (block.type !== "inline" || !block.children) continue;
      let breaks = 0;
      for (const t of block.children) {
        const line = blockLine === undefined ? undefined : blockLine + breaks;
        if (t.type === "softbreak" || t.type === "hardbreak") breaks++;
        else if (t.type === "html_inline") judgeTag(t, line);
        else if (t.type === "link_open") {
          const bad = linkProblem(t.attrGet("href") ?? "", "link") ?? sitePathProblem(t.attrGet("href") ?? "", "link", where);
          if (bad) refuse(line, bad, "story-link");
          else if (/^https?:/i.test(t.attrGet("href") ?? "")) t.attrSet("rel", "noopener");
        } else if (t.type === "image") {
          const bad = linkProblem(t.attrGet("src") ?? "", "picture") ?? sitePathProblem(t.attrGet("src") ?? "", "picture", where);
          if (bad) refuse(line, bad, "story-link");
        }
      }
    }
    if (problems.length) throw new ProblemError(problems, `The page ${file} has HTML or links the site does not publish`);
  });

  const publish = (tokens: Token[], idx: number) => {
    const publish = (tokens[idx]!.meta as { publish?: string } | null)?.publish;
    // Every raw token was judged above; one that was not (rendered without the rule) is not published.
    return publish ?? "";
  };
  md.renderer.rules.html_block = publish;
  md.renderer.rules.html_inline = publish;
}

/** The markdown-it plugin that keeps a number and its unit on one line in prose ("40 %": `keepUnits`). */
export function keepUnitsPlugin(md: MarkdownIt): void {
  md.core.ruler.push("keep-units", (state) => {
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      for (const t of block.children) if (t.type === "text") t.content = keepUnits(t.content);
    }
  });
}
