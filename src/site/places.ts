/**
 * The list "Find your neighbourhood" searches: every district and every dong, with its
 * names from the data and the page choosing it leads to. Written once per build to
 * /find/places.json (src/find.11ty.ts), fetched by the page only when the reader focuses
 * the search box.
 */
import type { DatasetStore } from "../figures/datasets.ts";
import { districtPage, dongAnchor } from "../figures/district-links.ts";
import type { Place } from "../lib/place-search.ts";

/** Where the list is published. */
export const PLACES_URL = "/find/places.json";

export function placesOf(store: DatasetStore): Place[] {
  if (!store.info("districts")) return [];
  const districts = store.get("districts").rows;
  const byCode = new Map(districts.map((d) => [String(d.code), d]));
  const gu: Place[] = districts.map((d) => ({
    t: "gu",
    en: String(d.name_en),
    ko: String(d.name_ko),
    gu: String(d.slug),
    href: districtPage(String(d.slug)),
  }));
  const dong: Place[] = store.info("dong")
    ? store.get("dong").rows.flatMap((r) => {
        const d = byCode.get(String(r.gu_code));
        if (!d) return [];
        return [
          {
            t: "dong" as const,
            en: String(r.name_en),
            ko: String(r.name_ko),
            gu: String(d.slug),
            guEn: String(d.name_en),
            guKo: String(d.name_ko),
            href: `${districtPage(String(d.slug))}#${dongAnchor(String(r.code))}`,
          },
        ];
      })
    : [];
  return [...gu, ...dong];
}
