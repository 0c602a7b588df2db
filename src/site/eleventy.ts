/**
 * The Eleventy side of the atlas, as a plugin: TypeScript templates and data files,
 * the ```figure blocks, browser assets built before each build, and data downloads.
 */
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import site from "../_data/site.ts";
import { DatasetStore } from "../figures/datasets.ts";
import { mapFileUrl } from "../figures/map-files.ts";
import { figurePlugin } from "../figures/markdown.ts";
import { SiteFigures } from "../figures/site-figures.ts";
import { buildAssets } from "./build-assets.ts";
import { writeBuildReport } from "./build-report-output.ts";
import { dongFigures } from "./district-dong-map.ts";
import { markdownHtmlPlugin } from "./markdown-html.ts";
import { buildSearchIndex, searchGlob } from "./search-index.ts";
import { writeShareCards } from "./share-card.ts";
import { guardSite } from "./site-guards.ts";
import { StorySchedule } from "./story-schedule.ts";

export interface AtlasOptions {
  root: string;
  /** Run the data pipeline before each build (skipped when inputs are unchanged). */
  data?: boolean;
  /** The generated data folder (default <root>/generated; tests point it at fixtures). */
  generated?: string;
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
      results?: {
        url: string;
        inputPath: string;
        outputPath: string | false;
        content: string;
        data?: { title?: unknown; dek?: unknown; lang?: unknown };
      }[];
    }) => Promise<void> | void,
  ): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addWatchTarget(path: string): void;
  setServerOptions(options: Record<string, unknown>): void;
  addGlobalData(name: string, value: unknown): void;
  /** Data keys Eleventy hands back with each written page in `results`. */
  dataFilterSelectors: Set<string>;
  directories: { input: string };
}

/** The pages Eleventy wrote (a page with `permalink: false` comes back without an output path). */
function written<T extends { outputPath: string | false }>(results: T[] | undefined): (T & { outputPath: string })[] {
  return (results ?? []).filter((r): r is T & { outputPath: string } => typeof r.outputPath === "string");
}

export default function atlasPlugin(eleventyConfig: EleventyConfig, options: AtlasOptions): void {
  const { root } = options;
  const generated = options.generated ?? join(root, "generated");
  const store = new DatasetStore(generated);
  const figures = new SiteFigures(store, root);
  // Stories dated after today: left out of the build, listed in the build report.
  const schedule = new StorySchedule(root);
  const published = (path: string) => !schedule.scheduled(path);

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
    figurePlugin(md, { figures });
    markdownHtmlPlugin(md, { root, lineOffset: (path) => figures.frontMatterOffset(path) });
  });
  // Paths, layout, HTML, source files, control characters, scheduled stories: src/site/site-guards.ts.
  guardSite(eleventyConfig as unknown as Parameters<typeof guardSite>[0], { root, figures, schedule });
  // The edition of every page: English unless a directory data file says otherwise (src/ko/ko.11tydata.ts).
  eleventyConfig.addGlobalData("lang", "en");
  eleventyConfig.addGlobalData("datasets", () => store);
  // The 25 districts as rows, for the district pages (Eleventy pagination); none in a
  // fixture site whose generated data has no districts dataset.
  eleventyConfig.addGlobalData("districtRows", () => (store.info("districts") ? store.get("districts").rows : []));
  // The datasets' names, for the data catalogue's pages (/data/<name>/).
  eleventyConfig.addGlobalData("datasetNames", () => store.names());
  // The figure cache itself, for pages that list other pages' figures (district pages).
  eleventyConfig.addGlobalData("siteFigures", () => figures);
  // Every figure of the site (for the /embed/<id>/ pages), as plain data.
  eleventyConfig.addGlobalData("figures", () =>
    figures.all(resolve(root, eleventyConfig.directories.input), published).map((f) => ({
      id: f.id,
      kind: f.kind,
      title: f.title,
      file: f.file,
      line: f.line,
      datasets: f.datasets,
      html: f.embedHtml.value,
    })),
  );

  // Every figure drawn in Korean, for the /ko/embed/<id>/ pages (src/embed-ko.11ty.ts).
  eleventyConfig.addGlobalData("koFigures", () =>
    figures.all(resolve(root, eleventyConfig.directories.input), published, "ko").map((f) => ({
      id: f.id,
      kind: f.kind,
      title: f.title,
      file: f.file,
      line: f.line,
      datasets: f.datasets,
      html: f.embedHtml.value,
    })),
  );

  // Every map figure's interactive configuration, for its own file (src/maps.11ty.ts), in each language.
  eleventyConfig.addGlobalData("mapFigures", () => {
    const input = resolve(root, eleventyConfig.directories.input);
    return [
      ...[...figures.all(input), ...dongFigures(store)].filter((f) => f.map).map((f) => ({ id: f.id, map: f.map })),
      // The Korean drawings' own files (/ko/maps/<id>.json): their tooltips and labels are Korean.
      ...[...figures.all(input, published, "ko"), ...dongFigures(store, "ko")]
        .filter((f) => f.map)
        .map((f) => ({ id: f.id, map: f.map, url: mapFileUrl(f.id, "ko") })),
    ];
  });

  eleventyConfig.on("eleventy.before", async ({ directories }) => {
    if (options.data !== false) {
      // Imported here, not at the top: builds that skip the data step don't pay to load it.
      const { runPipeline } = await import("../../scripts/lib/pipeline.ts");
      await runPipeline({ root, mirror: process.env.BOUNDARIES_MIRROR || undefined, log: (l) => console.log(`[atlas] data: ${l}`) });
    }
    store.reset();
    figures.reset();
    await buildAssets({ root, outDir: directories.output, generatedDir: generated });
  });

  // Each page's title and dek come back with the results, for its share card.
  eleventyConfig.dataFilterSelectors.add("title");
  eleventyConfig.dataFilterSelectors.add("dek");
  eleventyConfig.dataFilterSelectors.add("lang");
  eleventyConfig.on("eleventy.after", async ({ directories, results: all }) => {
    const results = written(all);
    // The search index (Pagefind runs in its own process) while the share cards are drawn
    // here (PNG beside each story's index.html).
    const cards = async () => {
      const jobs = (results ?? [])
        .filter((r) => /^(\/ko)?\/stories\//.test(r.url ?? "") && r.outputPath.endsWith(".html"))
        .map((r) => ({
          outputPath: r.outputPath,
          card: {
            // A Korean story's card is drawn with the Korean edition's name (Pretendard has Hangul).
            site: r.data?.lang === "ko" ? site.title_ko : site.title,
            title: String(r.data?.title ?? ""),
            dek: r.data?.dek ? String(r.data.dek) : undefined,
            figureSvg: r.inputPath.endsWith(".md") ? figures.ofPage(r.inputPath)[0]?.graphic : undefined,
          },
        }));
      await writeShareCards(jobs, { cacheDir: join(root, ".cache", "share-cards") });
    };
    // Both finish before the build goes on, whichever fails; the first error is reported.
    const settled = await Promise.allSettled([
      buildSearchIndex(directories.output, { glob: searchGlob(directories.output, results ?? []) }),
      cards(),
    ]);
    for (const s of settled) if (s.status === "rejected") throw s.reason;
  });

  // The build report (build-report.html, /data/manifest.json with used_by): src/site/build-report.ts.
  eleventyConfig.on("eleventy.after", async ({ directories, results }) => {
    const all = () => figures.all(resolve(root, eleventyConfig.directories.input), published);
    await writeBuildReport({
      root,
      outDir: directories.output,
      manifest: () => store.manifest(),
      figures: all,
      figureWarnings: () => figures.warnings(),
      results: written(results),
      scheduled: schedule.list(),
    });
  });

  eleventyConfig.addPassthroughCopy({ "src/static": "/" });
  // Passthrough paths are relative to the working folder.
  const g = relative(process.cwd(), generated).split("\\").join("/") || ".";
  eleventyConfig.addPassthroughCopy({
    [`${g}/*.csv`]: "data",
    [`${g}/*.geojson`]: "data",
    [`${g}/sources.json`]: "data/sources.json",
    [`${g}/datapackage.json`]: "data/datapackage.json",
  });
  eleventyConfig.addWatchTarget("src/assets/");
  eleventyConfig.addWatchTarget("src/lib/");
  eleventyConfig.addWatchTarget("src/figures/");
  eleventyConfig.addWatchTarget("data/");
}
