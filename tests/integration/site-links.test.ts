/**
 * Internal links: every href, src and srcset in every page of _site/ (and every url() in
 * its stylesheets) that points into the site resolves to a file the build wrote, and every
 * #anchor to an element with that id on the target page. A failure names the page, the
 * element and what is missing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { SITE } from "../helpers/paths.ts";
import { fileOfUrl, pageUrl, sitePages } from "../helpers/site-pages.ts";

const ORIGIN = "http://site.invalid";
const ids = new Map<string, Set<string>>();

/** ids (and <a name>s) of a page of the site, read once. */
function anchorsOf(file: string): Set<string> {
  let set = ids.get(file);
  if (!set) {
    const $ = cheerio.load(readFileSync(file, "utf8"));
    set = new Set([...$("[id]").map((_, el) => $(el).attr("id")), ...$("a[name]").map((_, el) => $(el).attr("name"))]);
    ids.set(file, set);
  }
  return set;
}

/** What is wrong with a reference from `base` (a URL path), or undefined when it resolves. */
function brokenTarget(ref: string, base: string): string | undefined {
  if (/^\s*javascript:/i.test(ref)) return "javascript: URL";
  const url = new URL(ref, ORIGIN + base);
  if (url.origin !== ORIGIN) return undefined; // another site, mailto:, data: — not ours to resolve
  let file = fileOfUrl(url.pathname);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!existsSync(file)) return `no file _site/${relative(SITE, file)}`;
  const hash = decodeURIComponent(url.hash.slice(1));
  if (hash && file.endsWith(".html") && !anchorsOf(file).has(hash))
    return `no element with id "${hash}" on ${pageUrl(relative(SITE, file))}`;
  return undefined;
}

const REF_ATTRS = ["href", "src", "xlink:href", "poster", "action", "data"];

describe.each(sitePages())("page %s", (url) => {
  it("links only to files and anchors that exist", () => {
    const $ = cheerio.load(readFileSync(fileOfUrl(url), "utf8"));
    const broken: string[] = [];
    $("*").each((_, node) => {
      const el = $(node);
      const tag = String(el.prop("tagName")).toLowerCase();
      const refs = REF_ATTRS.flatMap((a) => (el.attr(a) !== undefined ? [[a, el.attr(a)!] as const] : []));
      for (const src of (el.attr("srcset") ?? "").split(",").filter((s) => s.trim())) refs.push(["srcset", src.trim().split(/\s+/)[0]!]);
      for (const [attr, ref] of refs) {
        const problem = brokenTarget(ref, url);
        if (problem) broken.push(`<${tag} ${attr}="${ref}">: ${problem}`);
      }
    });
    expect(broken, `${url}: broken links`).toEqual([]);
  });
});

describe("stylesheets", () => {
  const sheets: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith(".css")) sheets.push(join(dir, e.name));
    }
  };
  walk(SITE);

  it.each(sheets.map((f) => relative(SITE, f)))("_site/%s refers only to files that exist", (rel) => {
    const css = readFileSync(join(SITE, rel), "utf8");
    const base = `/${rel.split("\\").join("/")}`;
    const broken = [...css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)]
      .map((m) => m[2]!)
      .filter((ref) => !ref.startsWith("data:") && !ref.startsWith("#"))
      .flatMap((ref) => {
        const problem = brokenTarget(ref, base);
        return problem ? [`url(${ref}): ${problem}`] : [];
      });
    expect(broken, `_site/${rel}: broken url()`).toEqual([]);
  });
});
