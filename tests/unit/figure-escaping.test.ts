/**
 * Labels, categories, units and sources that contain markup (`<img onerror>`, quotes,
 * `</script>`) render inert in every kind's SVG, legend, table, tooltip data and embed
 * HTML: parsed as a browser would, no element or attribute was injected, and the text
 * comes out exactly as the data has it.
 */

import * as cheerio from "cheerio";
import { afterAll, describe, expect, it } from "vitest";
import { chartModelOf } from "../helpers/chart-model.ts";
import { fixtureStore, HOSTILE } from "../helpers/figure-fixtures.ts";
import { render } from "../helpers/figure-render.ts";

const fx = fixtureStore();
afterAll(() => fx.remove());

const SPECS: Record<string, string> = {
  choropleth: "kind: choropleth\ndataset: hostile\nvalue: value\ntitle: Hostile map",
  points: "kind: points\ndataset: hostile-points\nbasemap: hostile\ncategory: status\nhighlight: A1\ntitle: Hostile points",
  bar: "kind: bar\ndataset: hostile-table\nvalue: value\nhighlight: [h1]\ntitle: Hostile bars",
  line: "kind: line\ndataset: hostile-table\nx: date\ny: value\nseries: status\ntarget:\n  x: date\n  y: value\n  where: {kind: target}\n  label: Target\nannotations:\n  - x: 2021\n    text: Note\ntitle: Hostile line",
  timeline: "kind: timeline\ndataset: hostile-table\ndate: date\nstatus: status\ntitle: Hostile timeline",
  progress:
    "kind: progress\ndataset: hostile-table\nvalue: value\ndate: date\nactual: {kind: actual}\ntarget: {kind: target}\ntitle: Hostile progress",
};

/** Elements and attributes a browser would build from the markup: only ours may be there. */
function assertInert(markup: string): cheerio.CheerioAPI {
  const $ = cheerio.load(markup, null, false);
  expect($("img, script, b, iframe, object")).toHaveLength(0);
  $("*").each((_, el) => {
    for (const name of Object.keys((el as unknown as { attribs: Record<string, string> }).attribs)) {
      expect(name, `attribute on <${(el as unknown as { name: string }).name}>`).not.toMatch(/^on|^src$/);
    }
  });
  return $;
}

describe.each(Object.entries(SPECS))("%s with hostile labels", (kind, spec) => {
  const figure = render(fx.store, spec);

  it("injects no element or attribute in the page's figure or in its embed", () => {
    assertInert(figure.html.value);
    assertInert(figure.embedHtml.value);
  });

  it("keeps the hostile text as text in the table, the source line and the marks' tooltip data", () => {
    const $ = assertInert(figure.html.value);
    const cells = $("details td, details th")
      .map((_, c) => $(c).text())
      .get();
    expect(cells.some((c) => c.includes(HOSTILE))).toBe(true);
    expect($(".figure__source").text()).toContain(HOSTILE);
    const names = $(".mark")
      .map((_, m) => `${$(m).attr("data-name")} ${$(m).attr("data-value")} ${$(m).attr("aria-label")}`)
      .get()
      .join(" ");
    expect(names).toContain(HOSTILE);
    expect(kind).toBeTruthy();
  });

  it("hands the browser its data as JSON that round-trips to the same text", () => {
    const $ = assertInert(figure.html.value);
    // A chart's model is in the page (for bars, in the drawing itself); a map's configuration is a file of its own.
    const holder = $("[data-chart]");
    const json = holder.length ? JSON.stringify(chartModelOf($.html(holder.first()))) : JSON.stringify(figure.map);
    expect(JSON.stringify(JSON.parse(json))).toContain(JSON.stringify(HOSTILE).slice(1, -1));
  });
});
