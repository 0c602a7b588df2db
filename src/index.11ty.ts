import { html } from "./lib/html.ts";

export const data = { layout: "layouts/base.11ty.ts" };

interface Story {
  url: string;
  date: Date;
  data: { title: string; dek?: string };
}

export function render(d: { collections: { story?: Story[] }; site: { title: string; description: string } }): string {
  const stories = [...(d.collections.story ?? [])].sort((a, b) => b.date.getTime() - a.date.getTime() || a.url.localeCompare(b.url));
  return html`<header class="story-head"><h1>${d.site.title}</h1><p class="dek">${d.site.description}</p></header>
<h2>Latest stories</h2>
<ul class="story-list">${stories.map((s) => html`<li><h2><a href="${s.url}">${s.data.title}</a></h2>${s.data.dek ? html`<p>${s.data.dek}</p>` : ""}</li>`)}</ul>`
    .value;
}
