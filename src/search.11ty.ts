/**
 * /search/ and /ko/search/: full-text search of the built site (Pagefind index in
 * /pagefind/, works offline). Pagefind keeps one index per language, read from each page's
 * `<html lang>`, and the browser code asks for the index of its own page's language.
 */
import { html, raw } from "./lib/html.ts";
import { fill, type Lang } from "./lib/i18n/index.ts";
import { SEARCH_STRINGS } from "./lib/i18n/site.ts";
import { assetsFor } from "./site/assets-manifest.ts";
import { localePath } from "./site/editions.ts";

export const data = {
  layout: "layouts/base.11ty.ts",
  permalink: (d: { lang: Lang }) => localePath(d.lang, "/search/"),
  searchable: false,
  extraScripts: (d: { lang: Lang }) => [assetsFor(d.lang).search],
  eleventyComputed: { title: (d: { lang: Lang }) => SEARCH_STRINGS[d.lang].title },
};

export function render(d: { lang: Lang }): string {
  const t = SEARCH_STRINGS[d.lang];
  // The browser code's words, handed over as data attributes (the page has no inline script).
  const words = { searching: t.searching, results: t.results, oneResult: t.oneResult, failed: t.failed };
  return html`<header class="page-head"><h1>${t.heading}</h1></header>
<form class="search-form" role="search" action="${localePath(d.lang, "/search/")}" method="get" data-search data-strings="${JSON.stringify(words)}">
<label for="search-q">${t.label}</label>
<div class="search-row"><input id="search-q" name="q" type="search" autocomplete="off" spellcheck="false"><button type="submit">${t.button}</button></div>
</form>
<p class="search-status" role="status" aria-live="polite" data-search-status></p>
<ol class="search-results" data-search-results></ol>
<noscript><p>${raw(
    fill(t.noscript, {
      stories: html`<a href="${localePath(d.lang, "/")}">${t.stories}</a>`.value,
      districts: html`<a href="${localePath(d.lang, "/districts/")}">${t.districts}</a>`.value,
    }),
  )}</p></noscript>`.value;
}
