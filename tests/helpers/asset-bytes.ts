/** Bytes a reader downloads for a file of the built site, gzip-compressed as a static host serves it. */
import { readFileSync } from "node:fs";
import { gzipSizes } from "../../scripts/lib/page-weight.ts";
import { SITE } from "./paths.ts";
import { fileOfUrl } from "./site-pages.ts";

export { KB, kb } from "../../scripts/lib/page-weight.ts";

const sizes = new Map<string, (url: string) => number>();

/** gzip size of the file behind a URL of the site folder `dir` (default _site/). */
export function gzipBytes(url: string, dir: string = SITE): number {
  let size = sizes.get(dir);
  if (!size) sizes.set(dir, (size = gzipSizes(dir)));
  return size(url);
}

/** Text of the file behind a URL of the site folder ("" when there is none). */
export function siteText(url: string, dir?: string): string {
  try {
    return readFileSync(fileOfUrl(new URL(url, "http://site").pathname, dir), "utf8");
  } catch {
    return "";
  }
}
