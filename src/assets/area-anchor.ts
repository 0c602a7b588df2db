/**
 * A link to one area of a map — `/districts/gwanak-gu/#dong-1121058`, from the
 * neighbourhood finder or from a dong on a map — lands on that area: it is highlighted on
 * the map that has it (the mark whose link ends in the anchor), the map comes into view,
 * and its row in the data table is marked (CSS `:target`) and shown. Without JavaScript the
 * anchor still leads to the row.
 */
export function followAreaAnchor(): void {
  const show = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const row = id ? document.getElementById(id) : null;
    if (!(row instanceof HTMLTableRowElement)) return;
    const figure = row.closest<HTMLElement>("figure[data-figure]");
    const svg = figure?.querySelector<SVGSVGElement>(".figure__graphic svg.chart");
    if (!figure || !svg) return;
    const details = row.closest("details");
    if (details) details.open = true;
    for (const m of svg.querySelectorAll(".mark.is-highlighted")) m.classList.remove("is-highlighted");
    const mark = [...svg.querySelectorAll<SVGElement>(".mark[data-href]")].find((m) => m.dataset.href!.endsWith(`#${id}`));
    svg.classList.toggle("has-highlight", !!mark);
    mark?.classList.add("is-highlighted");
    figure.scrollIntoView({ block: "start" });
  };
  addEventListener("hashchange", show);
  show();
}
