/** Which stories concern a district, and which figures a story holds (read from its rendered HTML). */
import type { CollectionItem } from "./types.ts";

export function storiesAbout(stories: readonly CollectionItem[], slug: string): CollectionItem[] {
  return stories.filter((s) => s.data.districts === "all" || (Array.isArray(s.data.districts) && s.data.districts.includes(slug)));
}

/** Figures of a rendered story: id and title, from the markup our figure renderer writes. */
export function figuresIn(story: CollectionItem): { id: string; title: string }[] {
  const out: { id: string; title: string }[] = [];
  const re = /<figure class="figure[^"]*" id="([^"]+)"[^>]*>[\s\S]*?<h[23] class="figure__title"[^>]*>([\s\S]*?)<\/h[23]>/g;
  for (const m of story.content.matchAll(re)) out.push({ id: m[1]!, title: decode(m[2]!) });
  return out;
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
