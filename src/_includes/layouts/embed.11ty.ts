/**
 * An /embed/<id>/ page (and /ko/embed/<id>/): the figure alone, for a frame on another
 * site. The same head as every page (CSP, no inline script); links open outside the frame;
 * `data-embed` tells main.js to report the page's height to the frame's parent. Its credit
 * leads a reader of another site back to the story the figure comes from. Search engines are
 * told not to list it (`noindex`): the story is the page to find.
 */
import { html, raw } from "../../lib/html.ts";
import { DEFAULT_LANG, type Lang } from "../../lib/i18n/index.ts";
import { SITE_STRINGS } from "../../lib/i18n/site.ts";
import { featureStyles } from "../../site/assets-manifest.ts";
import { localePath } from "../../site/editions.ts";
import type { SiteData } from "../../site/types.ts";
import { head } from "./base.11ty.ts";

interface Data {
  content: string;
  title?: string;
  /** The figure's subtitle: the page's description. */
  dek?: string;
  site: SiteData;
  page: { url: string };
  lang?: Lang;
  /**
   * The figure's place in the story it comes from (`/stories/x/#x-1`), when it comes from a
   * story, and that page's language (a Korean drawing of a story with no Korean page leads to the English one).
   */
  story?: { href: string; lang: Lang };
  /** The site's figures: the features of the figure the page holds as a placeholder (src/figures/site-figures.ts). */
  siteFigures?: { featuresOf(content: string): string[] };
}

export function render(data: Data): string {
  const lang = data.lang ?? DEFAULT_LANG;
  const t = SITE_STRINGS[lang];
  return html`<!doctype html>
<html lang="${lang}" data-embed>
${head({ ...data, noindex: true, styles: featureStyles(data.content, data.siteFigures?.featuresOf(data.content)) }, html`<base target="_blank">`)}
<body class="embed">
<main id="main" class="embed-main">
${raw(data.content)}
<p class="embed-credit"><a href="${localePath(lang, "/")}">${t.title}</a>${
    data.story
      ? data.story.lang === lang
        ? html` · <a href="${data.story.href}">${t.embedStory}</a>`
        : html` · <a href="${data.story.href}" hreflang="${data.story.lang}">${t.embedStoryOther}</a>`
      : ""
  }</p>
</main>
</body>
</html>
`.value;
}
