/** /sitemap.xml: every HTML page meant for readers (not embeds, not the 404 page). */
import { html } from "./lib/html.ts";
import type { CollectionItem, PageData } from "./site/types.ts";

export const data = { permalink: "/sitemap.xml", eleventyExcludeFromCollections: true };

/** Only stories carry a date of their own (front matter); other pages would get the file's mtime. */
const isStory = (p: CollectionItem) => p.url.startsWith("/stories/");

export function render(d: PageData): string {
  const pages = d.collections.all
    .filter((p) => typeof p.url === "string" && p.url.endsWith("/") && !p.url.startsWith("/embed/"))
    .sort((a, b) => a.url.localeCompare(b.url));
  return html`<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${pages.map((p) => html`<url><loc>${new URL(p.url, d.site.url).href}</loc>${isStory(p) ? html`<lastmod>${p.date.toISOString().slice(0, 10)}</lastmod>` : ""}</url>\n`)}</urlset>
`.value;
}
