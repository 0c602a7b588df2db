/** The charts' ticks and nice bounds give d3-array's answers, on ranges of every size and sign. */
import { nice as d3Nice, ticks as d3Ticks } from "d3";
import { describe, expect, it } from "vitest";
import { nice, ticks } from "../../src/lib/charts/ticks.ts";

// A fixed pseudo-random sequence: the same ranges on every run.
let seed = 7;
const random = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};
const ranges: [number, number, number][] = [
  [0, 1, 5],
  [0, 26147, 4],
  [-4.5, 3.75, 5],
  [6326, 26147, 10],
  [3, 3, 5],
  [10, 0, 5],
  [0.001, 0.0037, 3],
  [45218, 49445, 6],
  [0, 0, 5],
];
for (let i = 0; i < 300; i++) {
  const a = (random() - 0.3) * 10 ** Math.floor(random() * 8 - 2);
  const b = a + random() * 10 ** Math.floor(random() * 8 - 2);
  ranges.push([a, b, 1 + Math.floor(random() * 12)]);
}

describe("ticks and nice bounds", () => {
  it.each(ranges.slice(0, 9))("%d to %d, about %d ticks: as d3", (a, b, n) => {
    expect(ticks(a, b, n)).toEqual(d3Ticks(a, b, n));
    expect(nice(a, b, n)).toEqual(d3Nice(a, b, n));
  });

  it("gives d3's answers on 300 random ranges", () => {
    for (const [a, b, n] of ranges) {
      expect(ticks(a, b, n), `${a} ${b} ${n}`).toEqual(d3Ticks(a, b, n));
      expect(nice(a, b, n), `${a} ${b} ${n}`).toEqual(d3Nice(a, b, n));
    }
  });
});
