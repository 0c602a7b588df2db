import { html } from "./lib/html.ts";

export const data = {
  layout: "layouts/base.11ty.ts",
  permalink: "/404.html",
  title: "Page not found",
  eleventyExcludeFromCollections: true,
  searchable: false,
};

export function render(): string {
  return html`<header class="page-head"><h1>Page not found</h1>
<p class="dek">There is no page at this address. It may have moved, or the link may be mistyped.</p></header>
<ul>
<li><a href="/">The latest stories</a></li>
<li><a href="/districts/">All 25 districts</a></li>
<li><a href="/search/">Search the atlas</a></li>
</ul>`.value;
}
