/**
 * Interaction for the build-time SVG of every figure: tooltips on hover and keyboard
 * focus, one tab stop per figure with arrow keys between marks (roving tabindex), Escape
 * to close. Screen readers read each mark's aria-label when it takes focus.
 */
import { NAVIGATION_KEYS, nextIndex, type Positioned } from "./navigate.ts";
import { tooltipFor } from "./tooltip.ts";

export function enhanceChart(figure: HTMLElement): void {
  const graphic = figure.querySelector<HTMLElement>(".figure__graphic");
  const svg = graphic?.querySelector<SVGSVGElement>("svg.chart");
  if (!graphic || !svg) return;
  const marks = [...svg.querySelectorAll<SVGGraphicsElement>(".mark")];
  if (!marks.length) return;
  const tip = tooltipFor(graphic);
  const positions: Positioned[] | undefined = marks.every((m) => m.dataset.x)
    ? marks.map((m) => ({ x: Number(m.dataset.x), y: Number(m.dataset.y) }))
    : undefined;

  const anchor = (m: SVGGraphicsElement) => {
    const g = graphic.getBoundingClientRect();
    if (positions) {
      const ctm = svg.getScreenCTM();
      const pt = new DOMPoint(Number(m.dataset.x), Number(m.dataset.y)).matrixTransform(ctm ?? undefined);
      return { x: pt.x - g.left, y: pt.y - g.top };
    }
    const r = m.getBoundingClientRect();
    return { x: r.right - g.left, y: r.top - g.top };
  };
  const show = (m: SVGGraphicsElement, at?: { x: number; y: number }) => {
    const p = at ?? anchor(m);
    tip.show(m.dataset.name ?? "", m.dataset.value ?? "", p.x, p.y);
  };
  const focusMark = (i: number) => {
    for (const [j, m] of marks.entries()) m.setAttribute("tabindex", j === i ? "0" : "-1");
    marks[i]!.focus();
  };

  for (const m of marks) {
    m.addEventListener("pointermove", (e) => {
      const g = graphic.getBoundingClientRect();
      show(m, { x: e.clientX - g.left, y: e.clientY - g.top });
    });
    m.addEventListener("pointerleave", () => tip.hide());
    m.addEventListener("focus", () => show(m));
    m.addEventListener("blur", () => tip.hide());
  }
  svg.addEventListener("keydown", (e) => {
    const current = marks.indexOf(document.activeElement as SVGGraphicsElement);
    if (current < 0) return;
    if (e.key === "Escape") {
      tip.hide();
      return;
    }
    if (!NAVIGATION_KEYS.has(e.key)) return;
    e.preventDefault();
    focusMark(nextIndex(e.key, current, marks.length, positions));
  });
}
