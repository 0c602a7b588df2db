/** The width, in px, charts are drawn at in the built HTML (the browser redraws at its own). */
export const BUILD_WIDTH = 640;

/** The width a chart is drawn at for a container `width` px wide: never narrower than 240 px. */
export function chartWidth(width: number): number {
  return Math.max(240, Math.round(width));
}
