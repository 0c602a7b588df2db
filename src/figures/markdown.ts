import type MarkdownIt from "markdown-it";
import { escapeHtml } from "../lib/html.ts";
import type { DatasetStore } from "./datasets.ts";
import { langOfFile } from "./page-lang.ts";
import type { FigureBlock } from "./render.ts";
import { FIGURE_FENCES, type FigureRef, figurePlaceholder, pageSlugOf, SiteFigures } from "./site-figures.ts";

interface Env {
  page?: { inputPath?: string; url?: string };
  /** The page's language (Eleventy data; everything under src/ko/ is "ko"). */
  lang?: string;
  showSpecs?: boolean;
  __figureCount?: number;
  __offset?: number;
  __figures?: FigureRef[];
}

export function specHtml(body: string, fence = "figure"): string {
  return `<details class="figure-spec" open><summary>The spec of this figure</summary><pre><code>${escapeHtml(`\`\`\`${fence}\n${body}\`\`\``)}</code></pre></details>\n`;
}

/**
 * `figures` shares the site's figure cache; `store` and `root` make a cache of its own (scripts, tests).
 * `placeholders`: write a placeholder for each figure instead of its markup, for the page
 * writer to fill in (the site build: pages held in memory stay small).
 */
export type FigurePluginOptions = ({ figures: SiteFigures } | { store: DatasetStore; root: string }) & { placeholders?: boolean };

export function figurePlugin(md: MarkdownIt, options: FigurePluginOptions): void {
  const figures = "figures" in options ? options.figures : new SiteFigures(options.store, options.root);
  const fallback = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, opts, env: Env, self) => {
    const token = tokens[idx]!;
    const fence = token.info.trim();
    if (!FIGURE_FENCES.includes(fence)) return fallback(tokens, idx, opts, env, self);
    const inputPath = env.page?.inputPath ?? "unknown.md";
    env.__offset ??= figures.frontMatterOffset(inputPath);
    env.__figureCount = (env.__figureCount ?? 0) + 1;
    const file = figures.file(inputPath);
    // The page's data says its language; a page rendered without it goes by its path.
    const lang = env.lang === "ko" || env.lang === "en" ? env.lang : langOfFile(file);
    const block: FigureBlock = {
      body: token.content,
      file,
      fenceLine: env.__offset + (token.map?.[0] ?? 0) + 1,
      pageSlug: pageSlugOf(inputPath),
      index: env.__figureCount,
      ...(fence === "scrolly" ? { scrolly: true } : {}),
      ...(lang === "en" ? {} : { lang }),
    };
    const figure = figures.place(block);
    env.__figures?.push(figure);
    const markup = options.placeholders ? figurePlaceholder(figure.key) : figures.markup(figure.key, "html");
    return `${markup}\n${env.showSpecs ? specHtml(token.content, fence) : ""}`;
  };
  // The figures of a page, once its whole Markdown has rendered (Eleventy passes the page's
  // data as the environment; a copy keeps our counters off it).
  const render = md.render.bind(md);
  md.render = (source: string, env?: Env) => {
    const own: Env = { ...env, __figures: [] };
    const out = render(source, own);
    if (env?.page?.inputPath) figures.setPage(env.page.inputPath, own.__figures!);
    return out;
  };
}
