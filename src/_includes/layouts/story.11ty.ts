import { type Correction, correctionsOf } from "../../_data/corrections.ts";
import { keepUnits } from "../../lib/format.ts";
import { html, raw } from "../../lib/html.ts";
import { DEFAULT_LANG, fill, type Lang } from "../../lib/i18n/index.ts";
import { STORY_STRINGS } from "../../lib/i18n/site.ts";
import { correctionText } from "../../site/correction-pages.ts";
import { basePath, localePath } from "../../site/editions.ts";
import { publishedDate } from "../../site/published-date.ts";

export const data = { layout: "layouts/base.11ty.ts" };

interface Data {
  content: string;
  title: string;
  dek?: string;
  kicker?: string;
  byline?: string;
  lang?: Lang;
  page: { date: Date; url: string };
  corrections?: Correction[];
}

export function render(d: Data): string {
  const lang = d.lang ?? DEFAULT_LANG;
  const t = STORY_STRINGS[lang];
  const date = d.page.date;
  const iso = date.toISOString().slice(0, 10);
  const shown = publishedDate(date, lang);
  // Corrections name the English page; a translation shows those of its original.
  const list = correctionsOf(d.corrections ?? [], basePath(d.page.url), lang);
  return html`<article class="story">
<header class="story-head">
${d.kicker ? html`<p class="kicker">${d.kicker}</p>` : ""}
<h1>${keepUnits(d.title)}</h1>
${d.dek ? html`<p class="dek">${keepUnits(d.dek)}</p>` : ""}
<p class="byline">${d.byline ? html`${fill(t.by, { byline: d.byline })} · ` : ""}<time datetime="${iso}">${shown}</time></p>
</header>
${raw(d.content)}
${correctionsFoot(list, lang)}</article>`.value;
}

/** The foot of a corrected story: each correction, dated, linked to its entry on the corrections page. */
function correctionsFoot(list: Correction[], lang: Lang) {
  if (!list.length) return "";
  const t = STORY_STRINGS[lang];
  return html`<aside class="story-corrections" aria-labelledby="corrections-head">
<h2 id="corrections-head">${t.corrections}</h2>
<ul>${list.map((c) => {
    const text = correctionText(c, lang);
    const when = html`<time datetime="${c.date}">${publishedDate(new Date(c.date), lang)}</time>`.value;
    return html`<li><p><a href="${localePath(lang, "/corrections/")}#${c.id}">${raw(fill(t.correctedOn, { date: when }))}</a>: ${text.wrong}</p><p>${t.now} ${text.now}</p></li>`;
  })}</ul>
</aside>
`;
}
