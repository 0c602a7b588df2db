/**
 * What a figure cites and which caveats it carries, from what it actually draws:
 * - rows shown: the sources named in their `source` column (a map of one metric of a
 *   sparse table cites that metric's source, not the table's twenty);
 * - fields shown: where the manifest gives a field its own sources (population from the
 *   census, office positions from geocodes), sources that belong only to other fields drop out;
 * - geometry only (boundaries under a table, the districts under points): the sources of the
 *   polygons, i.e. of their computed area, which comes from the boundary file alone.
 */
import type { DatasetInfo } from "../lib/manifest.ts";
import type { DatasetStore, Row } from "./datasets.ts";

export interface Cite {
  dataset: string;
  /** Rows the figure shows (default: all). */
  rows?: Row[];
  /** Fields whose values the figure shows. */
  fields?: string[];
  /** Only the dataset's shapes are drawn. */
  geometry?: boolean;
}

function rowSources(info: DatasetInfo, rows: Row[] | undefined): string[] {
  if (!rows || !info.fields.some((f) => f.name === "source")) return info.sources;
  const ids = new Set<string>();
  for (const r of rows) {
    const v = r.source;
    for (const id of Array.isArray(v) ? v : typeof v === "string" ? v.split(";") : []) if (id) ids.add(id);
  }
  return ids.size ? [...ids] : info.sources;
}

export function citeSources(info: DatasetInfo, cite: Cite): string[] {
  if (cite.geometry) return info.fields.find((f) => f.name === "area_km2")?.sources ?? info.sources;
  const shown = rowSources(info, cite.rows);
  const declared = new Set((cite.fields ?? []).flatMap((n) => info.fields.find((f) => f.name === n)?.sources ?? []));
  if (!declared.size) return shown;
  const ownedByFields = new Set(info.fields.flatMap((f) => f.sources ?? []));
  return shown.filter((s) => declared.has(s) || !ownedByFields.has(s));
}

/** Source ids of all cites, in the order of the bibliography. */
export function citedSources(store: DatasetStore, cites: Cite[]): string[] {
  const ids = new Set(cites.flatMap((c) => citeSources(store.info(c.dataset)!, c)));
  return [...store.sources().keys()].filter((id) => ids.has(id));
}

/** The caveats of every dataset whose values the figure shows (not of those it only draws the shapes of). */
export function citedCaveats(store: DatasetStore, cites: Cite[]): string[] {
  const names = [...new Set(cites.filter((c) => !c.geometry).map((c) => c.dataset))];
  return names.flatMap((n) => store.info(n)?.notes ?? []);
}
