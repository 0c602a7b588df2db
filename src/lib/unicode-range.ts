/** `unicode-range` lists, for the site's CSS (src/site/fonts.ts) and the maps' font faces (src/assets/map.ts). */

const hex = (cp: number) => cp.toString(16).toUpperCase();

/** A CSS `unicode-range` for these code points, runs merged: `U+20-7E,U+B7,U+AC00`. */
export function unicodeRange(cps: Iterable<number>): string {
  const sorted = [...new Set(cps)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(j > i ? `U+${hex(sorted[i]!)}-${hex(sorted[j]!)}` : `U+${hex(sorted[i]!)}`);
    i = j + 1;
  }
  return out.join(",");
}
