/**
 * Every figure of the site, found before Eleventy renders a page: each Markdown file under
 * the input folder is parsed for ```figure blocks, and each block is rendered once. The
 * list feeds the /embed/<id>/ pages; the Markdown plugin takes its figures from the same
 * cache. Figure ids must be unique across the site (they are addresses).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import MarkdownIt from "markdown-it";
import { ProblemError } from "../../scripts/lib/problems.ts";
import { frontMatterLines } from "../lib/front-matter.ts";
import type { DatasetStore } from "./datasets.ts";
import type { FigureBlock, RenderedFigure } from "./render.ts";
import { renderBlock } from "./scrolly.ts";

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

export class SiteFigures {
  private cache = new Map<string, RenderedFigure>();
  private byPage = new Map<string, RenderedFigure[]>();
  /** Lines of front matter of each page read, so that figure lines count from the file's top. */
  private offsets = new Map<string, number>();
  private scanned?: RenderedFigure[];

  constructor(
    private readonly store: DatasetStore,
    private readonly root: string,
  ) {}

  reset(): void {
    this.cache.clear();
    this.byPage.clear();
    this.offsets.clear();
    this.scanned = undefined;
  }

  /** Path of a file relative to the project root, as errors name it. */
  file(path: string): string {
    return relative(this.root, path).split("\\").join("/");
  }

  render(block: FigureBlock): RenderedFigure {
    const key = `${block.file}:${block.fenceLine}:${block.body}`;
    let figure = this.cache.get(key);
    if (!figure) {
      figure = renderBlock(block, this.store);
      this.cache.set(key, figure);
    }
    return figure;
  }

  /** The figures of one Markdown page, in their order on it (the first is its lead figure). */
  ofPage(inputPath: string): RenderedFigure[] {
    const file = this.file(inputPath);
    let figures = this.byPage.get(file);
    if (!figures) {
      const source = readFileSync(inputPath, "utf8");
      this.offsets.set(file, frontMatterLines(source));
      figures = figureBlocks(source, file, pageSlugOf(inputPath)).map((b) => this.render(b));
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

  /** Every figure under `inputDir` (of the pages `include` keeps); two figures with one id stop the build, naming both. */
  all(inputDir: string, include: (path: string) => boolean = () => true): RenderedFigure[] {
    if (this.scanned) return this.scanned;
    const figures = markdownFiles(inputDir)
      .filter(include)
      .flatMap((path) => this.ofPage(path));
    const byId = new Map<string, RenderedFigure>();
    const problems = [];
    for (const f of figures) {
      const other = byId.get(f.id);
      if (other) {
        problems.push({
          code: "figure-duplicate-id",
          file: f.file,
          line: f.line,
          field: "id",
          message: `the figure id "${f.id}" is already used by the figure at ${other.file}:${other.line}`,
          hint: "Give one of them its own `id: …` (lowercase letters, digits and hyphens): ids are the figures' addresses (/embed/<id>/).",
        });
      } else byId.set(f.id, f);
    }
    if (problems.length) throw new ProblemError(problems, "Two figures share an id");
    this.scanned = figures;
    return figures;
  }
}
