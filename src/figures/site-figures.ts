/**
 * The figures of the site. A ```figure block is drawn once per content (figure-cache.ts) and
 * known to the build by a small reference: where its spec is, what it shows, and the key of
 * its markup in the cache. Pages carry a placeholder for each figure, which the page writer
 * replaces with the markup as it writes the page (`expand`); nothing of a figure's markup
 * stays in memory once its page is written. Figure ids must be unique across the site in
 * each language (they are addresses: /embed/<id>/, /ko/embed/<id>/).
 *
 * A figure is drawn in its page's language: the same spec on an English page and (by `use:`)
 * on a Korean one is two drawings, with two keys.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { group } from "d3";
import MarkdownIt from "markdown-it";
import { parse as parseYaml } from "yaml";
import type { ContentCache } from "../../scripts/lib/content-cache.ts";
import { detach } from "../../scripts/lib/detach.ts";
import { formatProblem, type Problem, ProblemError } from "../../scripts/lib/problems.ts";
import { sortedEntries } from "../lib/dir-listing.ts";
import { frontMatterLines } from "../lib/front-matter.ts";
import type { Lang } from "../lib/i18n/index.ts";
import type { DatasetStore } from "./datasets.ts";
import { FigureCache, type FigureMarkup, type FigureMeta } from "./figure-cache.ts";
import { englishStoryPath, KO_DIR, langOfFile } from "./page-lang.ts";
import { defaultFigureId, type FigureBlock } from "./render.ts";
import type { StepTexts } from "./scrolly.ts";
import { declaredId, fenceMismatch, stepCountMismatch, unknownUse, useDirective } from "./use.ts";

/** Pages in English only, whatever the edition: the style guide (for the newsroom). */
const ENGLISH_ONLY = /^styleguide\//;

/** A figure as the build knows it: what it shows, where its spec is, and its markup's key. */
export interface FigureRef extends FigureMeta {
  /** Story file of its spec, relative to the project root (an English story's, for a Korean page's `use:`). */
  file: string;
  /** Line of the opening ``` in the file. */
  line: number;
  key: string;
  /** Every dataset the figure read when it was drawn (its checks included). */
  read: string[];
}

/** The page part of a figure's id: the file name, or its folder's name for index.md (as Eleventy's fileSlug). */
export function pageSlugOf(inputPath: string): string {
  const name = basename(inputPath).replace(/\.[^.]+$/, "");
  return name === "index" ? basename(dirname(inputPath)) : name;
}

// One parser for every file: building one compiles linkify's patterns (about 0.3 ms).
let parser: MarkdownIt | undefined;

/** The fences that hold a figure: ```figure, and ```scrolly (a figure with steps). */
export const FIGURE_FENCES = ["figure", "scrolly"];

/** Figure blocks of one Markdown source, with their lines in the file (and the page's language, by its path). */
export function figureBlocks(source: string, file: string, pageSlug: string, lang: Lang = langOfFile(file)): FigureBlock[] {
  const offset = frontMatterLines(source);
  const body = source.split(/\r?\n/).slice(offset).join("\n");
  parser ??= new MarkdownIt();
  const tokens = parser.parse(body, {});
  return tokens
    .filter((t) => t.type === "fence" && FIGURE_FENCES.includes(t.info.trim()))
    .map((t, i) => ({
      body: t.content,
      file,
      fenceLine: offset + (t.map?.[0] ?? 0) + 1,
      pageSlug,
      index: i + 1,
      ...(t.info.trim() === "scrolly" ? { scrolly: true } : {}),
      ...(lang === "en" ? {} : { lang }),
    }));
}

/** The number of steps of a scrolly block (0 when they cannot be read: drawing it reports why). */
function stepCount(block: FigureBlock): number {
  const steps = (parseYaml(block.body) as { steps?: unknown } | null)?.steps;
  return Array.isArray(steps) ? steps.length : 0;
}

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const { name, path, isFolder } of sortedEntries(dir)) {
    if (name.startsWith(".") || name === "node_modules" || name === "_includes") continue;
    if (isFolder) out.push(...markdownFiles(path));
    else if (name.endsWith(".md")) out.push(path);
  }
  return out;
}

/**
 * A placeholder for a figure's markup in a page, which the page writer replaces: the
 * figure as on its page, or (`embed`) alone, as on its embed page. The key names the
 * markup's content, so a page with placeholders names the page's content too.
 */
export function figurePlaceholder(key: string, embed = false): string {
  return `<!--atlas:${embed ? "embed" : "figure"}:${key}-->`;
}
const PLACEHOLDER = /<!--atlas:(figure|embed):([0-9a-f]{64})-->/g;

/** The keys of the figures placed in `html` (as on their page), in order. */
export function placedFigures(html: string): string[] {
  return [...html.matchAll(PLACEHOLDER)].filter((m) => m[1] === "figure").map((m) => detach(m[2]!));
}

function duplicateId(f: FigureRef, other: FigureRef): Problem {
  return {
    code: "figure-duplicate-id",
    file: f.file,
    line: f.line,
    field: "id",
    message: `the figure id "${f.id}" is already used by the figure at ${other.file}:${other.line}`,
    hint: "Give one of them its own `id: …` (lowercase letters, digits and hyphens): ids are the figures' addresses (/embed/<id>/).",
  };
}

/**
 * A story file's figures as the shard of the build that renders it placed them (its page's,
 * in its language; an English story's drawn in Korean too): the site's shard takes them
 * instead of placing them again (scripts/lib/shards.ts).
 */
export interface PlacedFigures {
  /** The file, relative to the project root. */
  file: string;
  page: FigureRef[];
  /** An English story's figures drawn in Korean (their /ko/embed/ pages). */
  ko?: FigureRef[];
}

export class SiteFigures {
  private readonly cache: FigureCache;
  /** The figures of each page (file), in their order on it: as its Markdown last rendered, or as read from its file. */
  private byPage = new Map<string, FigureRef[]>();
  /** Pages whose figures come from rendering their Markdown (not only from reading the file). */
  private renderedPages = new Set<string>();
  /** Which figure holds each id in each language (`<lang>:<id>`), to stop two figures sharing one. */
  private ids = new Map<string, FigureRef>();
  /** Lines of front matter of each page read, so that figure lines count from the file's top. */
  private offsets = new Map<string, number>();
  /** What each placed figure shows, by the key of its markup. */
  private byKey = new Map<string, FigureMeta>();
  /** The file each placed figure's spec is in (an English story's, for `use:`), by the key of its markup. */
  private fileByKey = new Map<string, string>();
  /** Every figure of the site in each language, once `all` has read them in this build. */
  private scanned = new Map<Lang, FigureRef[]>();
  /** The figure blocks of each English page read in this build, to draw them in Korean without reading the file again. */
  private blocks = new Map<string, FigureBlock[]>();
  /** The English stories' figure blocks by id, for `use:` on Korean pages. */
  private english?: Map<string, FigureBlock>;
  /** Texts figures lack in their page's language, each once per build. */
  private warned = new Map<string, Problem>();
  /** English stories' figures drawn in Korean as another shard of the build placed them (`adopt`), by file. */
  private adoptedKorean = new Map<string, FigureRef[]>();

  /** `cache`: where rendered figures are kept between builds; without it, they are kept in memory. */
  constructor(
    store: DatasetStore,
    private readonly root: string,
    cache?: ContentCache,
  ) {
    this.cache = new FigureCache(store, cache);
  }

  /** Forget the pages (before a build: pages may have changed); the cache of drawn figures stays. */
  reset(): void {
    this.byPage.clear();
    this.renderedPages.clear();
    this.ids.clear();
    this.offsets.clear();
    this.scanned.clear();
    this.blocks.clear();
    this.english = undefined;
    this.warned.clear();
    this.adoptedKorean.clear();
  }

  /** The figures of `paths` (pages under `inputDir` that `include` keeps) as this build placed them, for the site's shard. */
  placedIn(paths: string[], inputDir: string, include: (path: string) => boolean): PlacedFigures[] {
    const korean = group(this.all(inputDir, include, "ko"), (f) => f.file);
    return paths.map((path) => {
      const file = this.file(path);
      const english = langOfFile(relative(inputDir, path)) === "en";
      return { file, page: this.ofPage(path), ko: english ? (korean.get(file) ?? []) : undefined };
    });
  }

  /**
   * Take the figures other shards of the build placed (after `reset`): their pages' figures
   * are then known without reading their files or the figure cache. Their warnings count
   * as this build's (their shard printed them).
   */
  adopt(placed: PlacedFigures[]): void {
    for (const { file, page, ko } of placed) {
      this.byPage.set(file, page);
      if (ko) this.adoptedKorean.set(file, ko);
      for (const f of [...page, ...(ko ?? [])]) {
        this.fileByKey.set(f.key, f.file);
        for (const w of f.warnings) {
          const id = `${w.file}:${w.line}:${w.field}`;
          if (!this.warned.has(id)) this.warned.set(id, w);
        }
      }
    }
  }

  /** Texts a figure lacks in its page's language (each once): build warnings with the spec's file and line. */
  warnings(): Problem[] {
    return [...this.warned.values()];
  }

  /** Figures drawn since the site was opened (the others came from the cache). */
  get drawn(): number {
    return this.cache.drawn;
  }

  /** Path of a file relative to the project root, as errors name it. */
  file(path: string): string {
    return relative(this.root, path).split("\\").join("/");
  }

  /** The figure of a block in its page's language, drawn or found in the cache. Throws the spec's problems. */
  place(block: FigureBlock): FigureRef {
    const { drawn, steps } = this.resolve(block);
    const { key, meta, read } = this.cache.figure(drawn, steps);
    this.byKey.set(key, meta);
    this.fileByKey.set(key, drawn.file);
    for (const w of meta.warnings) {
      const id = `${w.file}:${w.line}:${w.field}`;
      if (this.warned.has(id)) continue;
      this.warned.set(id, w);
      console.warn(`[atlas] warning: ${formatProblem(w)}`);
    }
    return { ...meta, file: drawn.file, line: drawn.fenceLine, key, read };
  }

  /**
   * The block to draw: the block itself, or for `use:` on a Korean page the English story's
   * block drawn in Korean (a scrolly with the page's own step texts).
   */
  private resolve(block: FigureBlock): { drawn: FigureBlock; steps?: StepTexts[] } {
    const use = useDirective(block);
    if (!use) return { drawn: block };
    if ((block.lang ?? "en") === "en")
      throw new ProblemError(
        [
          {
            code: "figure-use-english",
            file: block.file,
            line: use.spec.lineOf("use"),
            field: "use",
            message: "`use:` draws an English story's figure in Korean: it belongs on a page of the Korean edition (under src/ko/)",
            hint: "On an English page, write the figure's spec (docs/figures.md); a figure has one place in each edition.",
          },
        ],
        `The figure at ${block.file}:${block.fenceLine} cannot be built`,
      );
    const english = this.englishBlocks(block.file);
    const source = english.get(use.id);
    if (!source) {
      // The English story this page translates gone (deleted or renamed): say that, not only "unknown id".
      const story = englishStoryPath(block.file);
      return unknownUse(
        block,
        use,
        [...english.keys()].sort(),
        story !== block.file && !existsSync(join(this.root, story)) ? story : undefined,
      );
    }
    if (!!source.scrolly !== !!block.scrolly) return fenceMismatch(block, use, source);
    const drawn = { ...source, lang: block.lang ?? "ko" };
    if (!block.scrolly) return { drawn };
    const count = stepCount(source);
    if (use.steps?.length !== count) return stepCountMismatch(block, use, source, count);
    return { drawn, steps: use.steps };
  }

  /** Figure blocks of the English pages (those outside `ko/`) by their ids, found from the file of a page under `<input>/ko/`. */
  private englishBlocks(file: string): Map<string, FigureBlock> {
    if (this.english) return this.english;
    const norm = file.split("\\").join("/");
    const at = norm.search(KO_DIR);
    const inputDir = join(this.root, at > 0 ? norm.slice(0, at) : ".");
    const index = new Map<string, FigureBlock>();
    for (const path of markdownFiles(inputDir)) {
      const rel = this.file(path);
      if (langOfFile(relative(inputDir, path)) !== "en") continue;
      const source = readFileSync(path, "utf8");
      for (const b of figureBlocks(source, rel, pageSlugOf(path), "en")) {
        const id = declaredId(b, defaultFigureId(b.pageSlug, b.index));
        if (!index.has(id)) index.set(id, { ...b, body: detach(b.body) });
      }
    }
    this.english = index;
    return index;
  }

  /** What the figure stored under `key` shows (a figure placed since the site was opened). */
  ofKey(key: string): FigureMeta {
    const meta = this.byKey.get(key);
    if (!meta) throw new Error(`no figure with the key ${key} was placed`);
    return meta;
  }

  /** The file a placed figure's spec is in (relative to the project root). */
  fileOf(key: string): string | undefined {
    return this.fileByKey.get(key);
  }

  /** A figure's markup, by part. */
  markup(key: string, part: keyof FigureMarkup): string {
    return this.cache.markup(key)[part];
  }

  /** The figure in full (its page markup), for callers that render Markdown outside the site build. */
  render(block: FigureBlock): FigureRef & { html: string } {
    const ref = this.place(block);
    return { ...ref, html: this.markup(ref.key, "html") };
  }

  /** The features (assets-manifest.ts) of the figures placed in a page or an embed page, whose stylesheets it must link. */
  featuresOf(html: string): string[] {
    if (!html.includes("<!--atlas:")) return [];
    return [...html.matchAll(PLACEHOLDER)].flatMap((m) => {
      const meta = this.ofKey(m[2]!);
      return m[1] === "embed" ? meta.embedFeatures : meta.features;
    });
  }

  /** Replace every figure placeholder in a page with the figure's markup. */
  expand(html: string): string {
    return html.includes("<!--atlas:")
      ? html.replace(PLACEHOLDER, (_, part: string, key: string) => this.markup(key, part === "embed" ? "embedHtml" : "html"))
      : html;
  }

  /**
   * The figures a page's Markdown just rendered: they replace what was known of the page,
   * and a figure whose id another page holds in the same language stops the build, naming both.
   */
  setPage(inputPath: string, figures: FigureRef[]): void {
    const file = this.file(inputPath);
    const idOf = (f: FigureRef) => `${f.lang}:${f.id}`;
    const before = this.byPage.get(file);
    for (const old of before ?? []) if (this.ids.get(idOf(old)) === old) this.ids.delete(idOf(old));
    this.byPage.set(file, figures);
    this.renderedPages.add(file);
    // The lists of every figure stay when the page placed what was read from its file (a full
    // build renders each page once, after `all` read it); an edit changes them.
    const same = (a: FigureRef, b: FigureRef) => a.key === b.key && a.id === b.id && a.line === b.line && a.file === b.file;
    if (!before || before.length !== figures.length || before.some((f, i) => !same(f, figures[i]!))) {
      this.scanned.clear();
      this.blocks.delete(file);
      // Korean pages' `use:` resolves against the English pages' blocks: read them again.
      if (before && langOfFile(file) === "en") this.english = undefined;
    }
    const problems: Problem[] = [];
    for (const f of figures) {
      const other = this.ids.get(idOf(f));
      if (other && other !== f) problems.push(duplicateId(f, other));
      else this.ids.set(idOf(f), f);
    }
    if (problems.length) throw new ProblemError(problems, "Two figures share an id");
  }

  /** The figures of one Markdown page, in their order on it (the first is its lead figure), in the page's language. */
  ofPage(inputPath: string): FigureRef[] {
    const file = this.file(inputPath);
    let figures = this.byPage.get(file);
    if (!figures) {
      const source = readFileSync(inputPath, "utf8");
      this.offsets.set(file, frontMatterLines(source));
      const blocks = figureBlocks(source, file, pageSlugOf(inputPath));
      if (langOfFile(file) === "en") this.blocks.set(file, blocks);
      figures = blocks.map((b) => this.place(b));
      this.byPage.set(file, figures);
      this.onPage?.(inputPath, source, figures);
    }
    return figures;
  }

  /** Called with each page's source and figures as they are first placed in a build (the share cards' prefetch). */
  onPage?: (inputPath: string, source: string, figures: FigureRef[]) => void;

  /**
   * An English page's figures drawn in Korean (their /ko/embed/ pages), read from its file;
   * none for the style guide, which is English only. The preview writes their embed pages
   * after an edit of the page.
   */
  koreanDrawings(inputPath: string, inputDir: string): FigureRef[] {
    const rel = relative(inputDir, inputPath).split("\\").join("/");
    if (langOfFile(rel) !== "en" || ENGLISH_ONLY.test(rel)) return [];
    return figureBlocks(readFileSync(inputPath, "utf8"), this.file(inputPath), pageSlugOf(inputPath), "ko").map((b) => this.place(b));
  }

  /** Files of the Korean pages that show one of `ids` drawn from an English story's spec (`use:`). */
  pagesUsing(ids: string[]): string[] {
    const wanted = new Set(ids);
    return [...this.byPage]
      .filter(([file, figures]) => langOfFile(file) === "ko" && figures.some((f) => f.file !== file && wanted.has(f.id)))
      .map(([file]) => file);
  }

  /** Lines of front matter above a page's Markdown; 0 for a page that is not a file (rendered from a string). */
  frontMatterOffset(inputPath: string): number {
    const file = this.file(inputPath);
    let offset = this.offsets.get(file);
    if (offset === undefined) {
      try {
        offset = frontMatterLines(readFileSync(inputPath, "utf8"));
      } catch {
        offset = 0;
      }
      this.offsets.set(file, offset);
    }
    return offset;
  }

  /** Files of the pages with a figure that read one of `datasets` (the dataset → figure → page graph). */
  pagesReading(datasets: string[]): string[] {
    const names = new Set(datasets);
    return [...this.byPage].filter(([, figures]) => figures.some((f) => f.read.some((d) => names.has(d)))).map(([file]) => file);
  }

  /** Every figure the pages rendered since the last reset, by file and line. */
  rendered(): FigureRef[] {
    return [...this.renderedPages]
      .sort()
      .flatMap((file) => this.byPage.get(file) ?? [])
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  }

  /**
   * Every figure under `inputDir` (of the pages `include` keeps) in one language, read from
   * the files (drawn, or found in the cache), once per build; two figures with one id stop
   * the build, naming both. English: the figures of the pages outside `ko/`. Korean: each of
   * those drawn in Korean (its /ko/embed/ page exists whether or not its story has a Korean
   * page), and the figures Korean pages define themselves.
   */
  all(inputDir: string, include: (path: string) => boolean = () => true, lang: Lang = "en"): FigureRef[] {
    const done = this.scanned.get(lang);
    if (done) return done;
    const files = markdownFiles(inputDir).filter(include);
    const isEnglish = (path: string) => langOfFile(relative(inputDir, path)) === "en";
    const english = files.filter(isEnglish);
    // The style guide is for the newsroom, in English only: its figures have no Korean drawing.
    const drawnInKorean = english.filter((path) => !ENGLISH_ONLY.test(relative(inputDir, path).split("\\").join("/")));
    const figures =
      lang === "en"
        ? english.flatMap((path) => this.ofPage(path))
        : [
            ...drawnInKorean.flatMap((path) => {
              const file = this.file(path);
              const adopted = this.adoptedKorean.get(file);
              if (adopted) return adopted;
              const read = this.blocks.get(file);
              const blocks = read
                ? read.map((b) => ({ ...b, lang }))
                : figureBlocks(readFileSync(path, "utf8"), file, pageSlugOf(path), lang);
              return blocks.map((b) => this.place(b));
            }),
            // A Korean page's own figures; those it takes from English stories (`use:`) are drawn above.
            ...files.filter((path) => !isEnglish(path)).flatMap((path) => this.ofPage(path).filter((f) => f.file === this.file(path))),
          ];
    const byId = new Map<string, FigureRef>();
    const problems: Problem[] = [];
    for (const f of figures) {
      const other = byId.get(f.id);
      if (other) problems.push(duplicateId(f, other));
      else byId.set(f.id, f);
    }
    if (problems.length) throw new ProblemError(problems, "Two figures share an id");
    this.scanned.set(lang, figures);
    return figures;
  }

  /** Wait for figures still being written to the cache, then write their traces (FigureCache.flush). */
  flush(): Promise<void> {
    return this.cache.flush();
  }
}
