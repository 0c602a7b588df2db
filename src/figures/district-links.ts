/**
 * Where an area of a map leads: a district to its page (/districts/<slug>/), a dong to its
 * district's page at the dong (/districts/<slug>/#dong-<code>, where the dong map and table
 * are). Only for the atlas's own boundary layers, and only when the site has district pages.
 */
import type { Lang } from "../lib/i18n/index.ts";
import { localePath } from "../site/editions.ts";
import type { DatasetStore } from "./datasets.ts";

type Properties = Record<string, unknown>;

/** `/districts/<slug>/` */
export function districtPage(slug: string): string {
  return `/districts/${slug}/`;
}

/** The anchor of a dong on its district's page. */
export function dongAnchor(code: string): string {
  return `dong-${code}`;
}

/** The id of an area's row in a table, an anchor links can point to (the dong: `dong-<code>`). */
export function areaAnchor(polygons: string, key: string): string | undefined {
  return polygons === "dong" ? dongAnchor(key) : undefined;
}

/**
 * The page each polygon of `polygons` leads to, by its properties, in the edition of `lang`
 * (a Korean map leads to /ko/districts/…); undefined when its areas have none.
 */
export function areaPages(store: DatasetStore, polygons: string, lang: Lang = "en"): ((p: Properties) => string | undefined) | undefined {
  if (!store.info("districts")) return undefined;
  const slugByCode = new Map(store.get("districts").rows.map((r) => [String(r.code), String(r.slug)]));
  const page = (slug: string) => localePath(lang, districtPage(slug));
  if (polygons === "districts") return (p) => (typeof p.slug === "string" ? page(p.slug) : undefined);
  if (polygons === "dong")
    return (p) => {
      const slug = slugByCode.get(String(p.gu_code));
      return slug ? `${page(slug)}#${dongAnchor(String(p.code))}` : undefined;
    };
  return undefined;
}
