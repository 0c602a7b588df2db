/**
 * The figures of the site. A ```figure block is drawn once per content (figure-cache.ts) and
 * known to the build by a small reference: where its spec is, what it shows, and the key of
 * its markup in the cache. Pages carry a placeholder for each figure, which the page writer
 * replaces with the markup as it writes the page (`expand`); nothing of a figure's markup
 * stays in memory once its page is written. Figure ids must be unique across the site
 * (they are addresses: /embed/<id>/).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import MarkdownIt from "markdown-it";
import type { ContentCache } from "../../scripts/lib/content-cache.ts";
import { detach } from "../../scripts/lib/detach.ts";
import { type Problem, ProblemError } from "../../scripts/lib/problems.ts";
import { frontMatterLines } from "../lib/front-matter.ts";
import type { DatasetStore } from "./datasets.ts";
import { FigureCache, type FigureMarkup, type FigureMeta } from "./figure-cache.ts";
import type { FigureBlock } from "./render.ts";

/** A figure as the build knows it: what it shows, where its spec is, and its markup's key. */
export interface FigureRef extends FigureMeta {
  /** Story file, relative to the project root. */
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

/** Figure blocks of one Markdown source, with their lines in the file. */
export function figureBlocks(source: string, file: string, pageSlug: string): FigureBlock[] {
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
    }));
}

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith(".") || name === "node_modules" || name === "_includes") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...markdownFiles(path));
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

export class SiteFigures {
  private readonly cache: FigureCache;
  /** The figures of each page (file), in their order on it: as its Markdown last rendered, or as read from its file. */
  private byPage = new Map<string, FigureRef[]>();
  /** Pages whose figures come from rendering their Markdown (not only from reading the file). */
  private renderedPages = new Set<string>();
  /** Which figure holds each id, to stop two figures sharing one. */
  private ids = new Map<string, FigureRef>();
  /** Lines of front matter of each page read, so that figure lines count from the file's top. */
  private offsets = new Map<string, number>();
  /** What each placed figure shows, by the key of its markup. */
  private byKey = new Map<string, FigureMeta>();
  /** Every figure of the site, once `all` has read them in this build. */
  private scanned?: FigureRef[];

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
    this.scanned = undefined;
  }

  /** Figures drawn since the site was opened (the others came from the cache). */
  get drawn(): number {
    return this.cache.drawn;
  }

  /** Path of a file relative to the project root, as errors name it. */
  file(path: string): string {
    return relative(this.root, path).split("\\").join("/");
  }

  /** The figure of a block, drawn or found in the cache. Throws the spec's problems. */
  place(block: FigureBlock): FigureRef {
    const { key, meta, read } = this.cache.figure(block);
    this.byKey.set(key, meta);
    return { ...meta, file: block.file, line: block.fenceLine, key, read };
  }

  /** What the figure stored under `key` shows (a figure placed since the site was opened). */
  ofKey(key: string): FigureMeta {
    const meta = this.byKey.get(key);
    if (!meta) throw new Error(`no figure with the key ${key} was placed`);
    return meta;
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

  /** The features (assets-manifest.ts) of the figures placed in a page, whose stylesheets it must link. */
  featuresOf(html: string): string[] {
    return html.includes("<!--atlas:") ? placedFigures(html).flatMap((key) => this.ofKey(key).features) : [];
  }

  /** Replace every figure placeholder in a page with the figure's markup. */
  expand(html: string): string {
    return html.includes("<!--atlas:")
      ? html.replace(PLACEHOLDER, (_, part: string, key: string) => this.markup(key, part === "embed" ? "embedHtml" : "html"))
      : html;
  }

  /**
   * The figures a page's Markdown just rendered: they replace what was known of the page,
   * and a figure whose id another page holds stops the build, naming both.
   */
  setPage(inputPath: string, figures: FigureRef[]): void {
    const file = this.file(inputPath);
    for (const old of this.byPage.get(file) ?? []) if (this.ids.get(old.id) === old) this.ids.delete(old.id);
    this.byPage.set(file, figures);
    this.renderedPages.add(file);
    this.scanned = undefined;
    const problems: Problem[] = [];
    for (const f of figures) {
      const other = this.ids.get(f.id);
      if (other && other !== f) problems.push(duplicateId(f, other));
      else this.ids.set(f.id, f);
    }
    if (problems.length) throw new ProblemError(problems, "Two figures share an id");
  }

  /** The figures of one Markdown page, in their order on it (the first is its lead figure). */
  ofPage(inputPath: string): FigureRef[] {
    const file = this.file(inputPath);
    let figures = this.byPage.get(file);
    if (!figures) {
      const source = readFileSync(inputPath, "utf8");
      this.offsets.set(file, frontMatterLines(source));
      figures = figureBlocks(source, file, pageSlugOf(inputPath)).map((b) => this.place(b));
      this.byPage.set(file, figures);
    }
    return figures;
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
   * Every figure in the Markdown files under `inputDir` (of the pages `include` keeps), read
   * from the files (drawn, or found in the cache), once per build; two figures with one id
   * stop the build, naming both.
   */
  all(inputDir: string, include: (path: string) => boolean = () => true): FigureRef[] {
    if (this.scanned) return this.scanned;
    const figures = markdownFiles(inputDir)
      .filter(include)
      .flatMap((path) => this.ofPage(path));
    const byId = new Map<string, FigureRef>();
    const problems: Problem[] = [];
    for (const f of figures) {
      const other = byId.get(f.id);
      if (other) problems.push(duplicateId(f, other));
      else byId.set(f.id, f);
    }
    if (problems.length) throw new ProblemError(problems, "Two figures share an id");
    this.scanned = figures;
    return figures;
  }

  /** Wait for figures still being written to the cache. */
  flush(): Promise<void> {
    return this.cache.flush();
  }
}
