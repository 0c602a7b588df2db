/** /search/: full-text search of the built site (Pagefind index in /pagefind/, works offline). */
import { html } from "./lib/html.ts";
import { assetUrl } from "./site/assets-manifest.ts";

export const data = {
  layout: "layouts/base.11ty.ts",
  title: "Search",
  permalink: "/search/",
  searchable: false,
  extraScripts: () => [assetUrl("search.js")],
};

export function render(): string {
  return html`<header class="page-head"><h1>Search the atlas</h1></header>
<form class="search-form" role="search" action="/search/" method="get" data-search>
<label for="search-q">Search stories and districts</label>
<div class="search-row"><input id="search-q" name="q" type="search" autocomplete="off" spellcheck="false"><button type="submit">Search</button></div>
</form>
<p class="search-status" role="status" aria-live="polite" data-search-status></p>
<ol class="search-results" data-search-results></ol>
<noscript><p>Search needs JavaScript. Without it, browse <a href="/">the stories</a> or <a href="/districts/">the districts</a>.</p></noscript>`
    .value;
}
