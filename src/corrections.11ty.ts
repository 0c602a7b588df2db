/** /corrections/ and /ko/corrections/: corrections and data revisions, from data/corrections.yaml. */
import type { Correction } from "./_data/corrections.ts";
import { html } from "./lib/html.ts";
import type { Lang } from "./lib/i18n/index.ts";
import { CORRECTIONS_STRINGS } from "./lib/i18n/site.ts";
import { correctionText } from "./site/correction-pages.ts";
import { basePath, hasPage, langOfUrl, localePath } from "./site/editions.ts";
import { publishedDate } from "./site/published-date.ts";
import type { PageData } from "./site/types.ts";

export const data = {
  layout: "layouts/base.11ty.ts",
  permalink: (d: { lang: Lang }) => localePath(d.lang, "/corrections/"),
  searchable: false,
  eleventyComputed: {
    title: (d: { lang: Lang }) => CORRECTIONS_STRINGS[d.lang].title,
    dek: (d: { lang: Lang }) => CORRECTIONS_STRINGS[d.lang].dek,
  },
};

/** The corrected page in the edition `lang` (the reader's, or the one whose text was wrong) where that edition has it. */
function pageIn(lang: Lang, page: string): string {
  const local = localePath(lang, page);
  return hasPage(local) ? local : page;
}

export function render(d: {
  corrections: Correction[];
  title: string;
  dek: string;
  lang: Lang;
  collections?: PageData["collections"];
}): string {
  const t = CORRECTIONS_STRINGS[d.lang];
  // A corrected story is named by its headline in the reader's edition (the link may lead to
  // the other edition's page, where the error was: hreflang says so); another page by its address.
  const titles = new Map((d.collections?.story ?? []).map((s) => [s.url, String(s.data.title)]));
  const pageLink = (page: string) => {
    const target = langOfUrl(page);
    const hreflang = target === d.lang ? "" : html` hreflang="${target}"`;
    const own = titles.get(localePath(d.lang, basePath(page)));
    // A Korean-only story's headline would make the English log load the Hangul fonts: its address instead.
    const title = own ?? (d.lang === "ko" ? titles.get(page) : undefined);
    if (title === undefined) return html`<a href="${page}">${page}</a>`;
    return html`<a href="${page}"${hreflang}${own === undefined ? html` lang="${target}"` : ""}>${title}</a>`;
  };
  return html`<header class="page-head"><h1>${d.title}</h1><p class="dek">${d.dek}</p></header>
${
  d.corrections.length
    ? html`<ol class="corrections">${d.corrections.map((c) => {
        const text = correctionText(c, d.lang);
        // An error of one edition links to that edition's page, where it was.
        const page = c.page ? pageIn(c.edition ?? d.lang, c.page) : undefined;
        return html`<li id="${c.id}"><p class="meta"><time datetime="${c.date}">${publishedDate(new Date(c.date), d.lang)}</time> · ${c.type === "correction" ? t.correction : t.revision}${c.edition ? html` · ${c.edition === "en" ? t.editionEn : t.editionKo}` : ""}${page ? html` · ${pageLink(page)}` : ""}${c.dataset ? html` · ${t.dataset} <a href="${localePath(d.lang, `/data/${c.dataset}/`)}#revisions"><code>${c.dataset}</code></a>` : ""}</p><p><strong>${t.wrong}</strong> ${text.wrong}</p><p><strong>${t.now}</strong> ${text.now}</p></li>\n`;
      })}</ol>`
    : html`<p>${t.none}</p>`
}
`.value;
}
