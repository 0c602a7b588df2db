/**
 * Every figure of the site, found before Eleventy renders a page: each Markdown file under
 * the input folder is parsed for ```figure blocks, and each block is rendered once. The
 * list feeds the /embed/<id>/ pages; the Markdown plugin takes its figures from the same
 * cache. Figure ids must be unique across the site (they are addresses).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import MarkdownIt from "markdown-it";
import { parse as parseYaml } from "yaml";
import { formatProblem, type Problem, ProblemError } from "../../scripts/lib/problems.ts";
import { frontMatterLines } from "../lib/front-matter.ts";
import type { Lang } from "../lib/i18n/index.ts";
import type { DatasetStore } from "./datasets.ts";
import { KO_DIR, langOfFile } from "./page-lang.ts";
import { defaultFigureId, type FigureBlock, type RenderedFigure } from "./render.ts";
import { renderBlock } from "./scrolly.ts";
import { declaredId, fenceMismatch, stepCountMismatch, unknownUse, useDirective } from "./use.ts";

/** Pages in English only, whatever the edition: the style guide (for the newsroom). */
const ENGLISH_ONLY = /^styleguide\//;

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
  private scanned = new Map<Lang, RenderedFigure[]>();
  /** The English stories' figure blocks by id, for `use:` on Korean pages. */
  private english?: Map<string, FigureBlock>;
  private warned = new Map<string, Problem>();

  constructor(
    private readonly store: DatasetStore,
    private readonly root: string,
  ) {}

  reset(): void {
    this.cache.clear();
    this.byPage.clear();
    this.offsets.clear();
    this.scanned.clear();
    this.english = undefined;
    this.warned.clear();
  }

  /** Texts a figure lacks in its page's language (each once): build warnings with the spec's file and line. */
  warnings(): Problem[] {
    return [...this.warned.values()];
  }

  /** Path of a file relative to the project root, as errors name it. */
  file(path: string): string {
    return relative(this.root, path).split("\\").join("/");
  }

  /** A block drawn in its page's language (the same figure in two languages is two drawings). */
  render(block: FigureBlock): RenderedFigure {
    const key = `${block.lang ?? "en"}\u0000${block.file}:${block.fenceLine}:${block.body}`;
    let figure = this.cache.get(key);
    if (!figure) {
      figure = this.draw(block);
      this.cache.set(key, figure);
      for (const w of figure.warnings) {
        const id = `${w.file}:${w.line}:${w.field}`;
        if (this.warned.has(id)) continue;
        this.warned.set(id, w);
        console.warn(`[atlas] warning: ${formatProblem(w)}`);
      }
    }
    return figure;
  }

  private draw(block: FigureBlock): RenderedFigure {
    const use = useDirective(block);
    if (!use) return renderBlock(block, this.store);
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
    if (!source) return unknownUse(block, use, [...english.keys()].sort());
    if (!!source.scrolly !== !!block.scrolly) return fenceMismatch(block, use, source);
    if (block.scrolly) {
      const count = stepCount(source);
      if (use.steps?.length !== count) return stepCountMismatch(block, use, source, count);
    }
    // A figure is the English block drawn in Korean, shared with its /ko/embed/ page; a scrolly has the page's own step texts.
    if (!block.scrolly) return this.render({ ...source, lang: block.lang ?? "ko" });
    return renderBlock({ ...source, lang: block.lang ?? "ko" }, this.store, use.steps);
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
        if (!index.has(id)) index.set(id, b);
      }
    }
    this.english = index;
    return index;
  }

  /** The figures of one Markdown page, in their order on it (the first is its lead figure), in the page's language. */
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

  /**
   * Every figure under `inputDir` (of the pages `include` keeps) in one language; two figures
   * with one id stop the build, naming both. English: the figures of the pages outside `ko/`.
   * Korean: each of those drawn in Korean (its /ko/embed/ page exists whether or not its story
   * has a Korean page), and the figures Korean pages define themselves.
   */
  all(inputDir: string, include: (path: string) => boolean = () => true, lang: Lang = "en"): RenderedFigure[] {
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
              const source = readFileSync(path, "utf8");
              return figureBlocks(source, this.file(path), pageSlugOf(path), lang).map((b) => this.render(b));
            }),
            // A Korean page's own figures; those it takes from English stories (`use:`) are drawn above.
            ...files.filter((path) => !isEnglish(path)).flatMap((path) => this.ofPage(path).filter((f) => f.file === this.file(path))),
          ];
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
    this.scanned.set(lang, figures);
    return figures;
  }
}
