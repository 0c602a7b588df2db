/**
 * Keyboard movement between the marks of a figure. Marks with a position (map areas)
 * move by direction: the arrow picks the nearest mark that way. Marks in a list (bars)
 * move to the previous or next one. Home and End go to the first and last.
 */
export interface Positioned {
  x: number;
  y: number;
}

const DIRECTIONS: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowDown: [0, 1],
  ArrowUp: [0, -1],
};

/** Index of the mark to move to from `current`, or `current` when there is none that way. */
export function nextIndex(key: string, current: number, count: number, positions?: Positioned[]): number {
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  const dir = DIRECTIONS[key];
  if (!dir) return current;
  if (!positions) {
    const step = key === "ArrowRight" || key === "ArrowDown" ? 1 : -1;
    return Math.min(count - 1, Math.max(0, current + step));
  }
  const from = positions[current]!;
  let best = current;
  let bestScore = Infinity;
  positions.forEach((p, i) => {
    if (i === current) return;
    const dx = p.x - from.x;
    const dy = p.y - from.y;
    const along = dx * dir[0] + dy * dir[1];
    if (along <= 0) return;
    const across = Math.abs(dx * dir[1] - dy * dir[0]);
    // Prefer marks straight ahead: sideways distance counts double.
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

export const NAVIGATION_KEYS = new Set(["ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp", "Home", "End"]);
