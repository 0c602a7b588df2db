/**
 * Dates as the data gives them: a year ("2023"), a month ("2023-03") or a day
 * ("2023-03-15"). Each keeps its precision when shown ("March 2023", never an invented
 * "1 March 2023") and has a position on a time axis in fractional years.
 */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function parsePartialDate(value: unknown): PartialDate | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value > 999 && value < 10000) return { year: value };
  if (typeof value !== "string") return undefined;
  const m = PATTERN.exec(value.trim());
  if (!m) return undefined;
  const d: PartialDate = { year: Number(m[1]) };
  if (m[2]) {
    d.month = Number(m[2]);
    if (d.month < 1 || d.month > 12) return undefined;
  }
  if (m[3]) {
    d.day = Number(m[3]);
    const last = new Date(Date.UTC(d.year, d.month!, 0)).getUTCDate();
    if (d.day < 1 || d.day > last) return undefined;
  }
  return d;
}

/**
 * Position on a time axis in years: a year sits at its start (2023 → 2023), a month at its
 * start (2023-07 → 2023.5), a day at its start. Years used as x values then fall on ticks.
 */
export function datePosition(d: PartialDate): number {
  const start = Date.UTC(d.year, 0, 1);
  const next = Date.UTC(d.year + 1, 0, 1);
  const at = Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1);
  return d.year + (at - start) / (next - start);
}

/**
 * Middle of the period a date names (2023 → mid-2023, 2023-03 → mid-March): the order of
 * milestones of different precision ("2023" sorts between March and December 2023).
 */
export function dateMidpoint(d: PartialDate): number {
  const start = datePosition(d);
  const end =
    d.month === undefined
      ? d.year + 1
      : d.day === undefined
        ? datePosition(d.month === 12 ? { year: d.year + 1, month: 1 } : { year: d.year, month: d.month + 1 })
        : start + 1 / 365;
  return (start + end) / 2;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2023", "March 2023", "15 March 2023"; in Korean "2023년", "2023년 3월", "2023년 3월 15일". */
export function formatPartialDate(d: PartialDate, lang: "en" | "ko" = "en"): string {
  if (lang === "ko") return `${d.year}년${d.month === undefined ? "" : ` ${d.month}월`}${d.day === undefined ? "" : ` ${d.day}일`}`;
  if (d.month === undefined) return String(d.year);
  const month = MONTHS[d.month - 1]!;
  return d.day === undefined ? `${month} ${d.year}` : `${d.day} ${month} ${d.year}`;
}
