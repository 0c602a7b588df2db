/** Number formatting shared by the build (SVG, tables) and the browser (tooltips). */
export type Locale = "en" | "ko";

/**
 * A label that stands alone (a legend's entry, a bar's name, a line's end label) starts with a
 * capital in English, as a sentence does: descriptors name categories in lower case, for use
 * inside sentences ("planned" → "Planned", "inventory" → "Inventory"). Korean has no case.
 */
export function standalone(label: string, locale: Locale = "en"): string {
  return locale === "en" && /^[a-z]/.test(label) ? label[0]!.toUpperCase() + label.slice(1) : label;
}

/**
 * A number and its unit stay on one line: "40 %", "29.6 km²", "about 70 %" never break
 * before the unit (the space becomes a no-break space). For prose, titles and notes.
 */
export function keepUnits(text: string): string {
  return text.replace(/(\d) (?=%|‰|km²|m²|㎢)/g, "$1\u00a0");
}

const cache = new Map<string, Intl.NumberFormat>();
function formatter(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === "ko" ? "ko-KR" : "en-GB", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    cache.set(key, f);
  }
  return f;
}

/** 511185 → "511,185"; null/undefined → "no data" (missing is shown as missing). */
export function formatNumber(value: number | null | undefined, options: { digits?: number; locale?: Locale } = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return options.locale === "ko" ? "자료 없음" : "no data";
  return formatter(options.locale ?? "en", options.digits ?? 0).format(value);
}

/**
 * Value with its unit, e.g. "511,185 people", "29.6 km²"; in Korean the unit follows the
 * number as Korean prints it: "3,100명", "40%", "0.67㎢", "49,445천 t CO₂eq", but "120 m".
 * (Amounts in won: `formatAmount` in src/figures/rows.ts, at build time.)
 */
export function formatValue(value: number | null | undefined, unit?: string, digits?: number, locale: Locale = "en"): string {
  const d = digits ?? (value !== null && value !== undefined && Math.abs(value) < 100 ? 1 : 0);
  const n = formatNumber(value, { digits: d, locale });
  if (!unit || value === null || value === undefined) return n;
  // Korean counters and symbols attach to the number; a Latin unit keeps its space, one that does not break.
  return locale === "ko" && !/^[A-Za-z]/.test(unit) ? `${n}${unit}` : `${n}\u00a0${unit}`;
}

/**
 * Compact axis labels: 44000 → "44k", 600000 → "600k", 1500000 → "1.5M", below 10,000 written
 * out ("8,110"); in Korean by 만 and 억: 44000 → "4.4만", 600000 → "60만", 150000000 → "1.5억".
 * `axisMax`, the largest tick of the axis: an English axis writes all its ticks one way
 * ("0, 5k, 10k, 15k", "0, 400, 800, 1,200"), never "800, 1k".
 */
export function formatTick(value: number, locale: Locale = "en", axisMax?: number): string {
  const abs = Math.abs(value);
  if (locale === "ko") {
    if (abs >= 1e8) return `${trim(value / 1e8)}억`;
    if (abs >= 1e4) return `${trim(value / 1e4)}만`;
    return formatNumber(value, { digits: 2, locale });
  }
  const scale = Math.max(abs, axisMax ?? 0);
  if (value === 0) return "0";
  if (scale >= 1e6) return `${trim(value / 1e6)}M`;
  if (scale >= 1e4) return `${trim(value / 1e3)}k`;
  return formatNumber(value, { digits: 2 });
}

/** The largest absolute value of an axis's ticks (formatTick's `axisMax`). */
export const axisMax = (ticks: number[]): number => Math.max(0, ...ticks.map(Math.abs));
function trim(v: number): string {
  return String(Math.round(v * 10) / 10);
}
