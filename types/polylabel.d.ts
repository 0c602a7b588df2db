declare module "polylabel" {
  /** Pole of inaccessibility of a polygon (rings of [x, y]); `precision` in coordinate units. */
  export default function polylabel(polygon: number[][][], precision?: number, debug?: boolean): [number, number] & { distance: number };
}
