/**
 * Every HTML page a build wrote, found by walking the output folder (never a hand-kept
 * list), so pages added later are checked without touching the tests. The code is shared
 * with the build report (scripts/lib/page-weight.ts); here the folder defaults to _site/.
 */
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
