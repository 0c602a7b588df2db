/**
 * "Find your neighbourhood": the 25 districts (gu) and the 423 neighbourhoods (dong) by
 * name, in Korean or romanised, whole or in part, with or without "-gu", "-dong", "구",
 * "동", forgiving of spaces, hyphens, middle dots and the romanisation's number hints
 * ("Seongsu 2(i)-ga 1(il)-dong"). The same code ranks on the build side (tests) and in the
 * browser (src/assets/find.ts), from the list the build writes (/find/places.json).
 */

/** One place of the list: a district or a dong, its names, its district and its page. */
export interface Place {
  /** "gu" or "dong". */
  t: "gu" | "dong";
  /** English (romanised) and Korean names, as the data writes them. */
  en: string;
  ko: string;
  /** The district's slug (its own, for a gu), and, for a dong, the district's names. */
  gu: string;
  guEn?: string;
  guKo?: string;
  /** The page choosing it leads to: the district's, at the dong for a dong. */
  href: string;
}

const SUFFIX = /(dong|gu|동|구)$/;

/**
 * A name or a query as compared: lower case, composed Hangul, without the romanisation's
 * hints in brackets, spaces, hyphens, dots or apostrophes, and without a final
 * "dong"/"gu"/"동"/"구" ("Seongsu 2(i)-ga 1(il)-dong" → "seongsu2ga1", "낙성대동" → "낙성대").
 */
export function placeKey(text: string): string {
  const bare = text
    .normalize("NFC")
    .toLowerCase()
    .replace(/\([^)]*\)/g, "")
    .replace(/[\s\-‐‑–—·・.,'’]/g, "");
  // Never strip a whole name away ("Gu" alone stays "gu").
  const stripped = bare.replace(SUFFIX, "");
  return stripped || bare;
}

interface Ranked {
  place: Place;
  rank: number;
}

/**
 * The places whose English or Korean name matches the query, best first: a name equal to
 * it, then names that start with it, then names that contain it; districts before dong,
 * then shorter names, then alphabetical. At most `limit`.
 */
export function findPlaces(places: readonly Place[], query: string, limit = 8): Place[] {
  const q = placeKey(query);
  if (!q) return [];
  const ranked: Ranked[] = [];
  for (const place of places) {
    let rank = Infinity;
    for (const name of [place.en, place.ko]) {
      const key = placeKey(name);
      const r = key === q ? 0 : key.startsWith(q) ? 1 : key.includes(q) ? 2 : Infinity;
      rank = Math.min(rank, r);
    }
    if (rank < Infinity) ranked.push({ place, rank });
  }
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.place.t === b.place.t ? 0 : a.place.t === "gu" ? -1 : 1) ||
      placeKey(a.place.en).length - placeKey(b.place.en).length ||
      placeKey(a.place.en).localeCompare(placeKey(b.place.en)),
  );
  return ranked.slice(0, limit).map((r) => r.place);
}
