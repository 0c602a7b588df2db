/**
 * Point-in-polygon join through a spatial index. Two steps:
 *
 * 1. Bounding-box prefilter. A flatbush R-tree holds the bounding box of every polygon part.
 *    Querying it per point costs about a microsecond here (it allocates a result array per
 *    query), so the tree is queried once per cell of a regular grid laid over the data
 *    instead: each cell stores, sorted, the parts whose box touches the cell (widened by a
 *    hair so rounding in the cell arithmetic can never lose a candidate). A lookup is then
 *    two multiplications and an array read, with no allocation.
 * 2. Exact test. `point-in-polygon-hao` — the very function (and robust orientation
 *    predicate) that `@turf/boolean-point-in-polygon` calls — decides for each candidate.
 *
 * Boundary rule, and so the answer on a border shared by two polygons: boundaries count as
 * inside (turf's default) and the first feature in input order that contains the point wins.
 * That is exactly what the naive `features.findIndex((f) => booleanPointInPolygon(p, f))`
 * returns, so the index and turf agree on every point, on shared borders and in holes too.
 */
import Flatbush from "flatbush";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import pointInPolygon from "point-in-polygon-hao";

/** Widening of each grid cell when collecting candidates, in degrees (≈0.1 mm). */
const CELL_MARGIN = 1e-9;

export class PolygonIndex {
  /** Per indexed part: the rings of that polygon part (exterior first, then holes). */
  private readonly parts: Position[][][];
  /** Per indexed part: the feature it belongs to. */
  private readonly owner: Int32Array;
  private readonly minX: number;
  private readonly minY: number;
  private readonly maxX: number;
  private readonly maxY: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly cellW: number;
  private readonly cellH: number;
  /** Candidates of cell c are cellParts[cellStart[c] … cellStart[c + 1]), ascending. */
  private readonly cellStart: Int32Array;
  private readonly cellParts: Int32Array;
  private readonly point: [number, number] = [0, 0];

  /** Number of features indexed. */
  readonly size: number;

  constructor(features: readonly Feature<Polygon | MultiPolygon>[], options: { cellsPerPart?: number } = {}) {
    this.size = features.length;
    const parts: Position[][][] = [];
    const owner: number[] = [];
    features.forEach((f, i) => {
      const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const rings of polys) {
        parts.push(rings);
        owner.push(i);
      }
    });
    this.parts = parts;
    this.owner = Int32Array.from(owner);

    // Bounding box of each part (its exterior ring: holes lie inside it), in a flatbush tree.
    const tree = new Flatbush(Math.max(parts.length, 1));
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const rings of parts) {
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      for (const [x, y] of rings[0] ?? []) {
        if (x! < x0) x0 = x!;
        if (y! < y0) y0 = y!;
        if (x! > x1) x1 = x!;
        if (y! > y1) y1 = y!;
      }
      tree.add(x0, y0, x1, y1);
      minX = Math.min(minX, x0);
      minY = Math.min(minY, y0);
      maxX = Math.max(maxX, x1);
      maxY = Math.max(maxY, y1);
    }
    if (parts.length === 0) {
      tree.add(0, 0, 0, 0);
      minX = minY = maxX = maxY = 0;
    }
    tree.finish();
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;

    // A grid with about `cellsPerPart` cells per part, shaped like the data's extent.
    const cells = Math.min(1 << 20, Math.max(64, parts.length * (options.cellsPerPart ?? 64)));
    const w = Math.max(maxX - minX, 1e-12);
    const h = Math.max(maxY - minY, 1e-12);
    this.cols = Math.max(1, Math.round(Math.sqrt((cells * w) / h)));
    this.rows = Math.max(1, Math.round(cells / this.cols));
    this.cellW = w / this.cols;
    this.cellH = h / this.rows;
    const start = new Int32Array(this.cols * this.rows + 1);
    const list: number[] = [];
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++) {
        const x0 = minX + c * this.cellW - CELL_MARGIN;
        const y0 = minY + r * this.cellH - CELL_MARGIN;
        const found = parts.length ? tree.search(x0, y0, x0 + this.cellW + 2 * CELL_MARGIN, y0 + this.cellH + 2 * CELL_MARGIN) : [];
        found.sort((a, b) => a - b);
        for (const p of found) list.push(p);
        start[r * this.cols + c + 1] = list.length;
      }
    }
    this.cellStart = start;
    this.cellParts = Int32Array.from(list);
  }

  /** Index of the first feature (in input order) that contains [lon, lat], boundary included; -1 if none. */
  find(lon: number, lat: number): number {
    if (!(lon >= this.minX && lon <= this.maxX && lat >= this.minY && lat <= this.maxY)) return -1;
    const c = Math.min(this.cols - 1, Math.floor((lon - this.minX) / this.cellW));
    const r = Math.min(this.rows - 1, Math.floor((lat - this.minY) / this.cellH));
    const cell = r * this.cols + c;
    const end = this.cellStart[cell + 1]!;
    const p = this.point;
    p[0] = lon;
    p[1] = lat;
    // Parts are numbered in feature order, so the first hit in ascending order belongs to
    // the first feature that contains the point.
    for (let i = this.cellStart[cell]!; i < end; i++) {
      const part = this.cellParts[i]!;
      if (pointInPolygon(p, this.parts[part]!) !== false) return this.owner[part]!;
    }
    return -1;
  }
}
