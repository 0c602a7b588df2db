/** /data/: the data catalogue, every dataset with its facts, downloads and uses (src/site/catalogue.ts). */
import type { DatasetStore } from "./figures/datasets.ts";
import { CATALOGUE } from "./lib/i18n/catalogue.ts";
import type { Lang } from "./lib/i18n/index.ts";
import { type FigureUse, type PageRef, renderCatalogue } from "./site/catalogue.ts";
import { localePath } from "./site/editions.ts";

export const data = {
  layout: "layouts/base.11ty.ts",
  permalink: (d: { lang: Lang }) => localePath(d.lang, "/data/"),
  eleventyComputed: {
    title: (d: { lang: Lang }) => CATALOGUE[d.lang].title,
    dek: (d: { lang: Lang }) => CATALOGUE[d.lang].dek,
  },
};

export function render(d: { datasets: DatasetStore; figures: FigureUse[]; collections: { all: PageRef[] }; lang: Lang }): string {
  return renderCatalogue(d.datasets, d.figures, d.collections.all, d.lang).value;
}
