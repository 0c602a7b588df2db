/**
 * "Find your neighbourhood" in the browser: loaded, with the list of places, the first time
 * the reader focuses the box (never before). An ARIA 1.2 combobox: the input owns a listbox
 * of results (`aria-controls`, `aria-expanded`), the option under the arrow keys is the
 * input's `aria-activedescendant`; typing filters (src/lib/place-search.ts), ↓ and ↑ move,
 * Enter chooses (the first result when none is active), Escape closes the list and then
 * clears the box; a click or tap chooses too. The district of the active result is
 * highlighted on the page (the home page's map, the districts index's table: elements with
 * `data-district`); choosing leads to the district's page, at the dong for a dong. A live
 * region says how many places were found, or that none was.
 */

import { FIND_STRINGS } from "../lib/i18n/find.ts";
import { fill, type Lang } from "../lib/i18n/index.ts";
import { findPlaces, type Place } from "../lib/place-search.ts";

export async function enhanceFind(form: HTMLElement): Promise<void> {
  const input = form.querySelector<HTMLInputElement>('[role="combobox"]');
  const list = form.querySelector<HTMLUListElement>('[role="listbox"]');
  const status = form.querySelector<HTMLElement>('[role="status"]');
  if (!input || !list || !status) return;
  const lang: Lang = form.dataset.lang === "ko" ? "ko" : "en";
  const t = FIND_STRINGS[lang];
  status.textContent = t.loading;
  let places: Place[];
  try {
    const response = await fetch(form.dataset.places!);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    places = (await response.json()) as Place[];
  } catch (error) {
    status.textContent = t.failed;
    console.warn("find: the list of places did not load", error);
    return;
  }
  status.textContent = "";

  let results: Place[] = [];
  let active = -1;

  /** The page's elements of the active result's district stand out. */
  const markDistrict = (slug: string | undefined) => {
    for (const el of document.querySelectorAll<HTMLElement>("[data-district]"))
      el.classList.toggle("is-found", el.dataset.district === slug);
  };
  const setActive = (i: number) => {
    active = i;
    for (const [j, li] of [...list.children].entries()) li.setAttribute("aria-selected", String(j === i));
    if (i >= 0) {
      input.setAttribute("aria-activedescendant", `find-option-${i}`);
      list.children[i]?.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
    markDistrict(results[i]?.gu);
  };
  const open = (yes: boolean) => {
    list.hidden = !yes;
    input.setAttribute("aria-expanded", String(yes));
  };
  const choose = (place: Place | undefined) => {
    if (!place) return;
    markDistrict(place.gu);
    open(false);
    // The list's addresses are the English edition's; a Korean page leads to the Korean district page.
    location.assign(lang === "ko" ? `/ko${place.href}` : place.href);
  };

  const update = () => {
    const q = input.value.trim();
    results = q ? findPlaces(places, q) : [];
    list.replaceChildren(
      ...results.map((p, i) => {
        const li = document.createElement("li");
        li.id = `find-option-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        const names = document.createElement("span");
        names.className = "find__name";
        const ko = document.createElement("span");
        ko.lang = "ko";
        ko.textContent = p.ko;
        names.append(lang === "ko" ? p.ko : p.en, " ", lang === "ko" ? p.en : ko);
        const where = document.createElement("span");
        where.className = "find__where";
        where.textContent = p.t === "gu" ? t.district : fill(t.dongIn, { gu: (lang === "ko" ? p.guKo : p.guEn) ?? "" });
        li.append(names, where);
        // mousedown: choose before the input's blur closes the list.
        li.addEventListener("mousedown", (e) => e.preventDefault());
        li.addEventListener("click", () => choose(p));
        li.addEventListener("pointerenter", () => setActive(i));
        return li;
      }),
    );
    setActive(-1);
    open(results.length > 0);
    status.textContent = !q
      ? ""
      : results.length === 0
        ? fill(t.none, { q })
        : results.length === 1
          ? t.foundOne
          : fill(t.found, { n: results.length });
  };

  input.addEventListener("input", update);
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (list.hidden && results.length) open(true);
      if (!results.length) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive(active < 0 ? (step > 0 ? 0 : results.length - 1) : (active + step + results.length) % results.length);
    } else if (e.key === "Enter") {
      e.preventDefault();
      choose(results[Math.max(active, 0)]);
    } else if (e.key === "Escape") {
      if (!list.hidden) {
        open(false);
        setActive(-1);
      } else {
        input.value = "";
        update();
      }
    }
  });
  input.addEventListener("blur", () => open(false));
  input.addEventListener("focus", () => open(results.length > 0));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    choose(results[Math.max(active, 0)]);
  });
  // What was typed while the list loaded.
  if (input.value) update();
}
