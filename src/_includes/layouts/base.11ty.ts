import { html, raw, type SafeHtml } from "../../lib/html.ts";
import { assetUrl, featureStyles } from "../../site/assets-manifest.ts";
import { CONTENT_SECURITY_POLICY } from "../../site/security-headers.ts";
import type { SiteData } from "../../site/types.ts";

interface Data {
  content: string;
  title?: string;
  dek?: string;
  /** Site path of the page's 1200×630 share card, if it has one. */
  shareImage?: string;
  ogType?: string;
  /** false keeps the page out of the search index. */
  searchable?: boolean;
  /** true asks search engines not to index the page (the build report). */
  noindex?: boolean;
  extraScripts?: string[] | (() => string[]);
  /** Stylesheets of the features the page has (scrollytelling, the neighbourhood finder). */
  styles?: string[];
  site: SiteData;
  page: { url: string };
  /** The site's figures: the features of those the page holds as placeholders (src/figures/site-figures.ts). */
  siteFigures?: { featuresOf(content: string): string[] };
}

/** The <head> of every page layout (the embed layout too, which adds `<base target="_blank">`). */
export function head(data: Omit<Data, "content">, extraHead: SafeHtml | string = ""): SafeHtml {
  const title = data.title ? `${data.title} — ${data.site.title}` : data.site.title;
  const extra = typeof data.extraScripts === "function" ? data.extraScripts() : (data.extraScripts ?? []);
  return html`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
${
  data.noindex
    ? html`<meta name="robots" content="noindex">
`
    : ""
}<title>${title}</title>
<meta name="description" content="${data.dek ?? data.site.description}">
<link rel="canonical" href="${data.site.url}${data.page.url}">
<meta property="og:site_name" content="${data.site.title}">
<meta property="og:title" content="${data.title ?? data.site.title}">
<meta property="og:description" content="${data.dek ?? data.site.description}">
<meta property="og:url" content="${data.site.url}${data.page.url}">
<meta property="og:type" content="${data.ogType ?? "website"}">
${
  data.shareImage
    ? html`<meta property="og:image" content="${data.site.url}${data.shareImage}">
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="630">
<meta property="og:image:alt" content="${data.title ?? ""}: title and lead figure">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:image" content="${data.site.url}${data.shareImage}">
`
    : html`<meta name="twitter:card" content="summary">
`
}<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="alternate" type="application/atom+xml" href="/feed.xml" title="${data.site.title}">
<link rel="preload" href="/assets/fonts/atlas-sans-400.woff2" as="font" type="font/woff2" crossorigin>
<link rel="stylesheet" href="${assetUrl("site.css")}">
${(data.styles ?? []).map((href) => html`<link rel="stylesheet" href="${href}">\n`)}
<script type="module" src="${assetUrl("main.js")}"></script>
${extra.map((src) => html`<script type="module" src="${src}"></script>\n`)}${extraHead}</head>`;
}

export function render(data: Data): string {
  // A page with `permalink: false` is rendered (for collections) with url false.
  const url = typeof data.page.url === "string" ? data.page.url : "";
  const current = (href: string) => (href === "/" ? url === "/" || url.startsWith("/stories/") : url.startsWith(href));
  return html`<!doctype html>
<html lang="${data.site.lang}">
${head({ ...data, styles: featureStyles(data.content, data.siteFigures?.featuresOf(data.content)) })}
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<a class="site-title" href="/">${data.site.title} <span lang="ko">${data.site.title_ko}</span></a>
<nav class="site-nav" aria-label="Site"><ul>${data.site.nav.map((n) => html`<li><a href="${n.href}"${current(n.href) ? html` aria-current="page"` : ""}>${n.label}</a></li>`)}</ul></nav>
</header>
<main id="main"${data.searchable === false ? "" : raw(" data-pagefind-body")}>
${raw(data.content)}
</main>
<footer class="site-footer">
<p><a href="/about/">About the data</a> · <a href="/corrections/">Corrections</a> · <a href="/feed.xml">Feed</a></p>
<p>Boundaries: <a href="https://github.com/southkorea/seoul-maps" rel="noopener">southkorea/seoul-maps</a> (KOSTAT 2013, Apache-2.0). Population: KOSIS 2010 Census via <a href="https://github.com/southkorea/southkorea-population" rel="noopener">southkorea/southkorea-population</a> (CC BY 3.0). Typeface: Pretendard (SIL OFL 1.1).</p>
</footer>
</body>
</html>
`.value;
}
