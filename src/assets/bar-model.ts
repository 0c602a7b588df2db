/**
 * A bar chart's model, read back from its build-time drawing: src/lib/charts/bar.ts writes
 * every part of it on the bars (key, name, display value, the value in `data-v`, the short
 * label in `data-label` where it is not the name, the highlight on the row), so the page
 * need not carry the model a second time as JSON.
 */
import type { BarModel } from "../lib/charts/bar.ts";

export function readBarModel(svg: SVGSVGElement, title?: string): BarModel {
  const rows = [...svg.querySelectorAll<SVGElement>("g.bar-row")].map((row) => {
    const d = row.querySelector<SVGElement>("rect.bar")?.dataset ?? {};
    return {
      key: d.key ?? "",
      name: d.name ?? "",
      label: d.label ?? d.name ?? "",
      value: d.v === undefined || d.v === "" ? null : Number(d.v),
      display: d.value ?? "",
      text: row.querySelector(".bar-value")?.textContent ?? "",
      highlighted: row.classList.contains("is-highlighted"),
    };
  });
  // Ticks and "no data" in the page's language, as the build drew them (만/억 on a Korean page).
  const korean = svg.ownerDocument.documentElement.lang.startsWith("ko");
  return { kind: "bar", title: svg.getAttribute("aria-label") || title || "", rows, ...(korean ? { lang: "ko" as const } : {}) };
}
