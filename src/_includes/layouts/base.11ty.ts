import { html, raw, type SafeHtml } from "../../lib/html.ts";
import { DEFAULT_LANG, fill, LANGS, type Lang } from "../../lib/i18n/index.ts";
import { LANG_NAMES, SITE_STRINGS } from "../../lib/i18n/site.ts";
import { assetsFor, featureStyles } from "../../site/assets-manifest.ts";
import { alternates, localePath } from "../../site/editions.ts";
import { CONTENT_SECURITY_POLICY } from "../../site/security-headers.ts";
import type { SiteData } from "../../site/types.ts";

/** The repositories the footer credits for the census figures, linked. */
const CENSUS_2010_LINK =
  '<a href="https://github.com/southkorea/southkorea-population" rel="noopener">southkorea/southkorea-population</a>';
const CENSUS_2015_LINK = '<a href="https://github.com/cardiomoon/kormaps2014" rel="noopener">cardiomoon/kormaps2014</a>';

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
  extraScripts?: string[] | ((data: { lang: Lang }) => string[]);
  /** Stylesheets of the features the page has (scrollytelling, the neighbourhood finder). */
  styles?: string[];
  site: SiteData;
  page: { url: string };
  /** The site's figures: the features of those the page holds as placeholders (src/figures/site-figures.ts). */
  siteFigures?: { featuresOf(content: string): string[] };
  /** The page's edition: "en" (the default, from global data) or "ko" (everything under src/ko/). */
  lang?: Lang;
}

/** `<link rel="alternate" hreflang>` for each edition that has the page, and x-default (English) when both do. */
function hreflangLinks(siteUrl: string, url: string): SafeHtml {
  const alt = alternates(url);
  const langs = LANGS.filter((l) => alt[l]);
  if (langs.length < 2) return html``;
  return html`${langs.map((l) => html`<link rel="alternate" hreflang="${l}" href="${siteUrl}${alt[l]}">\n`)}<link rel="alternate" hreflang="x-default" href="${siteUrl}${alt[DEFAULT_LANG]}">\n`;
}

/**
 * The language switch: each edition by its own name, the current one marked, the other
 * linking to the same page in that edition, or to that edition's home page (and saying
 * so, in the reader's language) where the page has no counterpart.
 */
function languageSwitch(lang: Lang, url: string): SafeHtml {
  const alt = alternates(url);
  const t = SITE_STRINGS[lang];
  return html`<nav class="lang-switch" aria-label="${t.languages}"><ul>${LANGS.map((l) => {
    const name = LANG_NAMES[l][l];
    if (l === lang) return html`<li><span aria-current="true" lang="${l}">${name}</span></li>`;
    const href = alt[l] ?? localePath(l, "/");
    return html`<li><a href="${href}" hreflang="${l}" lang="${l}" data-lang-switch="${l}">${name}</a>${alt[l] ? "" : html` <span class="note">${t.noCounterpart}</span>`}</li>`;
  })}</ul></nav>`;
}

/** The <head> of every page layout (the embed layout too, which adds `<base target="_blank">`). */
export function head(data: Omit<Data, "content">, extraHead: SafeHtml | string = ""): SafeHtml {
  const lang = data.lang ?? DEFAULT_LANG;
  const t = SITE_STRINGS[lang];
  const siteTitle = t.title;
  const description = data.dek ?? t.description;
  const pageUrl = typeof data.page.url === "string" ? data.page.url : "";
  const title = data.title ? `${data.title} — ${siteTitle}` : siteTitle;
  const extra = typeof data.extraScripts === "function" ? data.extraScripts({ lang }) : (data.extraScripts ?? []);
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
<meta name="description" content="${description}">
<link rel="canonical" href="${data.site.url}${data.page.url}">
${hreflangLinks(data.site.url, pageUrl)}<meta property="og:site_name" content="${siteTitle}">
<meta property="og:locale" content="${lang === "ko" ? "ko_KR" : "en_GB"}">
<meta property="og:title" content="${data.title ?? siteTitle}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${data.site.url}${data.page.url}">
<meta property="og:type" content="${data.ogType ?? "website"}">
${
  data.shareImage
    ? html`<meta property="og:image" content="${data.site.url}${data.shareImage}">
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="630">
<meta property="og:image:alt" content="${fill(t.cardAlt, { title: data.title ?? "" })}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:image" content="${data.site.url}${data.shareImage}">
`
    : html`<meta name="twitter:card" content="summary">
`
}<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="alternate" type="application/atom+xml" href="${localePath(lang, "/feed.xml")}" title="${t.feedTitle}">
<link rel="preload" href="${assetsFor(lang).fontPreload}" as="font" type="font/woff2" crossorigin>
<link rel="stylesheet" href="${assetsFor(lang).css}">
${(data.styles ?? []).map((href) => html`<link rel="stylesheet" href="${href}">\n`)}
<script type="module" src="${assetsFor(lang).main}"></script>
${extra.map((src) => html`<script type="module" src="${src}"></script>\n`)}${extraHead}</head>`;
}

export function render(data: Data): string {
  // A page with `permalink: false` is rendered (for collections) with url false.
  const url = typeof data.page.url === "string" ? data.page.url : "";
  const lang = data.lang ?? DEFAULT_LANG;
  const t = SITE_STRINGS[lang];
  const home = localePath(lang, "/");
  const nav = [
    { href: home, label: t.navStories },
    { href: localePath(lang, "/districts/"), label: t.navDistricts },
    { href: localePath(lang, "/data/"), label: t.navData },
    { href: localePath(lang, "/search/"), label: t.navSearch },
    { href: localePath(lang, "/about/"), label: t.navAbout },
  ];
  const current = (href: string) => (href === home ? url === home || url.startsWith(localePath(lang, "/stories/")) : url.startsWith(href));
  const other = LANGS.find((l) => l !== lang)!;
  return html`<!doctype html>
<html lang="${lang}">
${head({ ...data, styles: featureStyles(data.content, data.siteFigures?.featuresOf(data.content)) })}
<body>
<a class="skip-link" href="#main">${t.skip}</a>
<header class="site-header">
<a class="site-title" href="${home}">${t.title} <span lang="${other}">${SITE_STRINGS[other].title}</span></a>
<nav class="site-nav" aria-label="${t.navLabel}"><ul>${nav.map((n) => html`<li><a href="${n.href}"${current(n.href) ? html` aria-current="page"` : ""}>${n.label}</a></li>`)}</ul></nav>
${languageSwitch(lang, url)}
</header>
<main id="main"${data.searchable === false ? "" : raw(" data-pagefind-body")}>
${raw(data.content)}
</main>
<footer class="site-footer">
<p><a href="${localePath(lang, "/about/")}">${t.footerAbout}</a> · <a href="${localePath(lang, "/corrections/")}">${t.footerCorrections}</a> · <a href="${localePath(lang, "/feed.xml")}">${t.footerFeed}</a></p>
<p>${t.footerBoundaries}: <a href="https://github.com/southkorea/seoul-maps" rel="noopener">southkorea/seoul-maps</a> (${t.footerBoundariesOrigin}, Apache-2.0). ${t.footerPopulation}: ${raw(fill(t.footerPopulationCredit, { census2010: CENSUS_2010_LINK, census2015: CENSUS_2015_LINK }))}. ${t.footerTypeface}: Pretendard (SIL OFL 1.1).</p>
</footer>
</body>
</html>
`.value;
}
