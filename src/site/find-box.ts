/**
 * The "Find your neighbourhood" box (an ARIA 1.2 combobox), on the home page and the
 * districts index. The page carries only the box; the list of places (/find/places.json)
 * and the code (src/assets/find.ts) load when the reader focuses it. Without JavaScript the
 * box is not shown (CSS `scripting: none`): the map and the list of districts remain.
 */
import { html, type SafeHtml } from "../lib/html.ts";
import { FIND_STRINGS } from "../lib/i18n/find.ts";
import { DEFAULT_LANG, type Lang } from "../lib/i18n/index.ts";
import { PLACES_URL } from "./places.ts";

export function findBox(lang: Lang = DEFAULT_LANG): SafeHtml {
  const t = FIND_STRINGS[lang];
  return html`<form class="find" role="search" data-find data-places="${PLACES_URL}" data-lang="${lang}">
<label class="find__label" for="find-input">${t.label}</label>
<p class="find__hint" id="find-hint">${t.hint}</p>
<input id="find-input" class="find__input" type="text" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="find-list" aria-describedby="find-hint" autocomplete="off" autocapitalize="off" spellcheck="false">
<ul id="find-list" class="find__list" role="listbox" aria-label="${t.list}" hidden></ul>
<p class="find__status" role="status"></p>
</form>`;
}
