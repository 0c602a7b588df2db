import { html, raw } from "../../lib/html.ts";
import { publishedDate } from "../../site/published-date.ts";

export const data = { layout: "layouts/base.11ty.ts" };

interface Data {
  content: string;
  title: string;
  dek?: string;
  kicker?: string;
  byline?: string;
  page: { date: Date };
}

export function render(d: Data): string {
  const date = d.page.date;
  const iso = date.toISOString().slice(0, 10);
  const shown = publishedDate(date);
  return html`<article class="story">
<header class="story-head">
${d.kicker ? html`<p class="kicker">${d.kicker}</p>` : ""}
<h1>${d.title}</h1>
${d.dek ? html`<p class="dek">${d.dek}</p>` : ""}
<p class="byline">${d.byline ? html`By ${d.byline} · ` : ""}<time datetime="${iso}">${shown}</time></p>
</header>
${raw(d.content)}
</article>`.value;
}
