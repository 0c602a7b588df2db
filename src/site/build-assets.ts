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
 */
import { copyFile, mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import * as esbuild from "esbuild";
import { LANGS, type Lang } from "../lib/i18n/index.ts";
import { FEATURE_STYLES, setAssetUrls } from "./assets-manifest.ts";
import { buildFonts, type FontManifest, fontFaceCss } from "./fonts.ts";
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
 * site stylesheet with the edition's @font-face rules (`atlas:site-css`).
 */
function languagePlugin(root: string, lang: Lang, fonts: FontManifest): esbuild.Plugin {
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
        contents: `@import "./src/assets/site.css";\n${fontFaceCss(fonts.faces[lang])}\n`,
        loader: "css",
        resolveDir: root,
      }));
    },
  };
}

export async function buildAssets(options: AssetOptions): Promise<Record<string, string>> {
  const { root, outDir } = options;
  const assetsDir = join(outDir, "assets");
  await mkdir(assetsDir, { recursive: true });
  // The fonts first: each edition's stylesheet holds their @font-face rules.
  const fonts = await buildFonts(root, outDir, options.generatedDir ?? join(root, "generated"));
  const urls: Record<string, string> = {};
  for (const lang of LANGS) {
    const result = await esbuild.build({
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
      minify: options.minify ?? true,
      sourcemap: false,
      // Hangul as UTF-8 (3 bytes), not \uXXXX escapes (6); pages and scripts are served as UTF-8.
      charset: "utf8",
      entryNames: "[name]-[hash]",
      chunkNames: "[name]-[hash]",
      assetNames: "[name]-[hash]",
      metafile: true,
      legalComments: "none",
      logLevel: "silent",
      external: ["/assets/fonts/*"],
      plugins: [languagePlugin(root, lang, fonts)],
    });
    for (const [file, out] of Object.entries(result.metafile.outputs)) {
      const url = `/${relative(outDir, join(root, file)).split("\\").join("/")}`;
      if (out.entryPoint === "src/assets/main.ts") urls[`main.${lang}.js`] = url;
      if (out.entryPoint === "src/assets/search.ts") urls[`search.${lang}.js`] = url;
      if (out.entryPoint === "atlas:site-css") urls[`site.${lang}.css`] = url;
      for (const feature of FEATURE_STYLES) if (out.entryPoint === `src/assets/${feature}.css`) urls[`${feature}.css`] = url;
    }
  }
  // The names layouts used before the editions: the English edition's.
  urls["main.js"] = urls["main.en.js"]!;
  urls["search.js"] = urls["search.en.js"]!;
  urls["site.css"] = urls["site.en.css"]!;
  // The embed code's script runs on other sites as a classic script, at an address that
  // never changes (copied embed codes keep working after a rebuild).
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ["src/assets/embed.ts"],
    outfile: join(assetsDir, "embed.js"),
    bundle: true,
    format: "iife",
    target: ["es2020"],
    minify: options.minify ?? true,
    legalComments: "none",
    logLevel: "silent",
  });
  const maplibreDist = join(dirname(require.resolve("maplibre-gl/package.json")), "dist");
  await copyFile(join(maplibreDist, "maplibre-gl-worker.mjs"), join(assetsDir, "maplibre-gl-worker.mjs"));
  await copyFile(join(maplibreDist, "maplibre-gl.css"), join(assetsDir, "maplibre-gl.css"));
  setAssetUrls(urls);
  return urls;
}
