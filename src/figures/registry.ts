import { bar } from "./kinds/bar.ts";
import { choropleth } from "./kinds/choropleth.ts";
import type { FigureKind } from "./types.ts";

/** Every figure kind a story can use, by the name written after `kind:`. */
export const KINDS: Record<string, FigureKind> = {
  [choropleth.kind]: choropleth as unknown as FigureKind,
  [bar.kind]: bar as unknown as FigureKind,
};
