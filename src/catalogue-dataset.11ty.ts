/** /data/<name>/: one dataset, its fields, first rows and revision log (src/site/catalogue.ts). */
import { dirname, resolve } from "node:path";
import type { Correction } from "./_data/corrections.ts";
import type { DatasetStore } from "./figures/datasets.ts";
import { type FigureUse, type PageRef, renderDataset } from "./site/catalogue.ts";

interface Data {
  datasets: DatasetStore;
  dataset: string;
}

export const data = {
  layout: "layouts/base.11ty.ts",
  pagination: { data: "datasetNames", size: 1, alias: "dataset" },
  permalink: (d: Data) => `/data/${d.dataset}/`,
  eleventyComputed: {
    title: (d: Data) => d.datasets.info(d.dataset)?.title ?? d.dataset,
    dek: (d: Data) => d.datasets.info(d.dataset)?.description ?? "",
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
  // The project's root: this template sits in its src/ folder.
  const root = dirname(dirname(resolve(d.page.inputPath)));
  return renderDataset(d.datasets, d.dataset, { root, figures: d.figures, pages: d.collections.all, corrections: d.corrections }, "en")
    .value;
}
