/**
 * Every HTML page a build wrote, found by walking the output folder (never a hand-kept
 * list), so pages added later are checked without touching the tests. The code is shared
 * with the build report (scripts/lib/page-weight.ts); here the folder defaults to _site/.
 */
import { readFileSync } from "node:fs";
import { fileOfUrl as fileOf, sitePages as pagesOf, pageUrl } from "../../scripts/lib/page-weight.ts";
import { SITE } from "./paths.ts";

export { pageUrl };

/** URL paths of the HTML files under `dir`: `stories/x/index.html` → `/stories/x/`. */
export function sitePages(dir: string = SITE): string[] {
  return pagesOf(dir);
}

/** The file of the site folder behind a URL path (`/x/` → `x/index.html`). */
export function fileOfUrl(pathname: string, dir: string = SITE): string {
  return fileOf(pathname, dir);
}

/** Folders with one page per row of a dataset (districts, datasets): a few of them stand for all. */
const PAGINATED = new Set(["districts", "data"]);

/** The kind of figure an embed page shows (a scrolly, or its figure's `data-figure`). */
function embedKind(url: string, dir: string): string {
  const page = readFileSync(fileOfUrl(url, dir), "utf8");
  if (page.includes(" data-scrolly")) return "scrolly";
  return / data-figure="([a-z-]+)"/.exec(page)?.[1] ?? "other";
}

/**
 * Every kind of page of both editions, for the browser walks (axe, page loads, keyboard,
 * hostile data): every page
 * of the site except the 25 district pages and the catalogue's dataset pages of each
 * edition, of which three each are kept (Gwanak-gu's and the census's, which have the
 * most on them, and the first and last), and the embed pages, of which one per kind of
 * figure (map, bar, line, scrolly…) is kept in each edition. Found from _site/ like sitePages().
 */
export function samplePages(dir: string = SITE): string[] {
  const groups = new Map<string, string[]>();
  const embeds = new Map<string, string>();
  const out: string[] = [];
  for (const url of sitePages(dir)) {
    const parts = url.split("/").filter(Boolean);
    const edition = parts[0] === "ko" ? "ko" : "en";
    const rest = edition === "ko" ? parts.slice(1) : parts;
    if (rest.length === 2 && PAGINATED.has(rest[0]!)) {
      const key = `${edition}:${rest[0]}`;
      groups.set(key, [...(groups.get(key) ?? []), url]);
    } else if (rest.length === 2 && rest[0] === "embed") {
      // Embed pages differ by the figure they show: one of each kind of figure stands for the rest.
      const key = `${edition}:embed:${embedKind(url, dir)}`;
      if (!embeds.has(key)) embeds.set(key, url);
    } else out.push(url);
  }
  out.push(...embeds.values());
  for (const list of groups.values()) {
    const preferred = list.filter((u) => /\/(gwanak-gu|census-2015-gu)\/$/.test(u));
    out.push(...new Set([...preferred, list[0]!, list[list.length - 1]!]));
  }
  return out.sort();
}
