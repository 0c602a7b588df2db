/** /corrections/: corrections and data revisions, from data/corrections.yaml. */
import type { Correction } from "./_data/corrections.ts";
import { html } from "./lib/html.ts";
import { publishedDate } from "./site/published-date.ts";

export const data = {
  layout: "layouts/base.11ty.ts",
  title: "Corrections and data revisions",
  dek: "Every correction of a story and every revision of a dataset, newest first.",
  permalink: "/corrections/",
  searchable: false,
};

export function render(d: { corrections: Correction[]; title: string; dek: string }): string {
  return html`<header class="page-head"><h1>${d.title}</h1><p class="dek">${d.dek}</p></header>
${
  d.corrections.length
    ? html`<ol class="corrections">${d.corrections.map(
        (c) =>
          html`<li id="${c.id}"><p class="meta"><time datetime="${c.date}">${publishedDate(new Date(c.date))}</time> · ${c.type === "correction" ? "Correction" : "Data revision"}${c.page ? html` · <a href="${c.page}">${c.page}</a>` : ""}${c.dataset ? html` · dataset <a href="/data/${c.dataset}/#revisions"><code>${c.dataset}</code></a>` : ""}</p><p><strong>What was wrong:</strong> ${c.wrong}</p><p><strong>What it says now:</strong> ${c.now}</p></li>\n`,
      )}</ol>`
    : html`<p>No corrections or data revisions have been published yet.</p>`
}
`.value;
}
