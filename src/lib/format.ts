/** Number formatting shared by the build (SVG, tables) and the browser (tooltips). */
export type Locale = "en" | "ko";

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

/** Value with its unit, e.g. "511,185 people", "29.6 km²". */
export function formatValue(value: number | null | undefined, unit?: string, digits?: number): string {
  const n = formatNumber(value, { digits: digits ?? (value !== null && value !== undefined && Math.abs(value) < 100 ? 1 : 0) });
  return unit && value !== null && value !== undefined ? `${n} ${unit}` : n;
}

/** Compact axis and bar labels: 8110 → "8.1k", 600000 → "600k", 1500000 → "1.5M". */
export function formatTick(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e3) return `${trim(value / 1e3)}k`;
  return formatNumber(value, { digits: 2 });
}
function trim(v: number): string {
  return String(Math.round(v * 10) / 10);
}
