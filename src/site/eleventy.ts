/**
 * The Eleventy side of the atlas, as a plugin: TypeScript templates and data files,
 * the ```figure blocks, browser assets built before each build, and data downloads.
 */
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DatasetStore } from "../figures/datasets.ts";
import { figurePlugin } from "../figures/markdown.ts";
import { buildAssets } from "./build-assets.ts";
import { buildSearchIndex } from "./search-index.ts";
import { writeShareCard } from "./share-card.ts";

export interface AtlasOptions {
  root: string;
  /** Run the data pipeline before each build (skipped when inputs are unchanged). */
  data?: boolean;
}

// Eleventy's config API is untyped JavaScript; describe the parts we use.
interface EleventyConfig {
  addExtension(ext: string[], options: { key: string }): void;
  addTemplateFormats(format: string): void;
  addDataExtension(ext: string, options: { read: boolean; parser: (path: string) => Promise<unknown> }): void;
  amendLibrary(name: string, fn: (lib: import("markdown-it").default) => void): void;
  on(
    event: string,
    fn: (arg: {
      directories: { output: string };
      runMode: string;
      results?: { url: string; outputPath: string; content: string }[];
    }) => Promise<void> | void,
  ): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addWatchTarget(path: string): void;
  setServerOptions(options: Record<string, unknown>): void;
  addGlobalData(name: string, value: unknown): void;
}

export default function atlasPlugin(eleventyConfig: EleventyConfig, options: AtlasOptions): void {
  const { root } = options;
  const generated = join(root, "generated");
  const store = new DatasetStore(generated);

  eleventyConfig.addExtension(["11ty.ts"], { key: "11ty.js" });
  eleventyConfig.addTemplateFormats("11ty.ts");
  // Data files in TypeScript: the default export, or what it returns when it is a function.
  eleventyConfig.addDataExtension("ts", {
    read: false,
    parser: async (path) => {
      const value = (await import(pathToFileURL(resolve(root, path)).href)).default;
      return typeof value === "function" ? await value() : value;
    },
  });
  eleventyConfig.amendLibrary("md", (md) => {
    md.set({ html: true, typographer: true });
    figurePlugin(md, { store, root });
  });
  eleventyConfig.addGlobalData("datasets", () => store);

  eleventyConfig.on("eleventy.before", async ({ directories }) => {
    if (options.data !== false) {
      // Imported here, not at the top: builds that skip the data step don't pay to load it.
      const { runPipeline } = await import("../../scripts/lib/pipeline.ts");
      await runPipeline({ root, mirror: process.env.BOUNDARIES_MIRROR || undefined, log: (l) => console.log(`[atlas] data: ${l}`) });
    }
    store.reset();
    await buildAssets({ root, outDir: directories.output, generatedDir: generated });
  });

  eleventyConfig.on("eleventy.after", async ({ directories, results }) => {
    // Share cards for stories (PNG beside each story's index.html), then the search index.
    const cacheDir = join(root, ".cache", "share-cards");
    for (const r of results ?? []) {
      if (r.url?.startsWith("/stories/") && r.outputPath.endsWith(".html"))
        await writeShareCard(r.content, r.outputPath, { site: "Seoul District Atlas", cacheDir });
    }
    await buildSearchIndex(directories.output);
  });

  eleventyConfig.addPassthroughCopy({ "src/static": "/" });
  eleventyConfig.addPassthroughCopy({
    "generated/*.csv": "data",
    "generated/*.geojson": "data",
    "generated/sources.json": "data/sources.json",
  });
  eleventyConfig.addWatchTarget("src/assets/");
  eleventyConfig.addWatchTarget("src/lib/");
  eleventyConfig.addWatchTarget("src/figures/");
  eleventyConfig.addWatchTarget("data/");
}
