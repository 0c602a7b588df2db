/**
 * What a choropleth shows beyond its shading, on the fixture datasets: legend classes and
 * marks that share a class (the legend's highlight), highlighted areas, a zoom that keeps
 * the shapes, layers of points (only those inside the areas drawn), labels in two
 * languages, and links that only district maps may have. Marks carry their name and value
 * for the script, which gives them their tab stop and label; without it the table reads.
 */
import { afterAll, describe, expect, it } from "vitest";
import { fixtureStore } from "../helpers/figure-fixtures.ts";
import { load, problemsOf, specLine } from "../helpers/figure-render.ts";

const fx = fixtureStore();
afterAll(() => fx.remove());
const BASE = "kind: choropleth\ndataset: areas\nvalue: value\ntitle: T";

describe("a choropleth's view", () => {
  it("gives each legend class and each area of that class the same data-class", () => {
    const $ = load(fx.store, BASE);
    const classes = $(".legend [data-class]")
      .map((_, li) => $(li).attr("data-class"))
      .get();
    expect(classes).toContain("nodata");
    $("path.mark").each((_, m) => {
      expect(classes).toContain($(m).attr("data-class"));
    });
    expect($('path.mark[data-key="A6"]').attr("data-class")).toBe("nodata");
  });

  it("leaves tab stops and labels to the script, and silences the marks until then", () => {
    const $ = load(fx.store, BASE);
    expect($("path.mark[tabindex], path.mark[aria-label]")).toHaveLength(0);
    expect($("g.areas").attr("aria-hidden")).toBe("true");
    expect($('path.mark[data-key="A1"]').attr("data-name")).toBe("Alpha-gu (알파구)");
    expect($('path.mark[data-key="A1"]').attr("data-value")).toBe("100\u00a0people");
  });

  it("highlights areas by key or slug, and zooms to one without changing the shapes", () => {
    const whole = load(fx.store, BASE);
    const $ = load(fx.store, `${BASE}\nhighlight: [area-2, A3]\nzoom: area-2`);
    expect($("svg.chart").attr("class")).toContain("has-highlight");
    expect(
      $(".area.is-highlighted")
        .map((_, m) => $(m).attr("data-key"))
        .get()
        .sort(),
    ).toEqual(["A2", "A3"]);
    expect($("svg.chart").attr("viewBox")).not.toBe(whole("svg.chart").attr("viewBox"));
    expect($('[data-key="A1"]').attr("d")).toBe(whole('[data-key="A1"]').attr("d"));
    // The interactive map starts where the drawing is.
    const [w, s, e, n] = $.figure.map!.bounds;
    const [W, S, E, N] = whole.figure.map!.bounds;
    expect(e - w).toBeLessThan(E - W);
    expect(n - s).toBeLessThan(N - S);
  });

  it("draws layers of points, each in its colour, only those inside the areas drawn, and counts them in the legend", () => {
    const all = load(fx.store, `${BASE}\npoints: [sites, crowd]`);
    expect(all(".overlay")).toHaveLength(2);
    const fills = new Set(
      all(".overlay .mark")
        .map((_, m) => all(m).attr("fill"))
        .get(),
    );
    expect(fills.size).toBe(2);
    const north = load(fx.store, `${BASE}\nwhere: { group: north }\npoints: sites`);
    const inside = north(".overlay .mark").length;
    expect(inside).toBeGreaterThan(0);
    expect(inside).toBeLessThan(all('.overlay[data-layer="sites"] .mark').length);
    expect(north('.legend [data-layer="sites"]').text()).toBe(`Fixture sites (${inside})`);
    expect(north.figure.datasets).toContain("sites");
  });

  it("labels areas in English and Korean with `labels: both`", () => {
    const $ = load(fx.store, `${BASE}\nlabels: both`);
    // Names lose their "-gu" or "-dong" on the map; the Korean line is whole.
    const label = $(".map-labels text").filter((_, t) => $(t).find("tspan").first().text() === "Alpha");
    expect(label).toHaveLength(1);
    expect(label.find("tspan.label-ko").text()).toBe("알파구");
  });

  it("links only areas that have pages: the fixture's areas have none", () => {
    expect(load(fx.store, BASE)("[data-href]")).toHaveLength(0);
    const [p] = problemsOf(fx.store, `${BASE}\nlinks: true`);
    expect(p).toMatchObject({ code: "spec-invalid-value", field: "links", line: specLine(5) });
  });

  it("names what is wrong with a highlight, a zoom or a layer, at its line", () => {
    expect(problemsOf(fx.store, `${BASE}\nhighlight: [area-7]`)[0]).toMatchObject({ code: "spec-unknown-value", line: specLine(5) });
    expect(problemsOf(fx.store, `${BASE}\nzoom: nowhere`)[0]).toMatchObject({ code: "spec-unknown-value", field: "zoom" });
    expect(problemsOf(fx.store, `${BASE}\npoints: [sites, areas]`)[0]).toMatchObject({
      code: "spec-wrong-dataset-kind",
      field: "points.1",
    });
  });
});
