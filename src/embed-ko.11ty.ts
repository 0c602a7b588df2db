/**
 * /ko/embed/<figure-id>/: every figure of the site drawn in Korean (its spec's `_ko` texts,
 * the data's Korean labels), whether or not its story has a Korean page yet; texts the spec
 * lacks in Korean are shown in English, marked `lang="en"` (and listed as build warnings).
 */
import { raw } from "./lib/html.ts";

interface FigureEntry {
  id: string;
  title: string;
  html: string;
}

interface SiteLike {
  lang?: string;
}

export const data = {
  layout: "layouts/embed.11ty.ts",
  lang: "ko",
  pagination: { data: "koFigures", size: 1, alias: "figure", addAllPagesToCollections: false },
  permalink: (d: { figure: FigureEntry }) => `/ko/embed/${d.figure.id}/`,
  eleventyComputed: {
    title: (d: { figure: FigureEntry }) => d.figure.title,
    // The layout writes <html lang> from the site's language: this page's is Korean.
    site: (d: { site: SiteLike }) => ({ ...d.site, lang: "ko" }),
  },
  eleventyExcludeFromCollections: true,
  searchable: false,
};

export function render(d: { figure: FigureEntry }): string {
  // The figure's HTML was built (and its data escaped) by src/figures.
  return raw(d.figure.html).value;
}
