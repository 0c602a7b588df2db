/**
 * /sitemap.xml: every HTML page meant for readers (not embeds, not the 404 page), in both
 * editions, each with `xhtml:link` alternates naming its counterpart in the other edition.
 */
import { html } from "./lib/html.ts";
import { DEFAULT_LANG, LANGS } from "./lib/i18n/index.ts";
import { alternates, basePath } from "./site/editions.ts";
import type { CollectionItem, PageData } from "./site/types.ts";

export const data = { permalink: "/sitemap.xml", eleventyExcludeFromCollections: true };

/** Only stories carry a date of their own (front matter); other pages would get the file's mtime. */
const isStory = (p: CollectionItem) => basePath(p.url).startsWith("/stories/");

export function render(d: PageData): string {
  const pages = d.collections.all
    .filter((p) => typeof p.url === "string" && p.url.endsWith("/") && !basePath(p.url).startsWith("/embed/"))
    .sort((a, b) => a.url.localeCompare(b.url));
  const abs = (url: string) => new URL(url, d.site.url).href;
  const links = (url: string) => {
    const alt = alternates(url);
    const langs = LANGS.filter((l) => alt[l]);
    if (langs.length < 2) return "";
    return html`${langs.map((l) => html`<xhtml:link rel="alternate" hreflang="${l}" href="${abs(alt[l]!)}"/>`)}<xhtml:link rel="alternate" hreflang="x-default" href="${abs(alt[DEFAULT_LANG]!)}"/>`;
  };
  return html`<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${pages.map((p) => html`<url><loc>${abs(p.url)}</loc>${isStory(p) ? html`<lastmod>${p.date.toISOString().slice(0, 10)}</lastmod>` : ""}${links(p.url)}</url>\n`)}</urlset>
`.value;
}
