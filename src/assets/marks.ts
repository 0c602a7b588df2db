/**
 * A figure's marks (a map's areas and points, a chart's bars and dots) come from the build
 * with their name and value (`data-name`, `data-value`) but without a tab stop, role or label:
 * without JavaScript the figure's data table (and a chart's own text) is what a screen reader
 * reads, and the page is spared a label per mark. The script gives each
 * mark its tab stop (one per figure: the first), its role (a link when it leads to a page)
 * and its label, and takes away the `aria-hidden` that kept the marks silent until then.
 */
export function readyMark(m: SVGElement, tabindex: number): void {
  m.setAttribute("tabindex", String(tabindex));
  m.setAttribute("role", m.dataset.href ? "link" : "img");
  m.setAttribute("aria-label", `${m.dataset.name ?? ""}: ${m.dataset.value ?? ""}`);
}

/** Make every mark of a drawing reachable and labelled (a chart redrawn in the browser has them already). */
export function readyMarks(svg: SVGSVGElement): void {
  const marks = [...svg.querySelectorAll<SVGElement>(".mark")];
  if (!marks.length || marks[0]!.hasAttribute("tabindex")) return;
  for (const g of svg.querySelectorAll("[aria-hidden='true'][data-marks]")) g.removeAttribute("aria-hidden");
  for (const [i, m] of marks.entries()) readyMark(m, i === 0 ? 0 : -1);
}
