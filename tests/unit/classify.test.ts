import { describe, expect, it } from "vitest";
import { classIndex, classify, colorFor, legendClasses, roundThreshold } from "../../src/lib/classify.ts";

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
});
