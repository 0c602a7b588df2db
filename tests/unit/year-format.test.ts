/**
 * Years are not quantities: a field typed `year` prints as "2005" in every place a figure
 * shows it — the data table, the tooltips, the axis and the labels — never as "2,005".
 */
import { afterAll, describe, expect, it } from "vitest";
import { cellText } from "../../src/figures/furniture.ts";
import { fixtureStore } from "../helpers/figure-fixtures.ts";
import { load } from "../helpers/figure-render.ts";

const fx = fixtureStore();
afterAll(() => fx.remove());
const YEARS = ["2005", "2014", "2015", "2016", "2017"];
/** A year written with a thousands separator, in any locale's grouping. */
const GROUPED_YEAR = /\b[12][,.\u00a0\u202f]\d{3}\b/;

describe("a year field", () => {
  it("prints without a separator in a table cell", () => {
    expect(cellText({ name: "year", type: "year", label: "Year" }, 2005)).toBe("2005");
    // A count of the same size keeps its separator: the rule is the field's type, not the value.
    expect(cellText({ name: "n", type: "integer", label: "Count" }, 2005)).toBe("2,005");
  });

  const line = load(fx.store, "kind: line\ndataset: years\nx: year\ny: total\ntitle: T");

  it("prints as a year in a line chart's table, tooltips and axis", () => {
    expect(
      line("table tbody th")
        .map((_, el) => line(el).text())
        .get(),
    ).toEqual(YEARS);
    const tips = line("[data-name]")
      .map((_, el) => line(el).attr("data-name"))
      .get();
    expect(tips.length).toBeGreaterThan(0);
    for (const year of YEARS) expect(tips.some((t) => t.includes(year))).toBe(true);
    const ticks = line("text.tick:not(.tick--y)")
      .map((_, el) => line(el).text())
      .get();
    expect(ticks.length).toBeGreaterThan(0);
    for (const t of ticks) expect(t).toMatch(/^\d{4}$/);
    expect(line.html()).not.toMatch(GROUPED_YEAR);
  });

  it("prints as a year where it labels bars", () => {
    const bar = load(fx.store, "kind: bar\ndataset: years\nvalue: total\nlabel: year\nsort: none\ntitle: T");
    const text = bar("svg").text();
    for (const year of YEARS) expect(text).toContain(year);
    expect(bar.html()).not.toMatch(GROUPED_YEAR);
  });
});
