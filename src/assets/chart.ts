/**
 * Interaction for the build-time SVG of every figure: tooltips on hover and keyboard
 * focus, one tab stop per figure with arrow keys between marks (roving tabindex), Escape
 * to close. Screen readers read each mark's aria-label when it takes focus. Listeners sit
 * on the graphic's container, so they keep working when a chart is redrawn at a new width.
 *
 * A mark with `data-href` (a district on a district map) is a link: a click or Enter opens
 * its page. On a touch screen, which has no hover, the first tap on a mark shows its
 * tooltip and a second tap acts as a click. A click this code has handled is marked with
 * preventDefault, so the map's own click (which opens the interactive map) leaves it alone.
 */
import { MAP_STRINGS, pageLang } from "../lib/i18n/maps.ts";
import { readyMarks } from "./marks.ts";
import { NAVIGATION_KEYS, nextIndex, type Positioned } from "./navigate.ts";
import { tooltipFor } from "./tooltip.ts";

type Mark = SVGGraphicsElement;

export function enhanceChart(figure: HTMLElement): void {
  const graphic = figure.querySelector<HTMLElement>(".figure__graphic");
  const drawing = graphic?.querySelector<SVGSVGElement>("svg.chart");
  if (!graphic || !drawing?.querySelector(".mark")) return;
  readyMarks(drawing);
  const tip = tooltipFor(graphic);
  const svg = () => graphic.querySelector<SVGSVGElement>("svg.chart")!;
  const marks = () => [...svg().querySelectorAll<Mark>(".mark")];
  const markOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<Mark>(".mark") : null);
  const positions = (all: Mark[]): Positioned[] | undefined =>
    all.every((m) => m.dataset.x) ? all.map((m) => ({ x: Number(m.dataset.x), y: Number(m.dataset.y) })) : undefined;

  // Where the tooltip points: the mark's anchor (maps, lines) or its top right corner (bars).
  const anchor = (m: Mark) => {
    const g = graphic.getBoundingClientRect();
    if (m.dataset.x) {
      const pt = new DOMPoint(Number(m.dataset.x), Number(m.dataset.y)).matrixTransform(svg().getScreenCTM() ?? undefined);
      return { x: pt.x - g.left, y: pt.y - g.top };
    }
    const r = m.getBoundingClientRect();
    return { x: r.right - g.left, y: r.top - g.top };
  };
  const t = MAP_STRINGS[pageLang()];
  let touch = false;
  // A link to this very page (a dong on its district's page) leads to its row in the table.
  const hint = (href: string) => (touch ? t.tapHint : new URL(href, location.href).pathname === location.pathname ? t.rowHint : t.linkHint);
  const show = (m: Mark, at = anchor(m)) =>
    tip.show(m.dataset.name ?? "", m.dataset.value ?? "", at.x, at.y, m.dataset.href ? hint(m.dataset.href) : undefined);

  // The mark the last touch showed, so that a second tap on it acts.
  let tapped: Mark | null = null;
  let armed = true;
  graphic.addEventListener("pointerdown", (e) => {
    touch = e.pointerType === "touch";
    const m = markOf(e.target);
    armed = !touch || (m !== null && m === tapped);
    tapped = touch ? m : null;
    if (touch && m && !armed) {
      const g = graphic.getBoundingClientRect();
      show(m, { x: e.clientX - g.left, y: e.clientY - g.top });
    }
  });
  graphic.addEventListener("click", (e) => {
    const m = markOf(e.target);
    if (!m) return;
    if (!armed) {
      e.preventDefault();
      return;
    }
    if (m.dataset.href) {
      e.preventDefault();
      location.assign(m.dataset.href);
    }
  });

  graphic.addEventListener("pointermove", (e) => {
    const m = markOf(e.target);
    if (!m || e.pointerType === "touch") return;
    const g = graphic.getBoundingClientRect();
    show(m, { x: e.clientX - g.left, y: e.clientY - g.top });
  });
  graphic.addEventListener("pointerout", (e) => {
    // A finger leaves the screen after each tap: the tooltip it showed stays.
    if (e.pointerType !== "touch" && markOf(e.target) && !markOf(e.relatedTarget)) tip.hide();
  });
  graphic.addEventListener("focusin", (e) => {
    const m = markOf(e.target);
    if (m) show(m);
  });
  graphic.addEventListener("focusout", (e) => {
    if (markOf(e.target)) tip.hide();
  });
  graphic.addEventListener("keydown", (e) => {
    const all = marks();
    const current = all.indexOf(document.activeElement as Mark);
    if (current < 0) return;
    if (e.key === "Escape") {
      tip.hide();
      return;
    }
    if (e.key === "Enter" && all[current]!.dataset.href) {
      location.assign(all[current]!.dataset.href!);
      return;
    }
    if (!NAVIGATION_KEYS.has(e.key)) return;
    e.preventDefault();
    const next = nextIndex(e.key, current, all.length, positions(all));
    for (const [j, m] of all.entries()) m.setAttribute("tabindex", j === next ? "0" : "-1");
    all[next]!.focus();
  });
}
