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
import { copyFile, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import * as esbuild from "esbuild";
import { writeFileAtomic } from "../../scripts/lib/atomic.ts";
import { contentKey } from "../../scripts/lib/content-cache.ts";
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

/** The site's bundles (main, search, CSS); `stable`: file names without a content hash (the preview). */
function siteBundle(root: string, assetsDir: string, minify: boolean, stable: boolean): esbuild.BuildOptions & { metafile: true } {
  return {
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
    minify,
    sourcemap: false,
    entryNames: stable ? "[name]" : "[name]-[hash]",
    chunkNames: "[name]-[hash]",
    assetNames: "[name]-[hash]",
    metafile: true,
    legalComments: "none",
    logLevel: "silent",
    external: ["/assets/fonts/*"],
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

/** The URLs layouts ask for (assetUrl), from the bundle's metafile. */
function entryUrls(result: esbuild.Metafile, root: string, outDir: string): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [file, out] of Object.entries(result.outputs)) {
    const url = `/${relative(outDir, join(root, file)).split("\\").join("/")}`;
    if (out.entryPoint === "src/assets/main.ts") urls["main.js"] = url;
    if (out.entryPoint === "src/assets/search.ts") urls["search.js"] = url;
    if (out.entryPoint === "src/assets/site.css" || (file.endsWith(".css") && url.includes("/site-"))) urls["site.css"] = url;
    for (const feature of FEATURE_STYLES) if (out.entryPoint === `src/assets/${feature}.css`) urls[`${feature}.css`] = url;
  }
  return urls;
}

/** MapLibre's worker and CSS, copied beside the chunks (MapLibre 6 finds its worker through import.meta.url). */
async function copyMapLibre(assetsDir: string): Promise<void> {
  const maplibreDist = join(dirname(require.resolve("maplibre-gl/package.json")), "dist");
  await copyFile(join(maplibreDist, "maplibre-gl-worker.mjs"), join(assetsDir, "maplibre-gl-worker.mjs"));
  await copyFile(join(maplibreDist, "maplibre-gl.css"), join(assetsDir, "maplibre-gl.css"));
}

interface AssetEntry {
  urls: Record<string, string>;
  /** Output files, relative to the assets folder. */
  files: string[];
}

/**
 * The bundles from the content-addressed cache (.cache/assets/<key>/), named by esbuild's
 * version, the options, and the content of every file the last bundle read (its metafile's
 * inputs, kept in trace.json): an unchanged site copies the files instead of bundling
 * MapLibre again.
 */
async function cachedBundles(root: string, assetsDir: string, outDir: string, minify: boolean): Promise<Record<string, string>> {
  const cacheDir = join(root, ".cache", "assets");
  const tracePath = join(cacheDir, "trace.json");
  const keyOf = (inputs: string[]) =>
    contentKey(
      "assets",
      esbuild.version,
      String(minify),
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
  const [site, embed] = await Promise.all([
    esbuild.build(siteBundle(root, assetsDir, minify, false)),
    esbuild.build(embedBundle(root, assetsDir, minify)),
  ]);
  const urls = entryUrls(site.metafile, root, outDir);
  const inputs = [...new Set([...Object.keys(site.metafile.inputs), ...Object.keys(embed.metafile.inputs)])].sort();
  const files = [...Object.keys(site.metafile.outputs), ...Object.keys(embed.metafile.outputs)].map((f) =>
    relative(assetsDir, join(root, f)),
  );
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

/** Build the browser assets into <outDir>/assets; returns their URLs and every character the site can show (the font subset's). */
export async function buildAssets(options: AssetOptions): Promise<{ urls: Record<string, string>; characters: string }> {
  const { root, outDir } = options;
  const assetsDir = join(outDir, "assets");
  await mkdir(assetsDir, { recursive: true });
  const [urls, characters] = await Promise.all([
    cachedBundles(root, assetsDir, outDir, options.minify ?? true),
    buildFonts(root, outDir, options.generatedDir ?? join(root, "generated")),
    copyMapLibre(assetsDir),
  ]);
  setAssetUrls(urls);
  return { urls, characters };
}

/**
 * The preview's assets: esbuild contexts kept alive between saves (`rebuild()` reads only
 * what changed) and file names without a hash, so a change to browser code rewrites the
 * bundles, not every page that names them.
 */
export class PreviewAssets {
  private contexts?: Promise<[esbuild.BuildContext<{ metafile: true }>, esbuild.BuildContext<{ metafile: true }>]>;
  private fonts = false;

  constructor(private readonly options: Omit<AssetOptions, "outDir" | "minify">) {}

  async build(outDir: string): Promise<void> {
    const { root } = this.options;
    const assetsDir = join(outDir, "assets");
    await mkdir(assetsDir, { recursive: true });
    this.contexts ??= Promise.all([
      esbuild.context(siteBundle(root, assetsDir, false, true)),
      esbuild.context(embedBundle(root, assetsDir, false)),
    ]);
    const [site, embed] = await this.contexts;
    const [result] = await Promise.all([site.rebuild(), embed.rebuild(), copyMapLibre(assetsDir)]);
    setAssetUrls(entryUrls(result.metafile, root, outDir));
    if (!this.fonts) {
      // Once per preview: characters a save adds show in a fallback font until the next start.
      await buildFonts(root, outDir, this.options.generatedDir ?? join(root, "generated"));
      this.fonts = true;
    }
  }

  async dispose(): Promise<void> {
    if (this.contexts) for (const c of await this.contexts) await c.dispose();
  }
}

/** Every character the site can show: source text, generated data, and printable ASCII. */
export function siteCharacters(root: string, generatedDir: string): string {
  const chars = new Set<string>();
  const add = (text: string) => {
    // Printable ASCII is in already: skip it in one native pass (most of a story).
    for (const ch of text.replace(/[\x20-\x7e\t\n\r]+/g, "")) if (ch >= " ") chars.add(ch);
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

async function buildFonts(root: string, outDir: string, generatedDir: string): Promise<string> {
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
      await writeFileAtomic(cached, font);
    }
    const target = join(outDir, url);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(cached, target);
  }
  // The SIL Open Font License travels with the font files.
  await copyFile(require.resolve("pretendard/dist/LICENSE.txt"), join(outDir, "assets", "fonts", "LICENSE-Pretendard.txt"));
  return text;
}
