/** /embed/<figure-id>/ for every figure of the site (the list comes from src/figures/site-figures.ts). */
import { raw } from "./lib/html.ts";

interface FigureEntry {
  id: string;
  title: string;
  html: string;
}

export const data = {
  layout: "layouts/embed.11ty.ts",
  pagination: { data: "figures", size: 1, alias: "figure", addAllPagesToCollections: false },
  permalink: (d: { figure: FigureEntry }) => `/embed/${d.figure.id}/`,
  eleventyComputed: { title: (d: { figure: FigureEntry }) => d.figure.title },
  eleventyExcludeFromCollections: true,
  // The figure is on its story's page already: keep the embed copy out of search.
  searchable: false,
};

export function render(d: { figure: FigureEntry }): string {
  // The figure's HTML was built (and its data escaped) by src/figures.
  return raw(d.figure.html).value;
}
