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
 * Stylesheets of features only some pages have, and how a page shows it has one: a page
 * links `<feature>.css` when its HTML has the marker.
 */
export const FEATURE_STYLES = ["scrolly", "find", "districts", "search", "spec"] as const;
const FEATURE_MARKERS: Record<(typeof FEATURE_STYLES)[number], string> = {
  scrolly: " data-scrolly",
  find: " data-find",
  // The home page's overview map, a district page's locator and summary.
  districts: ' class="district-',
  search: " data-search",
  // The style guide prints each figure's spec.
  spec: ' class="figure-spec"',
};

/** The features a piece of HTML shows it has (a figure's markup is looked at when it is drawn). */
export function featuresIn(html: string): string[] {
  return FEATURE_STYLES.filter((f) => html.includes(FEATURE_MARKERS[f]));
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

/** The typeface's full files (package paths), subset for the site and for share cards. */
export const PRETENDARD_OTF = {
  regular: "pretendard/dist/public/static/Pretendard-Regular.otf",
  bold: "pretendard/dist/public/static/Pretendard-Bold.otf",
} as const;

export const FONT_FILES = { regular: "/assets/fonts/atlas-sans-400.woff2", bold: "/assets/fonts/atlas-sans-700.woff2" } as const;

export function siteFonts(): { regular: string } {
  return { regular: FONT_FILES.regular };
}
