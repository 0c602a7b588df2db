/**
 * A district page's map of its neighbourhoods: the district's dong (the 423-dong layer,
 * filtered to the district) as a figure like any other — SVG at build time, labelled in
 * English and Korean, shaded by area, with the points of every point dataset that lie
 * inside the district, and the table of its dong (each row an anchor, `#dong-<code>`, that
 * the dong on the map and the neighbourhood finder link to). Rendered once per district
 * and build, for the page and for the map's interactive configuration (/maps/<id>.json).
 */
import { stringify } from "yaml";
import { type ContentCache, contentKey } from "../../scripts/lib/content-cache.ts";
import type { DatasetStore, Row } from "../figures/datasets.ts";
import { figureCodeVersion } from "../figures/figure-cache.ts";
import { type RenderedFigure, renderFigure } from "../figures/render.ts";
import { raw } from "../lib/html.ts";
import { DONG_MAP_STRINGS } from "../lib/i18n/dong-map.ts";
import { DEFAULT_LANG, fill, type Lang } from "../lib/i18n/index.ts";

/** Where problems in this figure are reported: it is built here, not in a story. */
const FILE = "src/site/district-dong-map.ts";

const cache = new WeakMap<object, Map<string, RenderedFigure | undefined>>();

/** Where drawn dong maps are kept between builds (.cache/dong-maps/), by the code, the spec and every dataset's digest. */
let kept: ContentCache | undefined;
export function keepDongMaps(store: ContentCache | undefined): void {
  kept = store;
}

/** The figure drawn by `draw`, or read from `kept` when the code, the spec and every dataset are as they were. */
function drawnOnce(body: string, lang: Lang, store: DatasetStore, draw: () => RenderedFigure): RenderedFigure {
  if (!kept) return draw();
  // A dong map reads the dong layer, the districts and every point dataset: any dataset's change draws it again.
  const key = contentKey(
    "dong-map",
    figureCodeVersion(),
    body,
    lang,
    store.sourcesDigest(),
    ...store.names().flatMap((n) => [n, store.digest(n)]),
  );
  const text = kept.readText(key, ".json");
  if (text !== undefined) {
    const f = JSON.parse(text) as Omit<RenderedFigure, "html" | "embedHtml"> & { html: string; embedHtml: string };
    return { ...f, html: raw(f.html), embedHtml: raw(f.embedHtml) };
  }
  const figure = draw();
  kept.writeSync(key, ".json", JSON.stringify({ ...figure, html: figure.html.value, embedHtml: figure.embedHtml.value }));
  return figure;
}

/** The dong of a district as rows of the dong dataset. */
export function dongOf(store: DatasetStore, district: Row): Row[] {
  return store.info("dong") ? store.get("dong").rows.filter((r) => String(r.gu_code) === String(district.code)) : [];
}

/** The figure's id: `district-<slug>-dong`. */
export function dongFigureId(district: Row): string {
  return `district-${district.slug}-dong`;
}

export function dongFigure(store: DatasetStore, district: Row, lang: Lang = DEFAULT_LANG): RenderedFigure | undefined {
  if (!store.info("dong")) return undefined;
  // Keyed by the loaded dong dataset: a new build (or new data) loads it again.
  const key = store.get("dong");
  let byDistrict = cache.get(key);
  if (!byDistrict) cache.set(key, (byDistrict = new Map()));
  const slug = `${lang}:${district.slug}`;
  if (byDistrict.has(slug)) return byDistrict.get(slug);
  const dong = dongOf(store, district);
  const t = DONG_MAP_STRINGS[lang];
  const name = String(lang === "ko" ? district.name_ko : district.name_en);
  const body = stringify({
    kind: "choropleth",
    id: dongFigureId(district),
    dataset: "dong",
    where: { gu_code: String(district.code) },
    value: "area_km2",
    method: "quantile",
    classes: Math.min(4, dong.length),
    palette: "greens",
    labels: "both",
    points: store.names().filter((n) => store.info(n)!.kind === "points"),
    title: fill(t.title, { n: dong.length, district: name }),
    subtitle: t.subtitle,
  });
  const figure = dong.length
    ? drawnOnce(body, lang, store, () =>
        renderFigure(
          {
            body,
            file: FILE,
            fenceLine: 1,
            pageSlug: String(district.slug),
            index: 1,
            lang,
            // The title and subtitle above are written in the page's language.
            textLang: lang,
          },
          store,
          { embeddable: false },
        ),
      )
    : undefined;
  byDistrict.set(slug, figure);
  return figure;
}

/** Every district's dong map in one language (for the interactive maps' configuration files). */
export function dongFigures(store: DatasetStore, lang: Lang = DEFAULT_LANG): RenderedFigure[] {
  if (!store.info("districts")) return [];
  return store
    .get("districts")
    .rows.map((d) => dongFigure(store, d, lang))
    .filter((f): f is RenderedFigure => f !== undefined);
}
