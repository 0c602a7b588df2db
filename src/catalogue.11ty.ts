/** /data/: the data catalogue, every dataset with its facts, downloads and uses (src/site/catalogue.ts). */
import type { DatasetStore } from "./figures/datasets.ts";
import { CATALOGUE } from "./lib/i18n/catalogue.ts";
import { type FigureUse, type PageRef, renderCatalogue } from "./site/catalogue.ts";

export const data = {
  layout: "layouts/base.11ty.ts",
  title: CATALOGUE.en.title,
  dek: CATALOGUE.en.dek,
  permalink: "/data/",
};

export function render(d: { datasets: DatasetStore; figures: FigureUse[]; collections: { all: PageRef[] } }): string {
  return renderCatalogue(d.datasets, d.figures, d.collections.all, "en").value;
}
