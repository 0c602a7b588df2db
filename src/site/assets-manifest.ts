import type { Lang } from "../lib/i18n/index.ts";

/**
 * URLs of the built browser assets (hashed by esbuild), set by build-assets.ts before
 * Eleventy renders, read by layouts and figure renderers.
 */
const assets = new Map<string, string>();

export function setAssetUrls(entries: Record<string, string>): void {
  assets.clear();
  for (const [k, v] of Object.entries(entries)) assets.set(k, v);
}

/**
 * The built assets named by their content (esbuild's `[name]-[hash]`, the Hangul font files'
 * `-<8 hex>`): a new content gets a new name, so hosts may keep them a year
 * (security-headers.ts). Set by build-assets.ts; empty in the preview, whose names are stable.
 */
const contentNamed: string[] = [];

export function setContentNamedAssets(urls: string[]): void {
  contentNamed.splice(0, contentNamed.length, ...urls);
}

export function contentNamedAssets(): readonly string[] {
  return contentNamed;
}

/** A scrollytelling figure's markup (not its stills, data-scrolly-stills, on its embed page): its page loads the scrolly's CSS and code. */
export const SCROLLY_MARKER = / data-scrolly(?!-)/;

/**
 * Stylesheets of features only some pages have, and how a page shows it has one: a page
 * links `<feature>.css` when its HTML has the marker.
 */
export const FEATURE_STYLES = ["scrolly", "stills", "find", "districts", "search", "spec", "chart-kinds", "catalogue", "pages"] as const;
const FEATURE_MARKERS: Record<(typeof FEATURE_STYLES)[number], string | RegExp> = {
  scrolly: SCROLLY_MARKER,
  // A scrolly's stills, on its embed page (src/figures/furniture.ts).
  stills: " data-scrolly-stills",
  find: " data-find",
  // The home page's overview map, a district page's locator and summary.
  districts: ' class="district-',
  search: " data-search",
  // The style guide prints each figure's spec.
  spec: ' class="figure-spec"',
  // Line charts, timelines and progress bars (a page of bars and maps does without).
  "chart-kinds": / data-figure="(line|timeline|progress)"/,
  // The data catalogue and its dataset pages.
  catalogue: / class="(catalogue|revisions)/,
  // Pages other than stories (src/assets/pages.css).
  pages: / class="(page-head|story-list|sources|corrections)"/,
};

/** The features a piece of HTML shows it has (a figure's markup is looked at when it is drawn). */
export function featuresIn(html: string): string[] {
  const has = (m: string | RegExp) => (typeof m === "string" ? html.includes(m) : m.test(html));
  return FEATURE_STYLES.filter((f) => has(FEATURE_MARKERS[f]));
}

/**
 * The feature stylesheets a page's HTML needs; `more`: the features of what the page will
 * hold but does not yet (its figures, which the page writer fills in: page-writer.ts).
 */
export function featureStyles(content: string, more: Iterable<string> = []): string[] {
  const has = new Set([...featuresIn(content), ...more]);
  return FEATURE_STYLES.filter((f) => has.has(f)).map((f) => assetUrl(`${f}.css`));
}

export function assetUrl(name: string): string {
  const url = assets.get(name);
  if (!url) throw new Error(`asset "${name}" was not built (known: ${[...assets.keys()].join(", ") || "none"})`);
  return url;
}

export { PRETENDARD_OTF } from "./fonts.ts";

/** The Latin files (every page needs them; the layouts preload the regular one). */
export const FONT_FILES = { regular: "/assets/fonts/atlas-sans-400.woff2", bold: "/assets/fonts/atlas-sans-700.woff2" } as const;

/** What a page of one edition links: its script, its stylesheet (with the edition's @font-face rules), the search page's script, and the font to preload. */
export interface EditionAssets {
  main: string;
  css: string;
  search: string;
  fontPreload: string;
}

/** The browser assets of a page in `lang` (assets/main-<lang>, site-<lang>: each holds only its language's interface strings). */
export function assetsFor(lang: Lang): EditionAssets {
  return {
    main: assetUrl(`main.${lang}.js`),
    css: assetUrl(`site.${lang}.css`),
    search: assetUrl(`search.${lang}.js`),
    fontPreload: FONT_FILES.regular,
  };
}

/** The map labels' font: the Latin file; the browser adds the edition's other files (src/assets/map.ts, `mapFontFaces`). */
export function siteFonts(): { regular: string } {
  return { regular: FONT_FILES.regular };
}
