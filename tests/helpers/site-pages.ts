/**
 * Every HTML page a build wrote, found by walking the output folder (never a hand-kept
 * list), so pages added later are checked without touching the tests.
 */
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { SITE } from "./paths.ts";

/** URL paths of the HTML files under `dir`: `stories/x/index.html` → `/stories/x/`. */
export function sitePages(dir: string = SITE): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".html")) pages.push(pageUrl(relative(dir, path)));
    }
  };
  walk(dir);
  if (pages.length === 0) throw new Error(`No HTML page in ${dir}: build the site first (npm run build).`);
  return pages.sort();
}

/** The URL path a static server gives a file of the site folder. */
export function pageUrl(file: string): string {
  const url = `/${file.split(sep).join("/")}`;
  return url.endsWith("/index.html") ? url.slice(0, -"index.html".length) : url;
}

/** The file of the site folder behind a URL path (`/x/` → `x/index.html`). */
export function fileOfUrl(pathname: string, dir: string = SITE): string {
  const path = decodeURIComponent(pathname);
  return join(dir, path.endsWith("/") ? `${path}index.html` : path);
}
