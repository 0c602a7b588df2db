/**
 * Each figure kind, rendered from a spec against the fixture datasets: the SVG has one
 * mark per drawable row, the legend shows the classes of the scale, missing values are
 * shown as missing.
 */
import { afterAll, describe, expect, it } from "vitest";
import { DatasetStore } from "../../src/figures/datasets.ts";
import type { LineModel } from "../../src/lib/charts/line.ts";
import type { ProgressModel } from "../../src/lib/charts/progress.ts";
import { categoryColors, classify, colorFor, legendClasses } from "../../src/lib/classify.ts";
import type { ChoroplethMapConfig, PointsMapConfig } from "../../src/lib/map-style.ts";
import { fixtureStore } from "../helpers/figure-fixtures.ts";
import { load } from "../helpers/figure-render.ts";
import { GENERATED } from "../helpers/paths.ts";

const fx = fixtureStore();
afterAll(() => fx.remove());
const VALUES = [100, 250, 400, 800, 1600, null];

describe("choropleth", () => {
  const spec = "kind: choropleth\ndataset: areas\nvalue: value\nmethod: equal\nclasses: 4\npalette: greens\ntitle: Residents";

  it("draws one path per area, coloured by the class of its value", () => {
    const $ = load(fx.store, spec);
    const scale = classify(VALUES, { method: "equal", classes: 4, palette: "greens" });
    const paths = $("svg path.area");
    expect(paths).toHaveLength(6);
    paths.each((_, el) => {
      const i = Number($(el).attr("data-key")!.slice(1)) - 1;
      const value = VALUES[i];
      if (value === null) expect($(el).attr("fill")).toMatch(/^url\(#.+-nodata\)$/);
      else expect($(el).attr("fill")).toBe(colorFor(scale, value));
    });
  });

  it("has a legend with the scale's classes in order, and 'no data' in a pattern unlike any class", () => {
    const $ = load(fx.store, spec);
    const scale = classify(VALUES, { method: "equal", classes: 4, palette: "greens" });
    const items = $(".legend__classes li");
    expect(items).toHaveLength(scale.colors.length + 1);
    const fills = items
      .slice(0, -1)
      .map((_, li) => $(li).find("rect").attr("fill"))
      .get();
    expect(fills).toEqual(scale.colors);
    const ranges = items
      .slice(0, -1)
      .map((_, li) => $(li).find("span").text())
      .get();
    expect(ranges).toEqual(
      legendClasses(scale).map((c, i, all) =>
        i === all.length - 1
          ? `${c.from.toLocaleString("en-GB")}–${c.to.toLocaleString("en-GB")}`
          : `${c.from.toLocaleString("en-GB")} to under ${c.to.toLocaleString("en-GB")}`,
      ),
    );
    expect(items.last().text()).toBe("No data");
    const pattern = items.last().find("pattern");
    expect(pattern).toHaveLength(1);
    expect(scale.colors).not.toContain(pattern.find("rect").attr("fill"));
    expect(pattern.find("line.nodata-hatch")).toHaveLength(1);
  });

  it("offers quantile, equal and jenks classes, each with the classes of classify()", () => {
    for (const method of ["quantile", "equal", "jenks"] as const) {
      const $ = load(fx.store, `kind: choropleth\ndataset: areas\nvalue: value\nmethod: ${method}\nclasses: 3\ntitle: T`);
      const scale = classify(VALUES, { method, classes: 3, palette: "blues" });
      const config = $.figure.map! as ChoroplethMapConfig;
      expect(config.scale.thresholds).toEqual(scale.thresholds);
    }
  });

  it("makes the midpoint of a diverging palette a class boundary, with cool and warm arms", () => {
    const $ = load(fx.store, "kind: choropleth\ndataset: areas\nvalue: change\npalette: rdbu\nclasses: 4\nmidpoint: 0\ntitle: Change");
    const config = $.figure.map! as ChoroplethMapConfig;
    expect(config.scale.thresholds).toContain(0);
    expect($(".legend__note").text()).toBe("Colours turn at 0.");
    // Negative areas take red-side colours, positive ones blue-side colours.
    const fill = (key: string) => $(`path[data-key="${key}"]`).attr("fill")!;
    const red = (hex: string) => Number.parseInt(hex.slice(1, 3), 16) > Number.parseInt(hex.slice(5, 7), 16);
    expect(red(fill("A1"))).toBe(true); // −4.5
    expect(red(fill("A5"))).toBe(false); // +3.75
  });

  it("draws only the polygons a `where` keeps (e.g. the dong of one gu)", () => {
    const $ = load(fx.store, "kind: choropleth\ndataset: areas\nvalue: value\nwhere: {group: north}\ntitle: North");
    expect($("path.area")).toHaveLength(3);
    const config = $.figure.map! as ChoroplethMapConfig;
    expect(config.keys).toEqual(["A1", "A2", "A3"]);
    // The camera starts on the areas drawn but may move over all of them (the whole city).
    const [w, s, e, n] = config.bounds;
    const [lw, ls, le, ln] = config.limits;
    expect(lw <= w && ls < s && le >= e && ln >= n).toBe(true);
  });

  it("joins a table onto polygons; polygons without a row show no data", () => {
    const $ = load(
      fx.store,
      "kind: choropleth\ndataset: area-stats\nboundaries: areas\njoin: area_code\nwhere: {year: 2018}\nvalue: total\ntitle: Joined",
    );
    expect($("path.area")).toHaveLength(6);
    expect($('path.area[fill^="url("]')).toHaveLength(3);
    expect($('path[data-key="A4"]').attr("data-value")).toBe("7.25\u00a0kt");
    const config = $.figure.map! as ChoroplethMapConfig;
    expect(config.values).toEqual({ A1: 12.5, A2: 30, A3: null, A4: 7.25, A5: null, A6: null });
    expect($("details tbody tr")).toHaveLength(6);
  });
});

describe("points", () => {
  it("draws the points that have coordinates, lists all rows and says which are not on the map", () => {
    const $ = load(fx.store, "kind: points\ndataset: sites\nbasemap: areas\ncategory: status\ntitle: Sites");
    expect($("circle.point")).toHaveLength(8);
    expect($("details tbody tr")).toHaveLength(10);
    const offMap = $("details tbody tr")
      .filter((_, tr) => $(tr).find("td").last().text().startsWith("no"))
      .map((_, tr) => $(tr).find("th").text())
      .get();
    expect(offMap).toEqual(["Future Hub", "Unknown Site"]);
    expect($(".figure__notes").text()).toContain("2 of 10 rows have no coordinates");
  });

  it("colours points by category with the category palette, and shows the categories in the legend", () => {
    const $ = load(fx.store, "kind: points\ndataset: sites\nbasemap: areas\ncategory: status\ntitle: Sites");
    const colors = categoryColors(["open", "planned"]);
    $("circle.point").each((_, el) => {
      const status = $(el).attr("data-value")!.replace("Status: ", "");
      expect($(el).attr("fill")).toBe(colors.get(status));
    });
    expect(
      $(".legend li span")
        .slice(0, 2)
        .map((_, s) => $(s).text())
        .get(),
    ).toEqual(["Open", "Planned"]);
    const config = $.figure.map! as PointsMapConfig;
    expect(config.colors).toEqual([...colors]);
    expect(config.order).toHaveLength(8);
  });

  it("labels points in English and Korean", () => {
    const $ = load(fx.store, "kind: points\ndataset: sites\nbasemap: areas\ntitle: Sites");
    const labels = $(".point-labels text");
    expect(labels.length).toBeGreaterThan(4);
    expect(labels.first().find(".label-en").text()).not.toBe("");
    expect(labels.first().find(".label-ko").text()).toMatch(/[가-힣]/);
  });

  it("highlights one district of the basemap", () => {
    const $ = load(fx.store, "kind: points\ndataset: sites\nbasemap: areas\nhighlight: area-2\ntitle: Sites");
    expect($(".basemap-area.is-highlighted")).toHaveLength(1);
    expect($(".legend").text()).toContain("Bravo-gu");
    expect(($.figure.map! as PointsMapConfig).highlight).toBe("A2");
  });

  it("groups many points into clusters that count them", () => {
    const $ = load(fx.store, "kind: points\ndataset: crowd\nbasemap: areas\ntitle: Crowd");
    const clusters = $("circle.cluster-mark");
    expect(clusters).toHaveLength(3);
    const counted = $(".cluster-count")
      .map((_, t) => Number($(t).text()))
      .get()
      .reduce((a, b) => a + b, 0);
    expect(counted + $("circle.point").length).toBe(60);
    expect(($.figure.map! as PointsMapConfig).cluster).toBe(true);
  });

  it("does not cluster when told not to", () => {
    const $ = load(fx.store, "kind: points\ndataset: crowd\nbasemap: areas\ncluster: false\ntitle: Crowd");
    expect($("circle.point")).toHaveLength(60);
  });
});

describe("bar", () => {
  it("draws one bar per row, sorted, with rows without a value last and saying 'no data'", () => {
    const $ = load(fx.store, "kind: bar\ndataset: areas\nvalue: value\ntitle: Residents");
    const bars = $("rect.bar");
    expect(bars).toHaveLength(6);
    expect(bars.map((_, b) => $(b).attr("data-key")).get()).toEqual(["A5", "A4", "A3", "A2", "A1", "A6"]);
    expect(bars.last().attr("data-value")).toBe("no data");
    expect($(".bar-value--missing").text()).toBe("no data");
    // Longer values, longer bars.
    const widths = bars
      .slice(0, 5)
      .map((_, b) => Number($(b).attr("width")))
      .get();
    expect([...widths].sort((a, b) => b - a)).toEqual(widths);
  });

  it("highlights bars by key or slug and says so in the legend", () => {
    const $ = load(fx.store, "kind: bar\ndataset: areas\nvalue: value\nhighlight: [A2, area-4]\ntitle: Residents");
    expect(
      $(".is-highlighted rect")
        .map((_, r) => $(r).attr("data-key"))
        .get(),
    ).toEqual(["A4", "A2"]);
    expect($(".legend").text()).toContain("Delta-gu, Bravo-gu");
  });

  it("highlights a district's bars by the district's slug in any dataset keyed by gu code, as a journalist names the district", () => {
    const store = new DatasetStore(GENERATED);
    const $ = load(
      store,
      "kind: bar\ndataset: ghg-gu\nvalue: value\nwhere: { metric: co2_energy }\nlabel: gu_name_en\nhighlight: [dobong-gu]\ntitle: CO2",
    );
    expect(
      $(".is-highlighted rect")
        .map((_, r) => $(r).attr("data-key"))
        .get(),
    ).toEqual(["gkug-dobong-co2"]);
    const census = load(store, "kind: bar\ndataset: census-2015-gu\nvalue: total\nhighlight: [gwanak-gu, 11050]\ntitle: People");
    expect(
      census(".is-highlighted rect")
        .map((_, r) => census(r).attr("data-key"))
        .get()
        .sort(),
    ).toEqual(["11050", "11210"]);
  });

  it("names bars the data writes in lower case with a capital; the legend's list starts with one", () => {
    const $ = load(fx.store, "kind: bar\ndataset: series\nvalue: total\nlabel: status\nsort: none\nhighlight: ['1', '6']\ntitle: Totals");
    expect($("text.bar-label").first().text()).toBe("Inventory");
    expect($("rect.bar").first().attr("data-name")).toBe("Inventory");
    expect($(".legend li").first().text()).toBe("Inventory, estimate");
  });

  it("draws negative values left of zero, sorts ascending, and limits to the first N", () => {
    const $ = load(fx.store, "kind: bar\ndataset: areas\nvalue: change\nsort: ascending\nlimit: 4\ntitle: Change");
    expect(
      $("rect.bar")
        .map((_, b) => $(b).attr("data-key"))
        .get(),
    ).toEqual(["A1", "A2", "A6", "A3"]);
    const zero = Number($("line.grid--zero").attr("x1"));
    const first = $("rect.bar").first();
    expect(Number(first.attr("x")) + Number(first.attr("width"))).toBeCloseTo(zero, 0);
    expect($(".figure__notes").text()).toContain("first 4 of 6 rows");
    expect($("details tbody tr")).toHaveLength(6);
  });
});

describe("line", () => {
  const spec = `kind: line
dataset: series
x: year
y: total
series: status
target:
  dataset: targets
  x: year
  y: value
  label: Targets
annotations:
  - x: 2005
    text: Base year
title: Emissions`;

  it("draws one line per series, a mark per value, and breaks the line where a value is missing", () => {
    const $ = load(fx.store, spec);
    expect($(".series")).toHaveLength(2);
    expect($(".series circle.point")).toHaveLength(7);
    // inventory: 2005–2018, then (no 2019) 2020: two runs, one of a single point (no polyline).
    expect($(".series").first().find("polyline")).toHaveLength(1);
    expect($(".figure__notes").text()).toContain("No value for 2019");
  });

  it("names its lines with a capital where they stand alone: the legend, the line ends, the description's sentences", () => {
    // The data writes the series in lower case ("inventory"), for use inside sentences.
    const $ = load(fx.store, spec);
    expect(
      $(".legend li span")
        .map((_, s) => $(s).text())
        .get(),
    ).toEqual(["Inventory", "Estimate", "Targets"]);
    expect(
      $("text.series-label")
        .map((_, s) => $(s).text())
        .get(),
    ).toEqual(["Inventory", "Estimate"]);
    expect($(".visually-hidden").text()).toMatch(/\. Inventory: 500\u00a0kt in 2005/);
    // The data table still lists each series' rows under its name.
    expect($(".figure__table td, .figure__table th").filter((_, c) => $(c).text() === "Estimate")).toHaveLength(2);
  });

  it("draws the targets dashed through their points, with the annotation", () => {
    const $ = load(fx.store, spec);
    expect($(".target .target-point")).toHaveLength(3);
    expect($(".target polyline.target-line")).toHaveLength(1);
    expect($(".annotation-text").text()).toBe("Base year");
    const model = JSON.parse($("[data-chart]").attr("data-chart")!) as LineModel;
    expect(model.target!.points.map((p) => p.y)).toEqual([300, 150, 0]);
    expect($(".legend").text()).toContain("Targets");
    expect($(".figure__source").text()).toContain("Test fixture");
    expect(
      $(".figure__downloads a")
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toEqual(["/data/series.csv", "/data/targets.csv"]);
  });

  it("draws one target as a level line", () => {
    const $ = load(
      fx.store,
      "kind: line\ndataset: series\nx: year\ny: total\nwhere: {status: inventory}\ntarget:\n  dataset: targets\n  x: year\n  y: value\n  where: {year: 2030}\ntitle: T",
    );
    expect($(".target line.target-line")).toHaveLength(1);
    expect($(".target .target-point")).toHaveLength(1);
  });
});

describe("timeline", () => {
  it("draws a dot per dated milestone in date order, filled when done, and names the undated one", () => {
    const $ = load(fx.store, "kind: timeline\ndataset: milestones\ndate: date\nstatus: status\ntitle: Plan");
    const dots = $("svg.chart circle.milestone-dot");
    expect(dots).toHaveLength(4);
    expect(
      $(".milestone")
        .map((_, g) => $(g).attr("class")!.split("--")[1])
        .get(),
    ).toEqual(["done", "done", "planned", "unknown"]);
    // Sorted by the middle of each period: 15 March before "March 2023" (mid-March).
    expect(dots.map((_, d) => $(d).attr("data-value")).get()).toEqual([
      "15 March 2023, done",
      "March 2023, done",
      "December 2023, planned",
      "2024, status not known",
    ]);
    expect($(".figure__notes").text()).toContain("1 milestone has no date");
    expect(
      $(".legend li")
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual(["Done", "Planned", "Status not known"]);
  });
});

describe("progress", () => {
  it("fills the track up to the latest value, marks the target and the earlier value", () => {
    const $ = load(
      fx.store,
      "kind: progress\ndataset: metrics\nvalue: value\ndate: date\nactual: {metric: firms, kind: actual}\ntarget: {metric: firms, kind: target}\ntitle: Firms",
    );
    const track = Number($("rect.progress-track").attr("width"));
    const fill = Number($("rect.progress-fill").attr("width"));
    expect(fill / track).toBeCloseTo(136 / 450, 2);
    expect($("rect.progress-tick")).toHaveLength(1);
    expect($(".progress-value").text()).toBe("136\u00a0firms (May 2024)");
    expect($(".progress-share").text()).toBe("30\u00a0% of the target for 2023 (450\u00a0firms)");
    const model = JSON.parse($("[data-chart]").attr("data-chart")!) as ProgressModel;
    expect(model.history.map((h) => h.value)).toEqual([112]);
  });
});

describe("what every kind takes from the manifest", () => {
  it("cites the sources of the fields and rows it shows, and of the shapes it draws", () => {
    const own = load(fx.store, "kind: choropleth\ndataset: areas\nvalue: value\ntitle: T");
    // `value` has its own source; the shapes' source belongs to area_km2 only.
    expect(
      own(".figure__source a")
        .map((_, a) => own(a).text())
        .get(),
    ).toEqual(["Fixture counts"]);
    const joined = load(
      fx.store,
      "kind: choropleth\ndataset: area-stats\nboundaries: areas\njoin: area_code\nwhere: {year: 2018}\nvalue: total\ntitle: T",
    );
    // The 2018 rows name "fixture" (not the 2020 row's source), and the squares are drawn.
    expect(
      joined(".figure__source a")
        .map((_, a) => joined(a).attr("href"))
        .get(),
    ).toEqual(["https://example.org/fixture", "https://example.org/shapes"]);
  });

  it("shows the caveats of the datasets whose values it shows, unless the spec turns them off", () => {
    expect(load(fx.store, "kind: bar\ndataset: areas\nvalue: value\ntitle: T")(".figure__notes").text()).toContain(
      "Fixture areas are squares",
    );
    expect(load(fx.store, "kind: bar\ndataset: areas\nvalue: value\ncaveats: false\ntitle: T")(".figure__notes")).toHaveLength(0);
    const joined = load(
      fx.store,
      "kind: choropleth\ndataset: area-stats\nboundaries: areas\njoin: area_code\nwhere: {year: 2018}\nvalue: total\ntitle: T",
    )(".figure__notes").text();
    expect(joined).toContain("Fixture emissions are made up.");
    expect(joined).not.toContain("squares");
  });

  it("shows the unit its rows give when the field has none", () => {
    const $ = load(fx.store, "kind: bar\ndataset: metrics\nvalue: value\nwhere: {metric: firms}\ntitle: T");
    expect($("rect.bar").first().attr("data-value")).toBe("450\u00a0firms");
    expect($("details thead").text()).toContain("(firms)");
  });

  it("drops the rows `exclude` matches", () => {
    expect(load(fx.store, "kind: bar\ndataset: areas\nvalue: value\nexclude: {group: south}\ntitle: T")("rect.bar")).toHaveLength(3);
  });

  it("breaks a line where the data skips years, and says so", () => {
    const $ = load(fx.store, "kind: line\ndataset: years\nx: year\ny: total\ntitle: T");
    expect($(".series polyline")).toHaveLength(1);
    expect($(".series circle.point")).toHaveLength(5);
    expect($(".figure__notes").text()).toContain("no values between 2005 and 2014");
  });
});
