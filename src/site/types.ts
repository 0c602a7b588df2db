import { DEFAULT_LANG, type Lang } from "../lib/i18n/index.ts";

/** The parts of Eleventy's data cascade our TypeScript templates read. */
export interface SiteData {
  title: string;
  title_ko: string;
  description: string;
  lang: string;
  url: string;
  author: string;
  /** Unused since the layout builds the navigation in each edition's language. */
  nav?: { href: string; label: string }[];
}

export interface StoryData {
  title: string;
  dek?: string;
  kicker?: string;
  byline?: string;
  /** The story's edition. */
  lang?: Lang;
  /** The key shared by a story and its translation (the English story's file name). */
  translation_key?: string;
  /** Slugs of the districts the story concerns (e.g. gwanak-gu), or "all". */
  districts?: string[] | "all";
}

export interface CollectionItem<D = StoryData> {
  url: string;
  date: Date;
  inputPath: string;
  fileSlug: string;
  data: D;
  /** Rendered HTML of the item (without layout). */
  content: string;
}

export interface PageData {
  site: SiteData;
  /** The page's edition (global data "en"; "ko" under src/ko/). */
  lang: Lang;
  page: { url: string; date: Date; fileSlug: string; inputPath: string };
  collections: { all: CollectionItem[]; story?: CollectionItem[] };
}

// Sorted once per collection: the home page, the feed and every district page ask for it.
const sorted = new WeakMap<CollectionItem[], Map<Lang, readonly CollectionItem[]>>();

/** Stories of one edition, newest first (ties broken by URL so the order is stable). */
export function storiesNewestFirst(collections: PageData["collections"], lang: Lang = DEFAULT_LANG): readonly CollectionItem[] {
  const stories = collections.story ?? [];
  let byLang = sorted.get(stories);
  if (!byLang) sorted.set(stories, (byLang = new Map()));
  let list = byLang.get(lang);
  if (!list) {
    list = stories
      .filter((s) => (s.data.lang ?? DEFAULT_LANG) === lang)
      .sort((a, b) => b.date.getTime() - a.date.getTime() || a.url.localeCompare(b.url));
    byLang.set(lang, list);
  }
  return list;
}
