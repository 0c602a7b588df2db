/**
 * The Eleventy side of the atlas, as a plugin: TypeScript templates and data files,
 * the ```figure blocks, browser assets built before each build, and data downloads.
 *
 * Eleventy renders; the atlas writes (page-writer.ts). Figures are drawn once per content
 * into the cache (.cache/figures/) and pages carry placeholders for them, which the writer
 * fills in as it writes each page; the embed pages, share cards and search index follow
 * from the written pages. Build with `atlasEleventy()` (scripts/lib/atlas-eleventy.ts),
 * which keeps Eleventy's own template writer from writing (and holding) the pages.
 */
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parse as parseYaml } from "yaml";
import { ContentCache } from "../../scripts/lib/content-cache.ts";
import { detach } from "../../scripts/lib/detach.ts";
import { collectIfLarge, collectNow } from "../../scripts/lib/memory.ts";
import { currentShard, pageFactsFile, shardFiles, shardIncludes } from "../../scripts/lib/shards.ts";
import site from "../_data/site.ts";
import { DatasetStore } from "../figures/datasets.ts";
import { mapFileUrl } from "../figures/map-files.ts";
import { figurePlugin } from "../figures/markdown.ts";
import { langOfFile } from "../figures/page-lang.ts";
import { type FigureRef, SiteFigures } from "../figures/site-figures.ts";
import { frontMatterOf } from "../lib/front-matter.ts";
import { LANGS, type Lang } from "../lib/i18n/index.ts";
import { buildAssets, PreviewAssets, shardAssets } from "./build-assets.ts";
import { reportedWeights } from "./build-report.ts";
import { measurePages, writeBuildReport } from "./build-report-output.ts";
import { dongFigures, keepDongMaps } from "./district-dong-map.ts";
import { localePath, setPartialUrls, setShardUrls, setWrittenUrls } from "./editions.ts";
import { keepUnitsPlugin, markdownHtmlPlugin } from "./markdown-html.ts";
import { markdownTablesPlugin } from "./markdown-tables.ts";
import { PageWriter, WRITTEN_MARKER, type WrittenPage } from "./page-writer.ts";
import { searchIndex } from "./search-index.ts";
import {
  type BuildMade,
  loadShardResults,
  type ShardResult,
  sortLikeEleventy,
  storyStubs,
  stubItems,
  writeShardResult,
  writeShardSummary,
} from "./shard-results.ts";
import { ShareCards } from "./share-card.ts";
import { guardSite } from "./site-guards.ts";
import { StorySchedule } from "./story-schedule.ts";
import type { CollectionItem } from "./types.ts";

export interface AtlasOptions {
  root: string;
  /** Run the data pipeline before each build (skipped when inputs are unchanged). */
  data?: boolean;
  /** The generated data folder (default <root>/generated; tests point it at fixtures). */
  generated?: string;
  /** The preview (npm start): no search index, no share cards, a note on every page (default: ATLAS_PREVIEW=1). */
  preview?: boolean;
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
      results?: { url: string; inputPath: string; outputPath: string | false; content?: unknown }[];
    }) => Promise<void> | void,
  ): void;
  addTransform(
    name: string,
    fn: (this: { page: { url: string; inputPath: string; outputPath: string } }, content: string) => unknown,
  ): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addGlobalData(name: string, value: unknown): void;
  addCollection(
    name: string,
    fn: (api: { getFilteredByTag(tag: string): CollectionItem[]; getAllSorted(): CollectionItem[] }) => CollectionItem[],
  ): void;
  setUseTemplateCache(use: boolean): void;
  transforms: Record<string, unknown>;
  directories: { input: string };
}

/** What the plugin keeps between builds, for the preview's worker (scripts/lib/preview-worker.ts). */
export interface AtlasSite {
  store: DatasetStore;
  figures: SiteFigures;
  writer: PageWriter;
  /** The preview's esbuild contexts. */
  assets?: PreviewAssets;
  /** Read every figure of the site again into the `figures` global data (the preview, after a figure's id or title changed). */
  listFigures(): unknown;
  /** What the last build made and what it found in the cache. */
  made(): BuildMade;
}

const SLOT = Symbol.for("seoul-district-atlas.site");

/** Let go of the atlas of the last Eleventy configured in this process (its figures, its pages), once its build is done. */
export function forgetAtlasSite(): void {
  delete (globalThis as { [SLOT]?: AtlasSite })[SLOT];
}

/** The atlas of the last Eleventy configured in this process. */
export function atlasSite(): AtlasSite {
  const found = (globalThis as { [SLOT]?: AtlasSite })[SLOT];
  if (!found) throw new Error("the atlas plugin has not been configured in this process");
  return found;
}

export default function atlasPlugin(eleventyConfig: EleventyConfig, options: AtlasOptions): void {
  const { root } = options;
  const preview = options.preview ?? process.env.ATLAS_PREVIEW === "1";
  const generated = options.generated ?? join(root, "generated");
  const cacheDir = join(root, ".cache");
  const store = new DatasetStore(generated);
  const figures = new SiteFigures(store, root, new ContentCache(join(cacheDir, "figures")));
  keepDongMaps(new ContentCache(join(cacheDir, "dong-maps")));
  /** Title, dek and language of each Markdown page, for its share card. */
  const cardText = new Map<string, { title: string; dek?: string; lang: Lang }>();
  let cards: ShareCards | undefined;
  // A shard of a build split by stories (scripts/lib/shards.ts): the pages of its own files only.
  const shard = currentShard();
  const writer = new PageWriter({
    figures,
    site,
    preview,
    store: preview ? undefined : new ContentCache(join(cacheDir, "pages")),
    factsFile: pageFactsFile(shard?.index),
    onPage: (page: WrittenPage) => {
      const text = cardText.get(page.inputPath);
      if (!cards || !text || !/^(\/ko)?\/stories\//.test(page.url) || !page.outputPath.endsWith(".html")) return;
      const lead = page.figures[0];
      cards.add({
        outputPath: page.outputPath,
        // A Korean story's card is drawn with the Korean edition's name (Pretendard has Hangul).
        card: { site: text.lang === "ko" ? site.title_ko : site.title, title: text.title, dek: text.dek },
        lead: lead ? { key: lead, svg: () => figures.markup(lead, "graphic") } : undefined,
      });
    },
    // The story a figure's embed page credits: its own, in the embed's language where that
    // page is published (a Korean story has its English story's file name), else the English one.
    storyOf: (file, lang) => {
      const input = resolve(root, eleventyConfig.directories.input);
      const m = /^(ko\/)?stories\/([^/]+)\.md$/.exec(relative(input, resolve(root, file)).split("\\").join("/"));
      if (!m) return undefined;
      const [, ko, name] = m;
      if (ko) return lang === "ko" ? { url: localePath("ko", `/stories/${name}/`), lang: "ko" } : undefined;
      const korean = join(input, "ko", "stories", `${name}.md`);
      return lang === "ko" && existsSync(korean) && published(korean)
        ? { url: localePath("ko", `/stories/${name}/`), lang: "ko" }
        : { url: `/stories/${name}/`, lang: "en" };
    },
  });
  const assets = preview ? new PreviewAssets({ root, generatedDir: generated }) : undefined;
  let drawnBefore = 0;
  /** When each step of the current build ended. */
  let marks: [string, number][] = [];
  const mark = (step: string) => marks.push([step, performance.now()]);
  const made = () => ({
    steps: Object.fromEntries(marks.slice(1).map(([step, t], i) => [step, Math.round(t - marks[i]![1])])),
    figuresDrawn: figures.drawn - drawnBefore,
    pagesWritten: writer.stats.stored,
    pagesLinked: writer.stats.linked,
    cardsDrawn: cards?.stats.drawn ?? 0,
    cards: cards?.stats.cards ?? 0,
  });
  // Stories dated after today: left out of the build, listed in the build report.
  const schedule = new StorySchedule(root);
  const published = (path: string) => !schedule.scheduled(path);
  let owns: ((path: string) => boolean) | undefined;
  const ownsFile = (file: string) => {
    owns ??= shardIncludes(shard, resolve(root, eleventyConfig.directories.input));
    return owns(resolve(root, file));
  };
  /** The story collection of a stories shard, as Eleventy made it (for the site's lists). */
  let shardStories: CollectionItem[] = [];
  /** What the stories shards left for the site's shard. */
  let others: ShardResult[] = [];
  /**
   * The files whose figures the build lists: the published ones; in a stories shard, only
   * its own (each shard draws its own stories' figures; the site's shard lists them all, for
   * the data catalogue, the build report and the check that every id is unique).
   */
  const listed = (path: string) => (shard?.kind !== "stories" || ownsFile(path)) && published(path);
  /**
   * A story's share card queued as its figures are drawn, before its page is rendered: from
   * its front matter's title and dek and its lead figure, as the page will ask for it
   * (ShareCards.prefetch). Only the stories whose pages this process writes.
   */
  figures.onPage = (inputPath, source, placed) => {
    const input = resolve(root, eleventyConfig.directories.input);
    const file = relative(input, resolve(root, inputPath)).split("\\").join("/");
    if (!cards || !/^(ko\/)?stories\/[^/]+\.md$/.test(file) || !published(inputPath)) return;
    if (shard && (shard.kind !== "stories" || !ownsFile(inputPath))) return;
    let data: { title?: unknown; dek?: unknown } | undefined;
    try {
      data = parseYaml(frontMatterOf(source).yaml) ?? undefined;
    } catch {
      return; // Eleventy reports broken front matter when it reads the page.
    }
    if (typeof data?.title !== "string" || !data.title) return;
    const lead = placed[0]?.key;
    cards.prefetch({
      card: {
        site: langOfFile(file) === "ko" ? site.title_ko : site.title,
        title: data.title,
        dek: data.dek ? String(data.dek) : undefined,
      },
      lead: lead ? { key: lead, svg: () => figures.markup(lead, "graphic") } : undefined,
    });
  };
  const figureList: (Pick<FigureRef, "id" | "kind" | "title" | "file" | "line" | "datasets"> & { title_ko?: string })[] = [];
  function listFigures() {
    const input = resolve(root, eleventyConfig.directories.input);
    const all = figures.all(input, listed);
    // The Korean drawings' titles (read for the embed pages too): the Korean catalogue names a figure as its Korean page does.
    const korean = new Map(figures.all(input, listed, "ko").map((f) => [f.id, f.title]));
    figureList.length = 0;
    for (const f of all) {
      const ko = korean.get(f.id);
      figureList.push({
        id: f.id,
        kind: f.kind,
        title: f.title,
        ...(ko && ko !== f.title ? { title_ko: ko } : {}),
        file: f.file,
        line: f.line,
        datasets: f.datasets,
      });
    }
    return figureList;
  }
  (globalThis as { [SLOT]?: AtlasSite })[SLOT] = { store, figures, writer, assets, made, listFigures };

  setPartialUrls(shard?.kind === "stories");
  if (shard?.kind === "stories") eleventyConfig.addCollection("atlasShardStories", (api) => (shardStories = api.getFilteredByTag("story")));
  if (shard?.kind === "site") {
    others = loadShardResults(shard);
    const stubs = stubItems(others);
    setShardUrls(stubs.map((s) => s.url));
    // The other shards' stories in the lists, in Eleventy's order (date, then input path).
    eleventyConfig.addCollection("story", (api) => sortLikeEleventy([...api.getFilteredByTag("story"), ...stubs]));
    eleventyConfig.addCollection("all", (api) => sortLikeEleventy([...api.getAllSorted(), ...stubs]));
  }

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
    figurePlugin(md, { figures, placeholders: true });
    markdownHtmlPlugin(md, { root, generatedDir: generated, lineOffset: (path) => figures.frontMatterOffset(path) });
    markdownTablesPlugin(md);
    keepUnitsPlugin(md);
    const render = md.render.bind(md);
    md.render = (source: string, env?: { page?: { inputPath?: string }; title?: unknown; dek?: unknown; lang?: unknown }) => {
      const path = env?.page?.inputPath;
      if (path)
        cardText.set(path, {
          title: detach(String(env.title ?? "")),
          dek: env.dek ? detach(String(env.dek)) : undefined,
          lang: env.lang === "ko" ? "ko" : "en",
        });
      return render(source, env);
    };
  });
  // The preview rebuilds in one process: files are read afresh each time (they may have changed).
  if (preview) eleventyConfig.setUseTemplateCache(false);
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
  // The figures, for pages that list other pages' figures (district pages).
  eleventyConfig.addGlobalData("siteFigures", () => figures);
  // Every figure of the site, as plain data (the data catalogue lists the figures that use
  // each dataset). Read from the stories' files, drawn or found in the cache; the markup
  // stays in the cache. One array, filled again in place by `listFigures` (Eleventy hands
  // templates the array itself), so that the preview can bring it up to date after a save.
  eleventyConfig.addGlobalData("figures", listFigures);

  // The interactive configuration of each district's dong map, for its own file
  // (src/maps.11ty.ts), in each language. A story's maps have theirs written by the page
  // writer, beside the figure's embed page, from the figure cache.
  eleventyConfig.addGlobalData("mapFigures", () =>
    LANGS.flatMap((lang) =>
      dongFigures(store, lang)
        .filter((f) => f.map)
        .map((f) => ({ id: f.id, map: f.map, url: mapFileUrl(f.id, lang) })),
    ),
  );

  eleventyConfig.on("eleventy.before", async ({ directories }) => {
    marks = [];
    mark("start");
    const names = Object.keys(eleventyConfig.transforms);
    if (names.at(-1) !== "atlas-write")
      throw new Error(
        `The transform "atlas-write" must run last (it writes the pages), but ${names.at(-1)} comes after it: add other transforms before the atlas plugin.`,
      );
    if (options.data !== false) {
      // Imported here, not at the top: builds that skip the data step don't pay to load it.
      const { runPipeline } = await import("../../scripts/lib/pipeline.ts");
      await runPipeline({ root, mirror: process.env.BOUNDARIES_MIRROR || undefined, log: (l) => console.log(`[atlas] data: ${l}`) });
      mark("data");
    }
    store.reset();
    figures.reset();
    // The site's shard takes the figures of the stories as their shards placed them.
    figures.adopt(others.flatMap((o) => o.figures));
    drawnBefore = figures.drawn;
    // The share cards (not in the preview): queued from here, as the figures are drawn.
    cardText.clear();
    cards = preview ? undefined : new ShareCards({ cacheDir: join(cacheDir, "share-cards") });
    // Filled here, not only when Eleventy asks: a build in the same process (the preview's)
    // may reuse the global data of the last.
    listFigures();
    // The embed pages the writer will write, in each language, for the language switch and hreflang links.
    const input = resolve(root, eleventyConfig.directories.input);
    const embeds = LANGS.flatMap((lang) => figures.all(input, listed, lang).map((f) => localePath(lang, `/embed/${f.id}/`)));
    // A stories shard's Korean pages may show other stories' figures (`use:`): it writes their embed pages too.
    if (shard?.kind === "stories")
      for (const file of shard.plan.shards[shard.index]!)
        if (published(file)) for (const f of figures.ofPage(file)) embeds.push(...LANGS.map((lang) => localePath(lang, `/embed/${f.id}/`)));
    setWrittenUrls(embeds);
    mark("figures");
    writer.reset(directories.output);
    if (assets) await assets.build(directories.output);
    else if (!shard) await buildAssets({ root, outDir: directories.output, generatedDir: generated });
    // A build in shards builds its assets once, in its first shard: the others share its output.
    else await shardAssets({ root, outDir: directories.output, generatedDir: generated }, shardFiles.assets(shard.plan.dir));
    mark("assets");
  });

  // Last transform: the writer writes the page (figures filled in) and Eleventy keeps a marker.
  eleventyConfig.addTransform("atlas-write", async function (content) {
    // A page with `permalink: false` (a draft) is rendered for its collections and written nowhere.
    if (typeof (this.page.outputPath as unknown) !== "string") return content;
    await writer.write(content, this.page);
    return WRITTEN_MARKER;
  });

  eleventyConfig.on("eleventy.after", async ({ directories, results }) => {
    if ((results ?? []).some((r) => r.content === WRITTEN_MARKER))
      throw new Error(
        "Eleventy wrote the atlas page writer's markers over the pages: build with atlasEleventy() (scripts/lib/atlas-eleventy.ts), which leaves the writing to the atlas.",
      );
    // The embed pages of the figures no page placed in a language: a Korean drawing of an
    // English story's figure whose story has no Korean page yet.
    const input = resolve(root, eleventyConfig.directories.input);
    for (const lang of LANGS) for (const f of figures.all(input, listed, lang)) if (ownsFile(f.file)) await writer.embed(f.key);
    mark("pages");
    await writer.finish();
    collectIfLarge();
    if (shard?.kind === "stories") {
      // The search index and the build report are the site shard's, over every shard's pages.
      const settled = await Promise.allSettled([cards?.finish(), figures.flush()]);
      for (const s of settled) if (s.status === "rejected") throw s.reason;
      mark("share cards");
      const own = shard.plan.shards[shard.index]!.filter(published);
      // What its pages load, measured here: the site's shard keeps only what the report names.
      const measured = await measurePages(directories.output, writer.all());
      writeShardResult(shard, {
        pages: writer.all(),
        measured: { weights: reportedWeights(measured.weights), problems: measured.problems },
        stories: storyStubs(shardStories),
        figures: figures.placedIn(own, input, listed),
        made: made(),
      });
      return;
    }
    // Every shard's pages, each once: a figure placed on pages of two shards has its embed page written by both.
    const pages = shard ? [...new Map([...others.flatMap((o) => o.pages), ...writer.all()].map((p) => [p.url, p])).values()] : writer.all();
    // The search index (Pagefind runs in its own process) while the share cards are drawn
    // on libuv's threads; both finish before the build goes on, the first error is reported.
    const settled = await Promise.allSettled([
      preview ? Promise.resolve() : searchIndex(directories.output, pages, join(cacheDir, "pagefind")),
      cards?.finish(),
      figures.flush(),
    ]);
    for (const s of settled) if (s.status === "rejected") throw s.reason;
    mark("share cards and search");
    // The site's shard peaks in the report (on 10,000 stories, a page of 13 MB): not on top of the pages' garbage.
    if (shard) collectNow();
    // The build report (build-report.html, /data/manifest.json with used_by): src/site/build-report.ts.
    await writeBuildReport({
      root,
      outDir: directories.output,
      manifest: () => store.manifest(),
      figures: () => figures.all(input, listed),
      figureWarnings: () => figures.warnings(),
      pages,
      // The site's shard weighs its own pages; the other shards weighed theirs.
      weigh: shard ? writer.all() : undefined,
      measured: shard
        ? { weights: others.flatMap((o) => o.measured.weights), problems: others.flatMap((o) => o.measured.problems) }
        : undefined,
      // The site's shard reads every story's date (figures.all), so it knows the scheduled ones.
      scheduled: schedule.list(),
    });
    mark("build report");
    if (shard) writeShardSummary(shard, { files: writer.all().length, total: pages.length, made: made() });
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
}
