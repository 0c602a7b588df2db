/**
 * One source of the bibliography (data/sources.yaml) as readers see it: publisher, title
 * linked to the source, date, kind, language and licence, and its id. The about page lists
 * every source this way; each dataset page lists its own.
 */
import { dateLabel } from "../../scripts/lib/date-label.ts";
import { type Source, sourceText } from "../figures/datasets.ts";
import { html, isSafeHref, type SafeHtml } from "../lib/html.ts";
import { ABOUT_STRINGS } from "../lib/i18n/about.ts";
import { FIGURE_STRINGS } from "../lib/i18n/figures.ts";
import type { Lang } from "../lib/i18n/index.ts";

type SourceType = "OFF" | "NEWS" | "REPO" | "CODE" | "WIKI" | "STUDY";

/** `<li id="source-<id>">…</li>`. */
export function sourceEntry(s: Source, lang: Lang): SafeHtml {
  const t = ABOUT_STRINGS[lang];
  const type = (t as Record<string, string>)[`type${s.type as SourceType}`] ?? s.type;
  const { publisher, title, licence } = sourceText(s, lang);
  const date = s.published === "n.d." ? FIGURE_STRINGS[lang].noDate : (dateLabel(s.published, lang) ?? s.published);
  return html`<li id="source-${s.id}"><strong>${publisher}</strong>, ${s.url && isSafeHref(s.url) ? html`<a href="${s.url}" rel="noopener">${title}</a>` : title} (${date}). <span class="note">${type}; ${t.language}: ${s.language === "ko" ? t.languageKo : t.languageEn}; ${t.licence}: ${licence}.${s.notes && lang !== "ko" ? ` ${s.notes}` : ""}</span> <code>${s.id}</code></li>\n`;
}
