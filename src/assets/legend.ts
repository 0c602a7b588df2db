/**
 * A map's legend as a filter: hovering or focusing a class (a range of values, a category)
 * highlights the marks of that class on the SVG and dims the others; a click or tap keeps
 * the highlight until the next one. Legend items and marks share `data-class` (written by
 * the build). Each item becomes a toggle button, and a live region says which areas are
 * highlighted, so the highlight reaches screen readers too.
 */
import { fill } from "../lib/i18n/index.ts";
import { MAP_STRINGS, pageLang } from "../lib/i18n/maps.ts";

/** The legend of a figure (not a scrollytelling step's snapshot), and its graphic. */
export function figureLegend(figure: HTMLElement): { legend: HTMLElement; graphic: HTMLElement } | undefined {
  const graphic = figure.querySelector<HTMLElement>(".figure__graphic");
  const legend = graphic?.parentElement?.querySelector<HTMLElement>(":scope > .legend");
  return graphic && legend ? { legend, graphic } : undefined;
}

export function enhanceLegend(legend: HTMLElement, graphic: HTMLElement): void {
  const items = [...legend.querySelectorAll<HTMLElement>("[data-class]")];
  if (!items.length || !graphic.querySelector(".mark[data-class]")) return;
  const t = MAP_STRINGS[pageLang()];
  const live = document.createElement("p");
  live.className = "visually-hidden";
  live.setAttribute("aria-live", "polite");
  legend.append(live);

  let pinned: string | null = null;
  const buttons = items.map((item) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "legend__toggle";
    button.dataset.class = item.dataset.class;
    button.setAttribute("aria-pressed", "false");
    button.append(...item.childNodes);
    item.append(button);
    return button;
  });

  /** Highlight the marks of one class (null: none). The SVG is looked up each time: charts may be redrawn. */
  const highlight = (cls: string | null, announce: boolean) => {
    const svg = graphic.querySelector("svg.chart");
    if (!svg) return;
    const marks = [...svg.querySelectorAll<SVGElement>(".mark[data-class]")];
    svg.classList.toggle("is-filtering", cls !== null);
    const lit = marks.filter((m) => {
      const on = m.dataset.class === cls;
      m.classList.toggle("is-lit", on);
      return on;
    });
    for (const b of buttons) b.classList.toggle("is-active", b.dataset.class === cls);
    if (!announce) return;
    const label = buttons.find((b) => b.dataset.class === cls)?.textContent?.trim() ?? "";
    live.textContent =
      cls === null
        ? ""
        : lit.length
          ? fill(t.legendLive, {
              label,
              count: lit.length,
              total: marks.length,
              names: lit.map((m) => m.dataset.name ?? "").join(", "),
            })
          : fill(t.legendNone, { label });
  };
  const rest = () => highlight(pinned, false);

  for (const b of buttons) {
    b.addEventListener("pointerenter", (e) => {
      if (e.pointerType !== "touch") highlight(b.dataset.class!, false);
    });
    b.addEventListener("pointerleave", (e) => {
      if (e.pointerType !== "touch") rest();
    });
    b.addEventListener("focus", () => highlight(b.dataset.class!, true));
    b.addEventListener("blur", rest);
    b.addEventListener("click", () => {
      pinned = pinned === b.dataset.class ? null : b.dataset.class!;
      for (const other of buttons) other.setAttribute("aria-pressed", String(other.dataset.class === pinned));
      highlight(pinned ?? b.dataset.class!, true);
      if (pinned === null) highlight(null, false);
    });
  }
}
