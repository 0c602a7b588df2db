/** A story's date as pages show it: "5 January 2026" (UTC, the date written in its front matter). */
// One formatter for every page: toLocaleDateString builds a new one per call (slow on 1,000 stories).
const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function publishedDate(date: Date): string {
  return DATE_FORMAT.format(date);
}
