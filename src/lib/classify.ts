/**
 * One definition of a figure's look: how values become classes and classes become
 * colours. The SVG renderer and the MapLibre style (map-style.ts) both take a
 * `ClassedScale` made here, so a district gets the same colour in both.
 *
 * Classes are thresholds t1 < t2 < … : a value v belongs to class i when
 * t(i) <= v < t(i+1) — the semantics of d3.scaleThreshold and of MapLibre's "step".
 */
import {
  extent,
  interpolateBrBG,
  interpolatePuOr,
  interpolateRdBu,
  quantize,
  scaleQuantile,
  schemeBlues,
  schemeBrBG,
  schemeGreens,
  schemeOranges,
  schemePuOr,
  schemePurples,
  schemeRdBu,
  schemeYlGnBu,
} from "d3";
import { ckmeans } from "simple-statistics";

export const CLASS_METHODS = ["quantile", "equal", "jenks"] as const;
export type ClassMethod = (typeof CLASS_METHODS)[number];

/** ColorBrewer schemes that are colour-blind safe (per colorbrewer2.org), 3–9 classes. */
export const PALETTES = {
  blues: { kind: "sequential", scheme: schemeBlues },
  greens: { kind: "sequential", scheme: schemeGreens },
  purples: { kind: "sequential", scheme: schemePurples },
  oranges: { kind: "sequential", scheme: schemeOranges },
  ylgnbu: { kind: "sequential", scheme: schemeYlGnBu },
  rdbu: { kind: "diverging", scheme: schemeRdBu, interpolate: interpolateRdBu },
  puor: { kind: "diverging", scheme: schemePuOr, interpolate: interpolatePuOr },
  brbg: { kind: "diverging", scheme: schemeBrBG, interpolate: interpolateBrBG },
} as const;
export type PaletteName = keyof typeof PALETTES;

/** Missing values: a neutral grey, drawn with a hatch pattern in SVG so it differs from every class. */
export const NO_DATA_COLOR = "#d9d9d9";

export interface ClassedScale {
  method: ClassMethod;
  palette: PaletteName;
  /** k-1 increasing thresholds for k classes. */
  thresholds: number[];
  /** k colours, lowest class first. */
  colors: string[];
  noData: string;
  /** Smallest and largest value present. */
  domain: [number, number];
  /** Diverging palettes: the value at the neutral middle, a class boundary when inside the domain. */
  midpoint?: number;
}

export interface ClassifyOptions {
  method?: ClassMethod;
  classes?: number;
  palette?: PaletteName;
  /** For diverging palettes: the value at the neutral middle (default 0). */
  midpoint?: number;
}

/** Round to 3 significant figures, for equal-interval breaks: "340,000" rather than "338,459.6". */
export function roundThreshold(v: number): number {
  // toPrecision rounds in decimal, so 0.012345 becomes 0.0123 and not 0.012300000000000002.
  return v === 0 ? 0 : Number(v.toPrecision(3));
}

export function classify(values: readonly (number | null | undefined)[], options: ClassifyOptions = {}): ClassedScale {
  const method = options.method ?? "quantile";
  const palette = options.palette ?? "blues";
  const present = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (present.length === 0) throw new Error("classify: no numeric values to classify");
  const [min, max] = extent(present) as [number, number];
  // Quantile and Jenks classes cannot outnumber the distinct values; equal intervals can
  // (some intervals are then empty, which the legend shows honestly).
  const distinct = method === "equal" ? Infinity : new Set(present).size;
  const k = Math.max(1, Math.min(options.classes ?? 5, distinct, 9));

  // Breaks are what the legend prints, so they are never rounded after classifying.
  // Quantile and Jenks breaks are data values: the smallest value of each class above the
  // first, so "from a to under b" describes each class exactly. Equal intervals are rounded
  // to 3 significant figures first, and then used as they are.
  let raw: number[];
  if (k === 1 || min === max) raw = [];
  else if (method === "quantile") {
    const sorted = [...present].sort((a, b) => a - b);
    raw = scaleQuantile<number>()
      .domain(present)
      .range(Array.from({ length: k }, (_, i) => i))
      .quantiles()
      // d3 puts a value equal to a quantile in the upper class: the same class as the first value ≥ it.
      .map((q) => sorted.find((v) => v >= q)!);
  } else if (method === "equal") raw = Array.from({ length: k - 1 }, (_, i) => roundThreshold(min + ((max - min) * (i + 1)) / k));
  else
    raw = ckmeans(present, k)
      .slice(1)
      .map((cluster) => cluster[0]!);

  const diverging = PALETTES[palette].kind === "diverging";
  const midpoint = diverging ? (options.midpoint ?? 0) : undefined;
  // Diverging classes never straddle the midpoint: it becomes a boundary of its own.
  if (midpoint !== undefined && midpoint > min && midpoint <= max) raw.push(midpoint);
  // Thresholds must stay strictly increasing and inside (min, max].
  const thresholds: number[] = [];
  for (const t of raw.sort((a, b) => a - b)) {
    if (t > min && t <= max && (thresholds.length === 0 || t > thresholds[thresholds.length - 1]!)) thresholds.push(t);
  }
  const n = thresholds.length + 1;
  const colors = midpoint === undefined ? paletteColors(palette, n) : divergingColors(palette, thresholds, max, midpoint);
  return {
    method,
    palette,
    thresholds,
    colors,
    noData: NO_DATA_COLOR,
    domain: [min, max],
    ...(midpoint === undefined ? {} : { midpoint }),
  };
}

/**
 * Colours of a diverging scale: classes below the midpoint take the left arm of the
 * palette, classes above it the right arm, both counted outward from the neutral middle,
 * so the same distance from the midpoint gets the same strength on either side.
 */
export function divergingColors(name: PaletteName, thresholds: number[], max: number, midpoint: number): string[] {
  const n = thresholds.length + 1;
  // A class lies below the midpoint when its upper bound does (classes run from t(i) to t(i+1)).
  const below = max < midpoint ? n : thresholds.filter((t) => t <= midpoint).length;
  const above = n - below;
  const arm = Math.max(below, above);
  const palette = PALETTES[name];
  // ColorBrewer's diverging schemes go up to 11 colours; beyond that, sample the ramp.
  const full: string[] =
    arm * 2 <= 11 && arm * 2 >= 3
      ? [...(palette.scheme as readonly (readonly string[])[])[arm * 2]!]
      : "interpolate" in palette
        ? quantize(palette.interpolate, Math.max(arm * 2, 2))
        : paletteColors(name, arm * 2);
  return [...full.slice(arm - below, arm), ...full.slice(arm, arm + above)];
}

/**
 * Colours for categories (points, line series): the Okabe–Ito palette, safe for the
 * common colour-vision deficiencies, without its black (invisible in dark mode).
 */
export const CATEGORY_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"] as const;

/** Each category's colour, in the order given (first seen first). Throws when there are too many. */
export function categoryColors(categories: readonly string[]): Map<string, string> {
  const unique = [...new Set(categories)];
  if (unique.length > CATEGORY_COLORS.length) {
    throw new Error(`${unique.length} categories, but only ${CATEGORY_COLORS.length} colours can be told apart`);
  }
  return new Map(unique.map((c, i) => [c, CATEGORY_COLORS[i]!]));
}

export function paletteColors(name: PaletteName, n: number): string[] {
  const scheme = PALETTES[name].scheme as readonly (readonly string[])[];
  if (n >= 3) return [...scheme[Math.min(n, 9)]!];
  // Schemes start at 3 classes: take the outer colours of the 3-class scheme.
  const three = scheme[3]!;
  return n === 2 ? [three[0]!, three[2]!] : [three[1]!];
}

/** Index of the class a value falls in (step semantics), or -1 for missing. */
export function classIndex(scale: ClassedScale, value: number | null | undefined): number {
  if (typeof value !== "number" || !Number.isFinite(value)) return -1;
  let i = 0;
  while (i < scale.thresholds.length && value >= scale.thresholds[i]!) i++;
  return i;
}

export function colorFor(scale: ClassedScale, value: number | null | undefined): string {
  const i = classIndex(scale, value);
  return i < 0 ? scale.noData : scale.colors[i]!;
}

export interface LegendClass {
  color: string;
  /** Inclusive lower bound (the domain minimum for the first class). */
  from: number;
  /** Exclusive upper bound (the domain maximum, inclusive, for the last class). */
  to: number;
}

export function legendClasses(scale: ClassedScale): LegendClass[] {
  const bounds = [scale.domain[0], ...scale.thresholds, scale.domain[1]];
  return scale.colors.map((color, i) => ({ color, from: bounds[i]!, to: bounds[i + 1]! }));
}
