/**
 * Numbers as Korean newsrooms write them, both ways.
 *
 * Writing: counts keep their digits and comma groups ("3,100명", never Intl's compact
 * "3.1천"); money takes the large units 조/억 and, below them, 만, with the leading number
 * grouped by hand ("1,400억 원", "8억 2,400만 원", "5,000만 원"), because
 * `Intl.NumberFormat("ko-KR", { notation: "compact" })` prints "1400억" without a separator.
 *
 * Reading: the story-number check reads every number a Korean story's prose gives, in the
 * forms the sources use — "1,400억 원", "1400억원", "1천400억원", "8억2400만 원",
 * "7만3000㎡", "3,100명", "46개", "40%" — as plain values. A number it cannot read for
 * certain (comma groups that are not groups of three, units out of order or repeated, a
 * fraction before 천/백/십) is returned as malformed, so the check fails instead of guessing.
 */

const BIG: Record<string, number> = { 조: 1e12, 억: 1e8, 만: 1e4 };
const SMALL: Record<string, number> = { 천: 1e3, 백: 1e2, 십: 10 };

const grouping = new Intl.NumberFormat("ko-KR", { maximumFractionDigits: 2 });

/** Units that stand for a power of ten, as English tables write them in Korean ("십억 원" for "billion KRW"). */
const SCALED: Record<string, number> = { 천: 1e3, 백만: 1e6, 십억: 1e9, 조: 1e12 };
const SCALED_UNIT = new RegExp(`^(${Object.keys(SCALED).join("|")})\\s*(.*)$`);

/**
 * An amount given in a scaled unit, as Korean news writes it: (6, "십억 원") → "60억 원",
 * (50, "백만 원") → "5,000만 원", (1.92, "백만 ㎡") → "192만㎡", (3.3, "십억 달러") → "33억 달러",
 * (960, "천 t CO₂eq") → "96만 t CO₂eq". Undefined when the unit is not scaled, or the amount
 * is not a whole number once scaled (it is then left as the source gives it).
 */
export function scaledAmountKo(value: number, unit: string): string | undefined {
  const m = SCALED_UNIT.exec(unit);
  if (!m) return undefined;
  const whole = Math.round(value * SCALED[m[1]!]! * 1e6) / 1e6;
  if (!Number.isInteger(whole) || Math.abs(whole) < 1e4) return undefined;
  const { text, rest } = inLargeUnits(whole);
  const after = m[2]!;
  // A symbol follows at once ("192만㎡"); a word after a large unit takes a space ("60억 원").
  const glue = rest > 0 || /^[%㎡㎢]/.test(after) ? "" : " ";
  return `${text}${after ? `${glue}${after}` : ""}`;
}

/** A whole number in 조/억/만 ("8억 2,400만"), and what is left below 만 (written in digits at its end). */
function inLargeUnits(whole: number): { text: string; rest: number } {
  const sign = whole < 0 ? "−" : "";
  let rest = Math.abs(whole);
  const parts: string[] = [];
  for (const [big, size] of Object.entries(BIG)) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${groupKo(n)}${big}`);
    rest -= n * size;
  }
  if (rest > 0) parts.push(groupKo(rest));
  return { text: `${sign}${parts.join(" ")}`, rest };
}

/** 3100 → "3,100"; 12.5 → "12.5". */
export function groupKo(n: number): string {
  return grouping.format(n);
}

/**
 * An amount of won in 조/억/만: 140e9 → "1,400억 원", 824e6 → "8억 2,400만 원",
 * 14e12 → "14조 원", 50e6 → "5,000만 원", 9000 → "9,000원". Parts below the smallest unit
 * shown are dropped only when they are zero; otherwise the amount keeps them.
 */
export function formatWonKo(won: number): string {
  if (!Number.isFinite(won)) return "";
  const rounded = Math.round(won);
  if (Math.abs(rounded) < 1e4) return `${rounded < 0 ? "−" : ""}${groupKo(Math.abs(rounded))}원`;
  const { text, rest } = inLargeUnits(rounded);
  return `${text}${rest > 0 ? "원" : " 원"}`;
}

export interface KoreanNumber {
  /** The text as written, e.g. "1천400억". */
  text: string;
  /** Offset of the text in the string searched. */
  index: number;
  /** Its value, or null when it is malformed (see the module comment). */
  value: number | null;
}

/** A number as written: digits with optional comma groups and decimals. */
const NUMBER = /\d+(?:,\d+)*(?:\.\d+)?/y;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;

/**
 * Every number in a Korean text, with its value: a run of digits joined by the units
 * 조/억/만 (each at most once, largest first) and 천/백/십 inside them ("1천400억"), with one
 * space allowed between the parts of one amount ("8억 2,400만", "1억 2천만").
 */
export function koreanNumbers(text: string): KoreanNumber[] {
  const out: KoreanNumber[] = [];
  let i = 0;
  while (i < text.length) {
    if (!/\d/.test(text[i]!)) {
      i++;
      continue;
    }
    const first = readAmount(text, i);
    let { end, value, ok } = first;
    let lastBig = first.lastBig;
    // "8억 2,400만", "4,944만 5,000톤": a space, then an amount smaller than the last unit
    // (with a smaller unit of its own, or none) continues it — unless it is a date or a time
    // ("60억 2023년").
    while (lastBig !== undefined && text[end] === " " && /\d/.test(text[end + 1] ?? "")) {
      const next = readAmount(text, end + 1);
      const continues =
        next.firstBig === undefined ? next.value < lastBig && !/^[년월일시분초]/.test(text.slice(next.end)) : next.firstBig < lastBig;
      if (!continues) break;
      value += next.value;
      ok &&= next.ok;
      end = next.end;
      lastBig = next.lastBig;
    }
    out.push({ text: text.slice(i, end), index: i, value: ok ? round(value) : null });
    i = end;
  }
  return out;
}

interface Amount {
  end: number;
  value: number;
  ok: boolean;
  /** The largest and smallest of 조/억/만 used, when any is. */
  firstBig?: number;
  lastBig?: number;
}

/** Reads digits and units from `start` with no space inside: "1천400억", "8억2400만", "3,100". */
function readAmount(text: string, start: number): Amount {
  let i = start;
  let total = 0;
  let group = 0; // the number being built below the current big unit
  let ok = true;
  let firstBig: number | undefined;
  let lastBig: number | undefined;
  for (;;) {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) break;
    if (!GROUPED.test(m[0])) ok = false;
    let n = Number(m[0].replace(/,/g, ""));
    i += m[0].length;
    const small = SMALL[text[i] ?? ""];
    if (small !== undefined) {
      if (m[0].includes(".")) ok = false; // "3.1천": no newsroom writes it
      n *= small;
      i++;
    }
    group += n;
    const big = BIG[text[i] ?? ""];
    if (big !== undefined) {
      if (lastBig !== undefined && big >= lastBig) ok = false; // "5만3억", "3억2억": out of order or repeated
      firstBig ??= big;
      lastBig = big;
      total += group * big;
      group = 0;
      i++;
    }
    // Digits right after a unit belong to the same amount ("1천400억", "7만3000").
    if (!(small !== undefined || big !== undefined) || !/\d/.test(text[i] ?? "")) break;
  }
  return { end: i, value: total + group, ok, firstBig, lastBig };
}

/** Float noise from decimals times units (1.4 × 1e12) is not a different number. */
function round(v: number): number {
  return Number(v.toPrecision(12));
}
