import { html } from "./lib/html.ts";
import type { Lang } from "./lib/i18n/index.ts";
import { NOT_FOUND_STRINGS } from "./lib/i18n/site.ts";
import { localePath } from "./site/editions.ts";

export const data = {
  layout: "layouts/base.11ty.ts",
  permalink: (d: { lang: Lang }) => localePath(d.lang, "/404.html"),
  eleventyExcludeFromCollections: true,
  searchable: false,
  eleventyComputed: { title: (d: { lang: Lang }) => NOT_FOUND_STRINGS[d.lang].title },
};

export function render(d: { lang: Lang }): string {
  const t = NOT_FOUND_STRINGS[d.lang];
  return html`<header class="page-head"><h1>${t.title}</h1>
<p class="dek">${t.dek}</p></header>
<ul>
<li><a href="${localePath(d.lang, "/")}">${t.latest}</a></li>
<li><a href="${localePath(d.lang, "/districts/")}">${t.districts}</a></li>
<li><a href="${localePath(d.lang, "/search/")}">${t.search}</a></li>
</ul>`.value;
}
