/** /data/<name>/: one dataset, its fields, first rows and revision log (src/site/catalogue.ts). */
import { basename, dirname, resolve } from "node:path";
import type { Correction } from "./_data/corrections.ts";
import type { DatasetStore } from "./figures/datasets.ts";
import type { Lang } from "./lib/i18n/index.ts";
import { type FigureUse, type PageRef, renderDataset } from "./site/catalogue.ts";
import { localePath } from "./site/editions.ts";

interface Data {
  datasets: DatasetStore;
  dataset: string;
  lang: Lang;
}

const ko = (d: Data) => (d.lang === "ko" ? d.datasets.info(d.dataset) : undefined);

export const data = {
  layout: "layouts/base.11ty.ts",
  pagination: { data: "datasetNames", size: 1, alias: "dataset" },
  permalink: (d: Data) => localePath(d.lang, `/data/${d.dataset}/`),
  eleventyComputed: {
    title: (d: Data) => ko(d)?.title_ko ?? d.datasets.info(d.dataset)?.title ?? d.dataset,
    dek: (d: Data) => ko(d)?.description_ko ?? d.datasets.info(d.dataset)?.description ?? "",
  },
};

export function render(
  d: Data & {
    figures: FigureUse[];
    collections: { all: PageRef[] };
    corrections: Correction[];
    page: { inputPath: string };
  },
): string {
  // The project's root: this template sits in its src/ folder (the Korean edition's in src/ko/).
  const folder = dirname(resolve(d.page.inputPath));
  const root = dirname(d.lang === "ko" && basename(folder) === "ko" ? dirname(folder) : folder);
  return renderDataset(d.datasets, d.dataset, { root, figures: d.figures, pages: d.collections.all, corrections: d.corrections }, d.lang)
    .value;
}
