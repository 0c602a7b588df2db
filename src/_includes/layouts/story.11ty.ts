import { type Correction, correctionsOf } from "../../_data/corrections.ts";
import { html, raw } from "../../lib/html.ts";
import { publishedDate } from "../../site/published-date.ts";

export const data = { layout: "layouts/base.11ty.ts" };

interface Data {
  content: string;
  title: string;
  dek?: string;
  kicker?: string;
  byline?: string;
  page: { date: Date; url: string };
  corrections?: Correction[];
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
${correctionsFoot(correctionsOf(d.corrections ?? [], d.page.url))}</article>`.value;
}

/** The foot of a corrected story: each correction, dated, linked to its entry on /corrections/. */
function correctionsFoot(list: Correction[]) {
  if (!list.length) return "";
  return html`<aside class="story-corrections" aria-labelledby="corrections-head">
<h2 id="corrections-head">Corrections</h2>
<ul>${list.map(
    (c) =>
      html`<li><p><a href="/corrections/#${c.id}">Corrected on <time datetime="${c.date}">${publishedDate(new Date(c.date))}</time></a>: ${c.wrong}</p><p>Now: ${c.now}</p></li>`,
  )}</ul>
</aside>
`;
}
