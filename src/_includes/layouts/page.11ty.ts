/** A plain page (not a story): a headline, an optional standfirst, the content. */
import { html, raw } from "../../lib/html.ts";

export const data = { layout: "layouts/base.11ty.ts" };

interface Data {
  content: string;
  title: string;
  dek?: string;
}

export function render(d: Data): string {
  return html`<article class="page">
<header class="story-head">
<h1>${d.title}</h1>
${d.dek ? html`<p class="dek">${d.dek}</p>` : ""}
</header>
${raw(d.content)}
</article>`.value;
}
