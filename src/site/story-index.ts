/** Which stories concern a district. */
import type { CollectionItem } from "./types.ts";

export function storiesAbout(stories: readonly CollectionItem[], slug: string): CollectionItem[] {
  return stories.filter((s) => s.data.districts === "all" || (Array.isArray(s.data.districts) && s.data.districts.includes(slug)));
}
