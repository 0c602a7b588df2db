/**
 * /robots.txt: crawlers may read every page, and are pointed to the sitemap (the pages for
 * readers, in both editions). The pages not for search results (the embeds, the build
 * report) say `noindex` themselves: a crawler kept out of them could not read that.
 */
import type { PageData } from "./site/types.ts";

export const data = { permalink: "/robots.txt", eleventyExcludeFromCollections: true };

export function render(d: PageData): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${new URL("/sitemap.xml", d.site.url).href}\n`;
}
