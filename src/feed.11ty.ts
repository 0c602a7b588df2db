/**
 * /feed.xml: an Atom feed of the newest stories, newest first, with their full text.
 * Like most news feeds it holds the latest FEED_ENTRIES stories, not the whole archive:
 * feed readers poll it often, and on a 1,000-story site the full archive made a 50 MB file
 * and cost the build a second and a half and 700 MB of memory.
 */
import { join } from "node:path";
import { dateToRfc3339, getNewestCollectionItemDate } from "@11ty/eleventy-plugin-rss";
import type { SiteFigures } from "./figures/site-figures.ts";
import { xmlText } from "./lib/control-chars.ts";
import { html } from "./lib/html.ts";
import { DEFAULT_LANG } from "./lib/i18n/index.ts";
import { SITE_STRINGS } from "./lib/i18n/site.ts";
import { localePath } from "./site/editions.ts";
import { feedHtml } from "./site/feed-html.ts";
import { type PageData, storiesNewestFirst } from "./site/types.ts";

export const FEED_ENTRIES = 50;

/** One feed per edition: /feed.xml and /ko/feed.xml, each with its own edition's stories. */
export const data = { permalink: (d: PageData) => localePath(d.lang ?? DEFAULT_LANG, "/feed.xml"), eleventyExcludeFromCollections: true };

export async function render(d: PageData & { siteFigures?: SiteFigures }): Promise<string> {
  const lang = d.lang ?? DEFAULT_LANG;
  const t = SITE_STRINGS[lang];
  const stories = storiesNewestFirst(d.collections, lang).slice(0, FEED_ENTRIES);
  const base = d.site.url;
  const cacheDir = join(process.cwd(), ".cache", "feed");
  const entries = await Promise.all(
    stories.map(async (s) => {
      const url = new URL(s.url, base).href;
      // The story's HTML holds placeholders for its figures (see src/site/page-writer.ts).
      const content = await feedHtml(s.content, url, cacheDir, (h) => d.siteFigures?.expand(h) ?? h);
      return html`<entry>
<title>${s.data.title}</title>
<link href="${url}"/>
<id>${url}</id>
<updated>${dateToRfc3339(s.date)}</updated>
${s.data.byline ? html`<author><name>${s.data.byline}</name></author>` : ""}
${s.data.dek ? html`<summary>${s.data.dek}</summary>` : ""}
<content type="html">${content}</content>
</entry>`;
    }),
  );
  const updated = stories.length ? dateToRfc3339(getNewestCollectionItemDate(stories)) : dateToRfc3339(new Date(0));
  // Control characters are refused where text enters the build; should one reach the feed anyway, it stays well-formed XML.
  return xmlText(
    html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
<title>${t.title}</title>
<subtitle>${t.description}</subtitle>
<link href="${new URL(localePath(lang, "/feed.xml"), base).href}" rel="self"/>
<link href="${new URL(localePath(lang, "/"), base).href}"/>
<id>${new URL(localePath(lang, "/"), base).href}</id>
<updated>${updated}</updated>
<author><name>${t.author}</name></author>
${entries}
</feed>
`.value,
  );
}
