/**
 * The chart renderers shared by the build and the browser: at any width from a phone to a
 * wide screen, the chart is drawn at that width and no text runs off its edge; dates keep
 * the precision the data gives.
 */

import * as cheerio from "cheerio";
import { afterAll, describe, expect, it } from "vitest";
import { DatasetStore } from "../../src/figures/datasets.ts";
import { renderFigure } from "../../src/figures/render.ts";
import { spreadLabels } from "../../src/lib/charts/line.ts";
import { type ChartModel, renderChart } from "../../src/lib/charts/render.ts";
import { datePosition, formatPartialDate, parsePartialDate } from "../../src/lib/dates.ts";
import { toMarkup } from "../../src/lib/svg.ts";
import { textWidth, wrapText } from "../../src/lib/text-fit.ts";
import { chartModelOf } from "../helpers/chart-model.ts";
import { fixtureStore } from "../helpers/figure-fixtures.ts";
import { load, STORY } from "../helpers/figure-render.ts";
import { GENERATED } from "../helpers/paths.ts";

const fx = fixtureStore();
afterAll(() => fx.remove());

const CHARTS: Record<string, string> = {
  bar: "kind: bar\ndataset: areas\nvalue: change\ntitle: Bars",
  line: "kind: line\ndataset: series\nx: year\ny: total\nseries: status\ntarget:\n  dataset: targets\n  x: year\n  y: value\n  label: Targets for 2030, 2040 and 2050\nannotations:\n  - x: 2005\n    text: Base year of the targets, as the city counts them\n  - x: 2006\n    text: A second note right next to the first\ntitle: Lines",
  timeline: "kind: timeline\ndataset: milestones\ndate: date\nstatus: status\ntitle: Timeline",
  progress:
    "kind: progress\ndataset: metrics\nvalue: value\ndate: date\nactual: {metric: firms, kind: actual}\ntarget: {metric: firms, kind: target}\ntitle: Progress",
};

const modelOf = (spec: string) => {
  const $ = load(fx.store, spec);
  return chartModelOf($.html($("[data-chart]").first())) as ChartModel;
};

/** Horizontal extent of an SVG text element, from its x, anchor and estimated width. */
function extent($: cheerio.CheerioAPI, el: cheerio.Cheerio<never>): [number, number] {
  // Font sizes as site.css sets them.
  const cls = el.attr("class") ?? "";
  const size = /progress-value/.test(cls)
    ? 26
    : /milestone-label|progress-share/.test(cls)
      ? 14
      : /tick|series-label|target-label|annotation-text|bar-value|milestone-status/.test(cls)
        ? 12
        : 13;
  const spans = el.find("tspan");
  const lines = spans.length ? spans.map((_, t) => $(t).text()).get() : [el.text()];
  const w = Math.max(...lines.map((l) => textWidth(l, size)));
  const x = Number(el.attr("x"));
  const anchor =
    el.attr("text-anchor") ??
    (el.hasClass("bar-label") || el.hasClass("tick--y") || el.hasClass("bar-value--negative")
      ? "end"
      : el.hasClass("tick")
        ? "middle"
        : "start");
  return anchor === "end" ? [x - w, x] : anchor === "middle" ? [x - w / 2, x + w / 2] : [x, x + w];
}

describe.each(Object.entries(CHARTS))("%s chart", (_kind, spec) => {
  it.each([320, 375, 640, 1000])("is drawn at %i px with every text inside the chart", (width) => {
    const markup = toMarkup(renderChart(modelOf(spec), width));
    const $ = cheerio.load(markup, { xml: true });
    expect(Number($("svg").attr("width"))).toBe(width);
    expect($("svg").attr("viewBox")).toMatch(new RegExp(`^0 0 ${width} \\d+$`));
    $("text").each((_, t) => {
      const [a, b] = extent($, $(t) as cheerio.Cheerio<never>);
      expect(a, `"${$(t).text()}" starts left of the chart at ${width} px`).toBeGreaterThanOrEqual(-2);
      expect(b, `"${$(t).text()}" ends right of the chart at ${width} px`).toBeLessThanOrEqual(width + 2);
    });
  });

  it("keeps the same marks at every width (one per data point)", () => {
    const counts = [320, 1000].map((w) => cheerio.load(toMarkup(renderChart(modelOf(spec), w)), { xml: true })(".mark").length);
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeGreaterThan(0);
  });
});

describe("text layout", () => {
  it("wraps text at spaces within the width, and cuts a word longer than a line", () => {
    const lines = wrapText("Plan completed, with resident surveys, workshops and advisory meetings", 200, 14);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 14)).toBeLessThanOrEqual(200);
    expect(lines.join(" ")).toBe("Plan completed, with resident surveys, workshops and advisory meetings");
    expect(wrapText("Supercalifragilisticexpialidocious", 60, 14).length).toBeGreaterThan(1);
  });

  it("can keep the spaces at line ends, so the lines give back the whole text (bar labels)", () => {
    const text = `<img src="x-pwned" onerror="alert('pwned')"> and a long district name`;
    const lines = wrapText(text, 90, 13, true);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join("")).toBe(text);
  });

  it("spreads end labels apart without changing their order", () => {
    expect(spreadLabels([100, 104, 300], 14, 0, 400)).toEqual([100, 114, 300]);
    expect(spreadLabels([395, 398], 14, 0, 400)).toEqual([386, 400]);
  });
});

describe("partial dates", () => {
  it("keeps the precision of the data", () => {
    expect(formatPartialDate(parsePartialDate("2023")!)).toBe("2023");
    expect(formatPartialDate(parsePartialDate("2023-03")!)).toBe("March 2023");
    expect(formatPartialDate(parsePartialDate("2023-03-15")!)).toBe("15 March 2023");
    expect(formatPartialDate(parsePartialDate(2018)!)).toBe("2018");
  });

  it("rejects what is not a date, and places dates on a year axis", () => {
    expect(parsePartialDate("2023-13")).toBeUndefined();
    expect(parsePartialDate("2023-02-30")).toBeUndefined();
    expect(parsePartialDate("March 2023")).toBeUndefined();
    expect(datePosition(parsePartialDate("2020")!)).toBe(2020);
    expect(datePosition(parsePartialDate("2021-07")!)).toBeCloseTo(2021.496, 3);
  });
});

describe("a bar chart redrawn in the browser", () => {
  it("keeps a Korean page's ticks (만), as the build drew them, not English ones (100k)", () => {
    const store = new DatasetStore(GENERATED);
    const figure = renderFigure(
      {
        body: "kind: bar\ndataset: districts\nvalue: population_2010\ntitle: Population\ntitle_ko: 인구",
        file: STORY,
        fenceLine: 10,
        pageSlug: "test",
        index: 1,
        lang: "ko",
      },
      store,
    );
    const $ = cheerio.load(figure.html.value, null, false);
    const ticks = (root: cheerio.CheerioAPI) =>
      root("svg.chart text.tick")
        .map((_, t) => root(t).text())
        .get();
    const built = ticks($);
    expect(built.some((t) => t.endsWith("만"))).toBe(true);
    const width = Number($("svg.chart").first().attr("viewBox")!.split(" ")[2]);
    const model = chartModelOf($.html($("[data-chart]").first()), "ko");
    expect(ticks(cheerio.load(toMarkup(renderChart(model, width)), { xml: true }))).toEqual(built);
  });
});

describe("a line chart's end labels", () => {
  it("tie each series' name to its line by a stroke of the line's colour, the name in the text colour", () => {
    const model = modelOf(CHARTS.line!);
    const $ = cheerio.load(toMarkup(renderChart(model, 640)), { xml: true });
    const lineColours = $(".series-line")
      .map((_, l) => $(l).attr("stroke"))
      .get();
    const labels = $(".end-labels .series-label");
    expect(labels.length).toBeGreaterThan(1);
    labels.each((_, t) => {
      const swatch = $(t).prev(".series-swatch");
      expect(swatch.length, $(t).text()).toBe(1);
      expect(lineColours).toContain(swatch.attr("stroke"));
      // The text starts after the stroke, and carries no colour of its own (the site's CSS gives the text colour).
      expect(Number($(t).attr("x"))).toBeGreaterThan(Number(swatch.attr("x2")));
      expect($(t).attr("fill")).toBeUndefined();
    });
  });
});
