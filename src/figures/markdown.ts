/**
 * The journalist's interface: a fenced block whose info string is `figure` becomes a
 * figure. Line numbers in errors are lines of the story file (front matter included).
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type MarkdownIt from "markdown-it";
import type { DatasetStore } from "./datasets.ts";
import { type RenderedFigure, renderFigure } from "./render.ts";

/** Lines taken by front matter (both --- lines included), or 0. */
export function frontMatterLines(source: string): number {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return 0;
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === "---");
  return end < 0 ? 0 : end + 1;
}

interface Env {
  page?: { inputPath?: string; fileSlug?: string; url?: string };
  __figures?: RenderedFigure[];
  __offset?: number;
}

export function figurePlugin(
  md: MarkdownIt,
  options: { store: DatasetStore; root: string; onFigure?: (f: RenderedFigure, page: string) => void },
): void {
  const fallback = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, opts, env: Env, self) => {
    const token = tokens[idx]!;
    if (token.info.trim() !== "figure") return fallback(tokens, idx, opts, env, self);
    const inputPath = env.page?.inputPath ?? "unknown.md";
    if (env.__offset === undefined) {
      let offset = 0;
      try {
        offset = frontMatterLines(readFileSync(inputPath, "utf8"));
      } catch {
        // Rendered from a string (tests): no file, no offset.
      }
      env.__offset = offset;
    }
    env.__figures ??= [];
    const figure = renderFigure(
      {
        body: token.content,
        file: relative(options.root, inputPath).split("\\").join("/"),
        fenceLine: env.__offset + (token.map?.[0] ?? 0) + 1,
        pageSlug: env.page?.fileSlug ?? "figure",
        index: env.__figures.length + 1,
      },
      options.store,
    );
    env.__figures.push(figure);
    options.onFigure?.(figure, env.page?.url ?? "");
    return `${figure.html.value}\n`;
  };
}
