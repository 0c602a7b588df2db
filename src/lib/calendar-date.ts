/**
 * A day written as YYYY-MM-DD that exists on the calendar and lies in the range the site
 * publishes: from 1 January 1900 to one year after today (Seoul's date). Used for story
 * dates and the corrections log; a story dated after today is scheduled, not published.
 */

/** The first day the site accepts. */
export const EARLIEST_DATE = "1900-01-01";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Today's date in Seoul, where the newsroom is, as YYYY-MM-DD. */
export function seoulToday(now = new Date()): string {
  // One formatter for every call: making one costs about 0.1 ms, and a build asks once per story.
  seoulDay ??= new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul", year: "numeric", month: "2-digit", day: "2-digit" });
  return seoulDay.format(now);
}
let seoulDay: Intl.DateTimeFormat | undefined;

/** The last day the site accepts: the same day one year after `today` (29 February becomes 28 February). */
export function latestDate(today: string): string {
  const [y, m, d] = today.split("-") as [string, string, string];
  return `${Number(y) + 1}-${m}-${m === "02" && d === "29" ? "28" : d}`;
}

/**
 * What is wrong with `value` as a date (a sentence to follow the quoted value), or
 * undefined when it is a real day between 1900 and one year after `today`.
 */
export function calendarDateProblem(value: string, today = seoulToday()): string | undefined {
  const m = DAY.exec(value);
  if (!m) return "is not a date written as YYYY-MM-DD";
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `is not a date: there is no month ${month}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `is not a date: ${MONTHS[month - 1]} ${year} has ${days} days`;
  if (value < EARLIEST_DATE) return `is before ${EARLIEST_DATE}`;
  const latest = latestDate(today);
  if (value > latest) return `is more than a year ahead (the latest date accepted today is ${latest})`;
  return undefined;
}
