/**
 * Which polygons are neighbours: those whose boundaries share at least one edge (rook
 * contiguity). A shared corner alone does not make two districts neighbours — Gwanak-gu and
 * Yeongdeungpo-gu meet at one vertex of the simplified KOSTAT file, and no one would call them
 * neighbours. The simplified boundaries come from a topology, so a border two polygons share
 * is the same run of vertices in both; an edge is compared by its two end points.
 */
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";

const point = (p: Position) => `${p[0]},${p[1]}`;
/** An undirected edge, the same key whichever way a ring runs along it. */
const edge = (a: Position, b: Position) => {
  const [x, y] = [point(a), point(b)];
  return x < y ? `${x} ${y}` : `${y} ${x}`;
};

function edgesOf(geometry: Polygon | MultiPolygon): Set<string> {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const edges = new Set<string>();
  for (const ring of polygons.flat()) {
    for (let i = 1; i < ring.length; i++) edges.add(edge(ring[i - 1]!, ring[i]!));
  }
  return edges;
}

/** For each feature's key, the keys of the features that share an edge with it, sorted. */
export function neighbours<P>(features: readonly Feature<Polygon | MultiPolygon, P>[], key: (p: P) => string): Map<string, string[]> {
  const owners = new Map<string, Set<string>>();
  for (const f of features) {
    const k = key(f.properties);
    for (const e of edgesOf(f.geometry)) {
      let set = owners.get(e);
      if (!set) owners.set(e, (set = new Set()));
      set.add(k);
    }
  }
  const result = new Map<string, Set<string>>(features.map((f) => [key(f.properties), new Set()]));
  for (const set of owners.values()) {
    if (set.size < 2) continue;
    for (const a of set) for (const b of set) if (a !== b) result.get(a)!.add(b);
  }
  return new Map([...result].map(([k, set]) => [k, [...set].sort()]));
}
