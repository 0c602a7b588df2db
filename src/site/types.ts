/** The parts of Eleventy's data cascade our TypeScript templates read. */
export interface SiteData {
  title: string;
  title_ko: string;
  description: string;
  lang: string;
  url: string;
  author: string;
  nav: { href: string; label: string }[];
}

export interface StoryData {
  title: string;
  dek?: string;
  kicker?: string;
  byline?: string;
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
  page: { url: string; date: Date; fileSlug: string; inputPath: string };
  collections: { all: CollectionItem[]; story?: CollectionItem[] };
}

/** Stories, newest first (ties broken by URL so the order is stable). */
export function storiesNewestFirst(collections: PageData["collections"]): CollectionItem[] {
  return [...(collections.story ?? [])].sort((a, b) => b.date.getTime() - a.date.getTime() || a.url.localeCompare(b.url));
}
