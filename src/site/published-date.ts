/** A story's date as pages show it: "5 January 2026", in Korean "2026년 1월 5일" (UTC, the date written in its front matter). */
import type { Lang } from "../lib/i18n/index.ts";

// One formatter per language for every page: toLocaleDateString builds a new one per call (slow on 1,000 stories).
const DATE_FORMAT: Record<Lang, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  ko: new Intl.DateTimeFormat("ko-KR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
};

export function publishedDate(date: Date, lang: Lang = "en"): string {
  return DATE_FORMAT[lang].format(date);
}
