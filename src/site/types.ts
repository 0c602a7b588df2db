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

// Sorted once per collection: the home page, the feed and every district page ask for it.
const sorted = new WeakMap<CollectionItem[], readonly CollectionItem[]>();

/** Stories, newest first (ties broken by URL so the order is stable). */
export function storiesNewestFirst(collections: PageData["collections"]): readonly CollectionItem[] {
  const stories = collections.story ?? [];
  let list = sorted.get(stories);
  if (!list) {
    list = [...stories].sort((a, b) => b.date.getTime() - a.date.getTime() || a.url.localeCompare(b.url));
    sorted.set(stories, list);
  }
  return list;
}
