/**
 * /maps/<figure-id>.json: each map figure's interactive configuration, fetched when the
 * reader asks for the map; /ko/maps/<figure-id>.json for its Korean drawing.
 */

import { mapFileUrl } from "./figures/map-files.ts";
import type { MapFigureConfig } from "./lib/map-style.ts";

interface MapEntry {
  id: string;
  map: MapFigureConfig;
  /** The file's address (default /maps/<id>.json). */
  url?: string;
}

export const data = {
  pagination: { data: "mapFigures", size: 1, alias: "figure", addAllPagesToCollections: false },
  permalink: (d: { figure: MapEntry }) => d.figure.url ?? mapFileUrl(d.figure.id),
  eleventyExcludeFromCollections: true,
};

export function render(d: { figure: MapEntry }): string {
  return JSON.stringify(d.figure.map);
}
