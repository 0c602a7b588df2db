/**
 * Linear positions for charts that also render in the browser. d3-array's algorithm gives
 * the ticks and nice bounds (ticks.ts); the mapping itself is one line. (d3-scale's
 * scaleLinear would add about 11 KB gzip to the browser chunk for the same line.)
 */
import { nice, ticks } from "./ticks.ts";

export interface Linear {
  (v: number): number;
  ticks(count: number): number[];
}

export function linear(domain: [number, number], range: [number, number]): Linear {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const f = ((v: number) => r0 + ((v - d0) / span) * (r1 - r0)) as Linear;
  f.ticks = (count) => ticks(d0, d1, count);
  return f;
}

/** Domain [lo, hi] widened to round numbers (d3's nice), always including `include` values. */
export function niceDomain(values: number[], include: number[] = [], count = 5): [number, number] {
  const all = [...values, ...include];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) {
    lo = lo === 0 ? 0 : Math.min(0, lo);
    hi = hi === 0 ? 1 : Math.max(0, hi);
  }
  return nice(lo, hi, count);
}
