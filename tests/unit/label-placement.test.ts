import { describe, expect, it } from "vitest";
import { type LabelRequest, NARROW_LABEL_SCALE, narrowLabels, placeLabels } from "../../src/figures/label-placement.ts";

/** Every character 0.5 em wide: "abcd" at 10 px is 20 px. */
const measure = (text: string, size: number) => text.length * size * 0.5;
const area = { width: 200, height: 100 };
const at = (x: number, y: number, anchor: "start" | "middle" | "end" = "middle") => ({ x, y, anchor });

describe("names where the map is narrow (narrowLabels)", () => {
  it("keeps a name that still fits at the larger size, and hides a later one it would then cross", () => {
    const requests: LabelRequest[] = [
      { lines: [{ text: "Jung", size: 10 }], positions: [at(60, 50)] },
      // 40 px to the right: apart at 10 px (20 px wide each), crossing at 17 px (34 px wide each).
      { lines: [{ text: "Mapo", size: 10 }], positions: [at(95, 50)] },
      { lines: [{ text: "Guro", size: 10 }], positions: [at(150, 50)] },
    ];
    const placed = placeLabels(requests, measure, area);
    expect(placed.every(Boolean)).toBe(true);
    expect(narrowLabels(requests, placed, measure, area)).toEqual([{ hide: false }, { hide: true }, { hide: false }]);
  });

  it("hides a name that would cross the drawing's edge, and leaves alone one that was never placed", () => {
    const requests: LabelRequest[] = [
      { lines: [{ text: "Gangdong", size: 10 }], positions: [at(170, 50)] },
      { lines: [{ text: "Songpa", size: 10 }], positions: [at(170, 50)] },
    ];
    const placed = placeLabels(requests, measure, area);
    expect(placed[1]).toBeUndefined();
    expect(narrowLabels(requests, placed, measure, area)).toEqual([{ hide: true }, { hide: false }]);
  });

  it("with `move`, puts a point's name on the point's other side when its own side no longer fits", () => {
    const requests: LabelRequest[] = [{ lines: [{ text: "Startup", size: 10 }], positions: [at(150, 50, "start"), at(130, 50, "end")] }];
    const placed = placeLabels(requests, measure, area);
    expect(placed[0]).toMatchObject(at(150, 50, "start"));
    // 7 × 17 × 0.5 = 59.5 px: from 150 it crosses the edge at 200; ending at 130 it fits.
    expect(narrowLabels(requests, placed, measure, area, { move: true })).toEqual([{ hide: true, moved: at(130, 50, "end") }]);
    expect(narrowLabels(requests, placed, measure, area)).toEqual([{ hide: true }]);
  });

  it("keeps clear of the obstacles it is given (the points)", () => {
    const requests: LabelRequest[] = [{ lines: [{ text: "Cafe", size: 10 }], positions: [at(100, 50)] }];
    const placed = placeLabels(requests, measure, area);
    // A point 14 px right of the name's middle: clear of its 20 px at 10 px, under its 34 px at 17 px.
    const point = { x: 112, y: 46, w: 8, h: 8 };
    expect(narrowLabels(requests, placed, measure, area, { obstacles: [point] })).toEqual([{ hide: true }]);
    expect(NARROW_LABEL_SCALE).toBe(1.7);
  });
});
