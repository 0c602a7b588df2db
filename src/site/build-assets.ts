/**
 * Browser assets, built before Eleventy renders:
 * - the site font (Pretendard, OFL) cut to the characters the site uses, per edition
 *   (src/site/fonts.ts);
 * - for each language, src/assets/main.ts → assets/main-<lang>-[hash].js (ES module; MapLibre
 *   and the map code are split into chunks that load only when a map nears the viewport),
 *   holding only that language's interface strings (`strings(en, ko)` groups cut to one
 *   language as the code is bundled), and src/assets/site.css with the edition's
 *   @font-face rules → assets/site-<lang>-[hash].css; a layout takes them from
 *   `assetsFor(lang)` (assets-manifest.ts);
 * - src/assets/embed.ts → assets/embed.js (no hash: other sites load it from embed codes);
 * - MapLibre's worker and CSS copied beside the chunks (MapLibre 6 finds its worker
 *   through import.meta.url of the chunk that contains it).
 *
 * The bundles are kept in the content-addressed cache (.cache/assets/): an unchanged site
 * copies them instead of bundling MapLibre again. The preview keeps esbuild's contexts
 * alive between saves instead (`PreviewAssets`).
 */
import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { writeFileAtomic } from "../../scripts/lib/atomic.ts";
import { contentKey } from "../../scripts/lib/content-cache.ts";
import { writeJsonAtomicSync } from "../../scripts/lib/json-pieces.ts";
import { LANGS, type Lang } from "../lib/i18n/index.ts";
import { contentNamedAssets, FEATURE_STYLES, setAssetUrls, setContentNamedAssets } from "./assets-manifest.ts";
import {
  buildFonts,
  copyWholeFonts,
  type FontManifest,
  fontFaceCss,
  fontManifest,
  previewFallbackFaces,
  setFontManifest,
} from "./fonts.ts";
import { oneLanguage } from "./i18n-split.ts";

const require = createRequire(import.meta.url);

export interface AssetOptions {
  root: string;
  /** The site output folder; assets go to <outDir>/assets. */
  outDir: string;
  /** Generated data folder (its text feeds the font subset). */
  generatedDir?: string;
  minify?: boolean;
}

/** Modules the chart renderers share (redrawn in the browser), and the modules whose imports of them are gathered. */
const CHART_COMMON = ["src/lib/svg.ts", "src/lib/text-fit.ts", "src/lib/format.ts", "src/lib/charts/marks.ts", "src/lib/charts/scale.ts"];
const CHART_CODE = /[\\/]src[\\/](lib[\\/]charts[\\/](bar|line|timeline|progress)|assets[\\/]svg-dom)\.ts$/;

/** Lazy modules (by file) and the small stateless modules main has that each gets a copy of. */
const LAZY_COPIES: Record<string, string[]> = {
  "src/assets/map.ts": ["src/assets/tooltip.ts", "src/assets/navigate.ts"],
  "src/assets/find.ts": ["src/lib/i18n/index.ts"],
};

/**
 * Bundling for one language: interface strings of the other language left out, and the
 * site stylesheet with the edition's @font-face rules (`atlas:site-css`; in the preview,
 * after the whole fonts that draw what a save adds: fonts.ts, previewFallbackFaces).
 */
function languagePlugin(root: string, lang: Lang, fonts: FontManifest, preview: boolean): esbuild.Plugin {
  return {
    name: `atlas-${lang}`,
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]lib[\\/]i18n[\\/][^\\/]+\.ts$/ }, async (args) => ({
        contents: oneLanguage(await readFile(args.path, "utf8"), lang),
        loader: "ts",
      }));
      // The chart renderers' shared code in one chunk: the redraw of a chart fetches three
      // files (redraw, this, the chart kind's renderer) instead of six small ones.
      build.onResolve({ filter: /^\.\.?\/.*\.ts$/ }, (args) => {
        if (!CHART_CODE.test(args.importer)) return undefined;
        const path = resolve(args.resolveDir, args.path);
        return CHART_COMMON.some((f) => resolve(root, f) === path) ? { path: "chart-common", namespace: "atlas" } : undefined;
      });
      build.onLoad({ filter: /^chart-common$/, namespace: "atlas" }, () => ({
        contents: CHART_COMMON.map((f) => `export * from ${JSON.stringify(`./${f}`)};`).join("\n"),
        loader: "ts",
        resolveDir: root,
      }));
      // Small stateless modules that lazy code shares with main get a copy of their own in the
      // lazy chunk, so main is one file rather than main and two shared chunks of a few hundred bytes.
      build.onResolve({ filter: /^\.\.?\/.*\.ts$/ }, (args) => {
        const copies = Object.entries(LAZY_COPIES).find(([importer]) => args.importer === resolve(root, importer))?.[1];
        const path = resolve(args.resolveDir, args.path);
        return copies?.some((f) => resolve(root, f) === path)
          ? { path, namespace: `copy-${relative(root, args.importer).replace(/\W+/g, "-")}` }
          : undefined;
      });
      build.onLoad({ filter: /\.ts$/ }, async (args) =>
        args.namespace.startsWith("copy-")
          ? { contents: await readFile(args.path, "utf8"), loader: "ts", resolveDir: dirname(args.path) }
          : undefined,
      );
      build.onResolve({ filter: /^atlas:site-css$/ }, () => ({ path: "site-css", namespace: "atlas" }));
      build.onLoad({ filter: /^site-css$/, namespace: "atlas" }, () => ({
        contents: `@import "./src/assets/site.css";\n${fontFaceCss([...(preview ? previewFallbackFaces() : []), ...fonts.faces[lang]])}\n`,
        loader: "css",
        resolveDir: root,
      }));
    },
  };
}

/** One edition's bundles (main, search, CSS); `stable`: file names without a content hash (the preview). */
function siteBundle(
  root: string,
  assetsDir: string,
  minify: boolean,
  stable: boolean,
  lang: Lang,
  fonts: FontManifest,
): esbuild.BuildOptions & { metafile: true } {
  return {
    absWorkingDir: root,
    entryPoints: {
      [`main-${lang}`]: "src/assets/main.ts",
      [`search-${lang}`]: "src/assets/search.ts",
      [`site-${lang}`]: "atlas:site-css",
      // Stylesheets of features only some pages have (the layout links them where needed), language-free.
      ...(lang === "en" ? Object.fromEntries(FEATURE_STYLES.map((f) => [`${f}-style`, `src/assets/${f}.css`])) : {}),
    },
    outdir: assetsDir,
    bundle: true,
    splitting: true,
    format: "esm",
    target: ["es2022"],
    minify,
    sourcemap: false,
    // Hangul as UTF-8 (3 bytes), not \uXXXX escapes (6); pages and scripts are served as UTF-8.
    charset: "utf8",
    // Code only the preview runs (src/assets/main.ts: a figure the preview replaced in place is made live).
    define: { ATLAS_PREVIEW: String(stable) },
    entryNames: stable ? "[name]" : "[name]-[hash]",
    chunkNames: "[name]-[hash]",
    assetNames: "[name]-[hash]",
    metafile: true,
    legalComments: "none",
    logLevel: "silent",
    external: ["/assets/fonts/*"],
    plugins: [languagePlugin(root, lang, fonts, stable)],
  };
}

/** The embed code's script runs on other sites as a classic script, at an address that never changes (copied embed codes keep working after a rebuild). */
function embedBundle(root: string, assetsDir: string, minify: boolean): esbuild.BuildOptions & { metafile: true } {
  return {
    absWorkingDir: root,
    entryPoints: ["src/assets/embed.ts"],
    outfile: join(assetsDir, "embed.js"),
    bundle: true,
    format: "iife",
    target: ["es2020"],
    minify,
    legalComments: "none",
    logLevel: "silent",
    metafile: true,
  };
}

/** The URLs layouts ask for (assetUrl, assetsFor), from one edition's metafile. */
function entryUrls(result: esbuild.Metafile, root: string, outDir: string, lang: Lang, urls: Record<string, string>): void {
  for (const [file, out] of Object.entries(result.outputs)) {
    const url = `/${relative(outDir, join(root, file)).split("\\").join("/")}`;
    if (out.entryPoint === "src/assets/main.ts") urls[`main.${lang}.js`] = url;
    if (out.entryPoint === "src/assets/search.ts") urls[`search.${lang}.js`] = url;
    if (out.entryPoint === "atlas:site-css") urls[`site.${lang}.css`] = url;
    for (const feature of FEATURE_STYLES) if (out.entryPoint === `src/assets/${feature}.css`) urls[`${feature}.css`] = url;
  }
}

/** The names layouts used before the editions: the English edition's. */
function withDefaults(urls: Record<string, string>): Record<string, string> {
  urls["main.js"] = urls["main.en.js"]!;
  urls["search.js"] = urls["search.en.js"]!;
  urls["site.css"] = urls["site.en.css"]!;
  return urls;
}

/** The site's rules for the open map (appended to MapLibre's CSS). */
const MAP_OPEN_CSS = fileURLToPath(new URL("../assets/map-open.css", import.meta.url));

/**
 * MapLibre's worker and CSS, copied beside the chunks (MapLibre 6 finds its worker through
 * import.meta.url). The CSS is followed by the site's rules for the open map
 * (src/assets/map-open.css), which no page needs before a reader opens a map.
 */
async function copyMapLibre(assetsDir: string): Promise<void> {
  const maplibreDist = join(dirname(require.resolve("maplibre-gl/package.json")), "dist");
  await copyFile(join(maplibreDist, "maplibre-gl-worker.mjs"), join(assetsDir, "maplibre-gl-worker.mjs"));
  const css = await Promise.all([join(maplibreDist, "maplibre-gl.css"), MAP_OPEN_CSS].map((f) => readFile(f, "utf8")));
  await writeFile(join(assetsDir, "maplibre-gl.css"), `${css.join("\n")}`);
}

interface AssetEntry {
  urls: Record<string, string>;
  /** Output files, relative to the assets folder. */
  files: string[];
}

/**
 * The bundles from the content-addressed cache (.cache/assets/<key>/), named by esbuild's
 * version, the options, the fonts' @font-face rules and the content of every file the last
 * bundle read (its metafile's inputs, kept in trace.json): an unchanged site copies the
 * files instead of bundling MapLibre again.
 */
async function cachedBundles(
  root: string,
  assetsDir: string,
  outDir: string,
  minify: boolean,
  fonts: FontManifest,
): Promise<Record<string, string>> {
  const cacheDir = join(root, ".cache", "assets");
  const tracePath = join(cacheDir, "trace.json");
  const keyOf = (inputs: string[]) =>
    contentKey(
      "assets",
      esbuild.version,
      String(minify),
      JSON.stringify(LANGS.map((lang) => fontFaceCss(fonts.faces[lang]))),
      ...inputs.flatMap((file) => [file, existsSync(join(root, file)) ? readFileSync(join(root, file)) : "missing"]),
    ).slice(0, 32);
  if (existsSync(tracePath)) {
    const inputs = JSON.parse(await readFile(tracePath, "utf8")) as string[];
    const entryDir = join(cacheDir, keyOf(inputs));
    if (existsSync(join(entryDir, "entry.json"))) {
      const entry = JSON.parse(await readFile(join(entryDir, "entry.json"), "utf8")) as AssetEntry;
      for (const file of entry.files) {
        await mkdir(dirname(join(assetsDir, file)), { recursive: true });
        await copyFile(join(entryDir, file), join(assetsDir, file));
      }
      return entry.urls;
    }
  }
  const results = await Promise.all([
    ...LANGS.map((lang) => esbuild.build(siteBundle(root, assetsDir, minify, false, lang, fonts))),
    esbuild.build(embedBundle(root, assetsDir, minify)),
  ]);
  const urls: Record<string, string> = {};
  for (const [i, lang] of LANGS.entries()) entryUrls(results[i]!.metafile, root, outDir, lang, urls);
  withDefaults(urls);
  const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)))].sort();
  const files = [...new Set(results.flatMap((r) => Object.keys(r.metafile.outputs)))].map((f) => relative(assetsDir, join(root, f)));
  const entryDir = join(cacheDir, keyOf(inputs));
  const staging = `${entryDir}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  for (const file of files) {
    await mkdir(dirname(join(staging, file)), { recursive: true });
    await copyFile(join(assetsDir, file), join(staging, file));
  }
  await writeFile(join(staging, "entry.json"), JSON.stringify({ urls, files } satisfies AssetEntry));
  await rm(entryDir, { recursive: true, force: true });
  await rename(staging, entryDir);
  await writeFileAtomic(tracePath, JSON.stringify(inputs));
  return urls;
}

/** Build the browser assets into <outDir>/assets (the fonts first: each edition's stylesheet holds their @font-face rules); returns their URLs. */
export async function buildAssets(options: AssetOptions): Promise<Record<string, string>> {
  const { root, outDir } = options;
  const assetsDir = join(outDir, "assets");
  await mkdir(assetsDir, { recursive: true });
  const [fonts] = await Promise.all([buildFonts(root, outDir, options.generatedDir ?? join(root, "generated")), copyMapLibre(assetsDir)]);
  const urls = await cachedBundles(root, assetsDir, outDir, options.minify ?? true, fonts);
  setAssetUrls(urls);
  setContentNamedAssets(
    (await readdir(assetsDir, { recursive: true }))
      .map((file) => file.split("\\").join("/"))
      .filter((file) => CONTENT_NAMED.test(file))
      .map((file) => `/assets/${file}`)
      .sort(),
  );
  return urls;
}

/**
 * What the assets step leaves for the later shards of a build in shards (scripts/lib/shards.ts)
 * in `file`: the names of the files it wrote into the output they share.
 */
interface BuiltAssets {
  urls: Record<string, string>;
  contentNamed: string[];
  fonts: FontManifest;
}

/**
 * The assets of one shard of a build in shards: the first builds them (and with the fonts,
 * reads every story for their characters) and leaves their names in `file`; a later shard
 * takes those names, as its output already holds the files. A shard whose output lacks any
 * of them (one on a machine of its own) builds them itself.
 */
export async function shardAssets(options: AssetOptions, file: string): Promise<void> {
  const built = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as BuiltAssets) : undefined;
  const there = (url: string) => existsSync(join(options.outDir, url));
  if (built && Object.values(built.urls).every(there) && built.contentNamed.every(there)) {
    setAssetUrls(built.urls);
    setContentNamedAssets(built.contentNamed);
    setFontManifest(built.fonts);
    return;
  }
  const urls = await buildAssets(options);
  writeJsonAtomicSync(file, { urls, contentNamed: [...contentNamedAssets()], fonts: fontManifest() } satisfies BuiltAssets);
}

/** A file named by its content: esbuild's `[name]-[hash]` (8 of A–Z, 0–9) or a cut font's `-<8 hex>.woff2` (fonts.ts). */
const CONTENT_NAMED = /-([A-Z0-9]{8}\.(m?js|css)|[0-9a-f]{8}\.woff2)$/;

/**
 * The preview's assets: esbuild contexts kept alive between saves (`rebuild()` reads only
 * what changed) and file names without a hash, so a change to browser code rewrites the
 * bundles, not every page that names them. The fonts are cut once per preview: characters a
 * save adds show in a fallback font until the next start.
 */
export class PreviewAssets {
  private contexts?: Promise<esbuild.BuildContext<{ metafile: true }>[]>;

  constructor(private readonly options: Omit<AssetOptions, "outDir" | "minify">) {}

  async build(outDir: string): Promise<void> {
    const { root } = this.options;
    const assetsDir = join(outDir, "assets");
    await mkdir(assetsDir, { recursive: true });
    this.contexts ??= (async () => {
      const fonts = await buildFonts(root, outDir, this.options.generatedDir ?? join(root, "generated"));
      // Copied once, as the cut fonts beside them are made once.
      await copyWholeFonts(outDir);
      return Promise.all([
        ...LANGS.map((lang) => esbuild.context(siteBundle(root, assetsDir, false, true, lang, fonts))),
        esbuild.context(embedBundle(root, assetsDir, false)),
      ]);
    })();
    const contexts = await this.contexts;
    const [results] = await Promise.all([Promise.all(contexts.map((c) => c.rebuild())), copyMapLibre(assetsDir)]);
    const urls: Record<string, string> = {};
    for (const [i, lang] of LANGS.entries()) entryUrls(results[i]!.metafile, root, outDir, lang, urls);
    setAssetUrls(withDefaults(urls));
  }

  async dispose(): Promise<void> {
    if (this.contexts) for (const c of await this.contexts) await c.dispose();
  }
}
