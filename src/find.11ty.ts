/** /find/places.json: every district and dong, for "Find your neighbourhood" (src/site/places.ts). */
import type { DatasetStore } from "./figures/datasets.ts";
import { PLACES_URL, placesOf } from "./site/places.ts";

export const data = { permalink: PLACES_URL, eleventyExcludeFromCollections: true };

export function render(d: { datasets: DatasetStore }): string {
  return JSON.stringify(placesOf(d.datasets));
}
