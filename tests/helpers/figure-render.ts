/** Render a figure spec against the fixture datasets, as a story at stories/test.md line 10 would. */
import * as cheerio from "cheerio";
import { ProblemError } from "../../scripts/lib/problems.ts";
import type { DatasetStore } from "../../src/figures/datasets.ts";
import { type RenderedFigure, renderFigure } from "../../src/figures/render.ts";

export const STORY = "src/stories/test.md";
export const FENCE_LINE = 10;

export function render(store: DatasetStore, body: string): RenderedFigure {
  return renderFigure({ body, file: STORY, fenceLine: FENCE_LINE, pageSlug: "test", index: 1 }, store);
}

/** The figure's HTML in cheerio, with the rendered figure (its map configuration, which is not in the HTML). */
export function load(store: DatasetStore, body: string): cheerio.CheerioAPI & { figure: RenderedFigure } {
  const figure = render(store, body);
  return Object.assign(cheerio.load(figure.html.value, null, false), { figure });
}

/** The problems a spec stops the build with (fails the test when it builds). */
export function problemsOf(store: DatasetStore, body: string): ProblemError["problems"] {
  try {
    render(store, body);
  } catch (error) {
    if (error instanceof ProblemError) return error.problems;
    throw error;
  }
  throw new Error(`the spec built without a problem:\n${body}`);
}

/** Line of the spec's n-th line (1-based) in the story file. */
export const specLine = (n: number) => FENCE_LINE + n;
