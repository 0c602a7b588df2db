/**
 * Browser assets, built before Eleventy renders:
 * - src/assets/main.ts → assets/main-[hash].js (ES module; MapLibre and the map code are
 *   split into chunks that load only when a map nears the viewport);
 * - src/assets/site.css → assets/site-[hash].css;
 * - src/assets/embed.ts → assets/embed.js (no hash: other sites load it from embed codes);
 * - MapLibre's worker and CSS copied beside the chunks (MapLibre 6 finds its worker
 *   through import.meta.url of the chunk that contains it);
 * - the site font (Pretendard, OFL) subset to the characters the site uses.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import * as esbuild from "esbuild";
import { FEATURE_STYLES, FONT_FILES, PRETENDARD_OTF, setAssetUrls } from "./assets-manifest.ts";

const require = createRequire(import.meta.url);

export interface AssetOptions {
  root: string;
  /** The site output folder; assets go to <outDir>/assets. */
  outDir: string;
  /** Generated data folder (its text feeds the font subset). */
  generatedDir?: string;
  minify?: boolean;
}

export async function buildAssets(options: AssetOptions): Promise<Record<string, string>> {
  const { root, outDir } = options;
  const assetsDir = join(outDir, "assets");
  await mkdir(assetsDir, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: {
      main: "src/assets/main.ts",
      search: "src/assets/search.ts",
      site: "src/assets/site.css",
      // Stylesheets of features only some pages have (the layout links them where needed).
      ...Object.fromEntries(FEATURE_STYLES.map((f) => [`${f}-style`, `src/assets/${f}.css`])),
    },
    outdir: assetsDir,
    bundle: true,
    splitting: true,
    format: "esm",
    target: ["es2022"],
    minify: options.minify ?? true,
    sourcemap: false,
    entryNames: "[name]-[hash]",
    chunkNames: "[name]-[hash]",
    assetNames: "[name]-[hash]",
    metafile: true,
    legalComments: "none",
    logLevel: "silent",
    external: ["/assets/fonts/*"],
  });
  const urls: Record<string, string> = {};
  for (const [file, out] of Object.entries(result.metafile.outputs)) {
    const url = `/${relative(outDir, join(root, file)).split("\\").join("/")}`;
    if (out.entryPoint === "src/assets/main.ts") urls["main.js"] = url;
    if (out.entryPoint === "src/assets/search.ts") urls["search.js"] = url;
    if (out.entryPoint === "src/assets/site.css" || (file.endsWith(".css") && url.includes("/site-"))) urls["site.css"] = url;
    for (const feature of FEATURE_STYLES) if (out.entryPoint === `src/assets/${feature}.css`) urls[`${feature}.css`] = url;
  }
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
  await buildFonts(root, outDir, options.generatedDir ?? join(root, "generated"));
  setAssetUrls(urls);
  return urls;
}

/** Every character the site can show: source text, generated data, and printable ASCII. */
export function siteCharacters(root: string, generatedDir: string): string {
  const chars = new Set<string>();
  const add = (text: string) => {
    for (const ch of text) if (ch >= " ") chars.add(ch);
  };
  for (let c = 0x20; c < 0x7f; c++) chars.add(String.fromCharCode(c));
  add("–—‘’“”…·×÷²³°±≤≥→←↑↓€₩%‰ⓒ© ");
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|ts|ya?ml|csv|json)$/.test(name)) add(readFileSync(path, "utf8"));
    }
  };
  walk(join(root, "src"));
  walk(generatedDir);
  return [...chars].sort().join("");
}

const FONT_SOURCES = {
  [FONT_FILES.regular]: PRETENDARD_OTF.regular,
  [FONT_FILES.bold]: PRETENDARD_OTF.bold,
};

async function buildFonts(root: string, outDir: string, generatedDir: string): Promise<void> {
  const text = siteCharacters(root, generatedDir);
  const cacheDir = join(root, ".cache", "fonts");
  await mkdir(cacheDir, { recursive: true });
  for (const [url, source] of Object.entries(FONT_SOURCES)) {
    const sourcePath = require.resolve(source);
    const key = createHash("sha256").update(text).update(source).digest("hex").slice(0, 16);
    const cached = join(cacheDir, `${key}.woff2`);
    if (!existsSync(cached)) {
      // Loaded only when a subset is missing: an unchanged site never needs it.
      const { default: subsetFont } = await import("subset-font");
      const font = await subsetFont(await readFile(sourcePath), text, { targetFormat: "woff2" });
      await writeFile(cached, font);
    }
    const target = join(outDir, url);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(cached, target);
  }
  // The SIL Open Font License travels with the font files.
  await copyFile(require.resolve("pretendard/dist/LICENSE.txt"), join(outDir, "assets", "fonts", "LICENSE-Pretendard.txt"));
}
