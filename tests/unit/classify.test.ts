import * as cheerio from "cheerio";
import { schemeRdBu } from "d3";
import { describe, expect, it } from "vitest";
import { legendHtml } from "../../src/figures/kinds/choropleth.ts";
import { CATEGORY_COLORS, categoryColors, classIndex, classify, colorFor, legendClasses, roundThreshold } from "../../src/lib/classify.ts";

describe("classify", () => {
  const values = [117253, 151069, 217228, 290277, 322587, 339599, 358319, 400027, 452704, 511185, 584906, 640732];

  it("quantile classes hold about equal numbers of values", () => {
    const s = classify(values, { method: "quantile", classes: 4 });
    const counts = [0, 0, 0, 0];
    for (const v of values) counts[classIndex(s, v)]!++;
    expect(counts).toEqual([3, 3, 3, 3]);
  });

  it("equal-interval thresholds split the range evenly (rounded to 3 significant figures)", () => {
    const s = classify([0, 100], { method: "equal", classes: 4 });
    expect(s.thresholds).toEqual([25, 50, 75]);
  });

  it("jenks (ckmeans) puts natural clusters in separate classes", () => {
    const s = classify([1, 2, 3, 50, 51, 52, 100, 101], { method: "jenks", classes: 3 });
    expect(s.thresholds).toEqual([50, 100]);
  });

  it("a value on a threshold belongs to the upper class, like d3.scaleThreshold and MapLibre step", () => {
    const s = classify([0, 100], { method: "equal", classes: 4 });
    expect(classIndex(s, 25)).toBe(1);
    expect(classIndex(s, 24.99)).toBe(0);
    expect(colorFor(s, null)).toBe(s.noData);
  });

  it("legend classes cover the data from minimum to maximum", () => {
    const s = classify(values, { classes: 5 });
    const legend = legendClasses(s);
    expect(legend[0]!.from).toBe(117253);
    expect(legend.at(-1)!.to).toBe(640732);
    expect(legend.map((l) => l.color)).toEqual(s.colors);
  });

  it("never makes more classes than distinct values", () => {
    const s = classify([5, 5, 5, 7], { method: "jenks", classes: 5 });
    expect(s.colors).toHaveLength(2);
    expect(colorFor(s, 5)).not.toBe(colorFor(s, 7));
  });

  it("rounds thresholds to three significant figures", () => {
    expect(roundThreshold(338459.6)).toBe(338000);
    expect(roundThreshold(0.012345)).toBeCloseTo(0.0123, 10);
  });

  it("diverging palettes turn at the midpoint: below it the red arm, above it the blue arm, equal steps out", () => {
    const s = classify([-30, -20, -10, 5, 15, 25, 35], { method: "equal", classes: 4, palette: "rdbu", midpoint: 0 });
    expect(s.thresholds).toContain(0);
    const below = s.thresholds.filter((t) => t <= 0).length;
    const arm = Math.max(below, s.colors.length - below);
    const full = schemeRdBu[arm * 2]!;
    expect(s.colors).toEqual([...full.slice(arm - below, arm), ...full.slice(arm, arm + s.colors.length - below)]);
    expect(colorFor(s, -0.1)).toBe(full[arm - 1]);
    expect(colorFor(s, 0)).toBe(full[arm]);
  });

  it("a diverging scale whose values all lie on one side uses only that arm", () => {
    const s = classify([1, 2, 3, 4, 5, 6], { classes: 3, palette: "puor", midpoint: 0 });
    expect(s.colors).toHaveLength(3);
    expect(new Set(s.colors).size).toBe(3);
  });

  it("gives categories the colour-blind-safe palette in order, and refuses more than it can tell apart", () => {
    const colors = categoryColors(["open", "planned", "open", "closed"]);
    expect([...colors]).toEqual([
      ["open", CATEGORY_COLORS[0]],
      ["planned", CATEGORY_COLORS[1]],
      ["closed", CATEGORY_COLORS[2]],
    ]);
    expect(() => categoryColors(["a", "b", "c", "d", "e", "f", "g", "h"])).toThrow(/8 categories/);
  });
});

describe("classes do what the legend says", () => {
  // The 25 districts' 2010 densities (people per km², generated/districts.csv): the map of the
  // Seoul-at-a-glance story, where rounding the breaks after classifying once gave 5/5/5/6/4.
  const densities = [
    6326, 11586, 10261, 17529, 20255, 23502, 22224, 18599, 13583, 16742, 16448, 14326, 17666, 14782, 26147, 12685, 20254, 18348, 17324,
    22425, 17142, 8110, 13574, 19058, 18144,
  ];

  /** The legend's text for each class, as the choropleth prints it. */
  function legendTexts(values: number[], options: Parameters<typeof classify>[1]): string[] {
    const scale = classify(values, options);
    const $ = cheerio.load(legendHtml({ name: "v", type: "number", label: "Value" }, undefined, scale, false, "p").value);
    return $(".legend__classes li span")
      .map((_, el) => $(el).text())
      .get();
  }
  /** Parses "a to under b" and "a–b" back into the numbers a reader sees. */
  function contains(label: string, v: number): boolean {
    const n = (s: string) => Number(s.replace(/,/g, ""));
    const under = /^(.+) to under (.+)$/.exec(label);
    if (under) return v >= n(under[1]!) && v < n(under[2]!);
    const [from, to] = label.split("–");
    return v >= n(from!) && v <= n(to ?? from!);
  }

  it.each([3, 4, 5, 6, 7])("quantile, %i classes of 25 values: sizes differ by at most one", (k) => {
    const scale = classify(densities, { method: "quantile", classes: k });
    const counts = new Array(k).fill(0);
    for (const v of densities) counts[classIndex(scale, v)]++;
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it("the densest districts fill the top class: Gwangjin-gu (20,255, fifth densest) is in it", () => {
    const scale = classify(densities, { method: "quantile", classes: 5 });
    const top = densities.filter((v) => classIndex(scale, v) === 4).sort((a, b) => b - a);
    expect(top).toEqual([26147, 23502, 22425, 22224, 20255]);
  });

  it.each(["quantile", "equal", "jenks"] as const)("%s: each value's class is the one whose legend label contains it", (method) => {
    for (const values of [densities, [0.5, 1.25, 2.87, 2.88, 3.11, 7.36, 8.15, 12.74], [0.0123, 0.0456, 0.1, 0.33, 0.9]]) {
      const scale = classify(values, { method, classes: 4 });
      const labels = legendTexts(values, { method, classes: 4 });
      for (const v of values) {
        const holding = labels.map((l, i) => (contains(l, v) ? i : -1)).filter((i) => i >= 0);
        expect(holding, `${v} in ${JSON.stringify(labels)}`).toEqual([classIndex(scale, v)]);
      }
    }
  });
});
