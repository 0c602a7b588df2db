import { schemeRdBu } from "d3";
import { describe, expect, it } from "vitest";
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
