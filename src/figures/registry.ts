import { bar } from "./kinds/bar.ts";
import { choropleth } from "./kinds/choropleth.ts";
import { line } from "./kinds/line.ts";
import { points } from "./kinds/points.ts";
import { progress } from "./kinds/progress.ts";
import { timeline } from "./kinds/timeline.ts";
import type { FigureKind } from "./types.ts";

/** Every figure kind a story can use, by the name written after `kind:`. */
export const KINDS: Record<string, FigureKind> = Object.fromEntries(
  [choropleth, points, bar, line, timeline, progress].map((k) => [k.kind, k as unknown as FigureKind]),
);
