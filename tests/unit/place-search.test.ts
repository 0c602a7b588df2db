/**
 * "Find your neighbourhood" on the real districts and dong: Korean and romanised names,
 * whole or in part, with or without -gu/-dong/구/동, forgiving of spaces and hyphens; the
 * right place comes first, and an unknown name finds nothing.
 */
import { describe, expect, it } from "vitest";
import { DatasetStore } from "../../src/figures/datasets.ts";
import { findPlaces, placeKey } from "../../src/lib/place-search.ts";
import { placesOf } from "../../src/site/places.ts";
import { GENERATED } from "../helpers/paths.ts";

const places = placesOf(new DatasetStore(GENERATED));
const first = (q: string) => findPlaces(places, q)[0];

describe("the list of places", () => {
  it("holds the 25 districts and the 423 dong, each leading to its district's page", () => {
    expect(places.filter((p) => p.t === "gu")).toHaveLength(25);
    expect(places.filter((p) => p.t === "dong")).toHaveLength(423);
    const dong = places.find((p) => p.ko === "낙성대동")!;
    expect(dong.href).toBe("/districts/gwanak-gu/#dong-1121058");
    expect(places.find((p) => p.ko === "관악구")!.href).toBe("/districts/gwanak-gu/");
  });
});

describe("finding a place", () => {
  it.each([
    ["nakseongdae", "낙성대동"],
    ["Nakseongdae-dong", "낙성대동"],
    ["낙성대", "낙성대동"],
    ["낙성대동", "낙성대동"],
    ["Gwanak-gu", "관악구"],
    ["gwanak", "관악구"],
    ["관악구", "관악구"],
    ["관악", "관악구"],
    ["mapo gu", "마포구"],
    ["Jung-gu", "중구"],
    ["중구", "중구"],
    ["sajik", "사직동"],
  ])("%s → %s first", (query, ko) => {
    expect(first(query)?.ko).toBe(ko);
  });

  it.each(["Seongsu 2ga", "seongsu-2-ga", "Seongsu 2-ga", "성수2가", "성수 2가"])("%s → the dong of Seongsu 2-ga first", (query) => {
    const found = findPlaces(places, query);
    expect(found.map((p) => p.ko)).toEqual(["성수2가1동", "성수2가3동"]);
    expect(found[0]!.guEn).toBe("Seongdong-gu");
  });

  it("finds a part of a name, districts before dong", () => {
    const found = findPlaces(places, "seongsu");
    expect(found.length).toBeGreaterThanOrEqual(4);
    expect(found.every((p) => p.ko.startsWith("성수"))).toBe(true);
    expect(findPlaces(places, "guro")[0]!.t).toBe("gu");
  });

  it("finds nothing for a name that is not a district or a dong, or for nothing", () => {
    expect(findPlaces(places, "xyzzy")).toEqual([]);
    expect(findPlaces(places, "   ")).toEqual([]);
    expect(findPlaces(places, "-")).toEqual([]);
  });

  it("compares names without case, spaces, hyphens, dots, the romanisation's hints and the final gu/dong", () => {
    expect(placeKey("Seongsu 2(i)-ga 1(il)-dong")).toBe("seongsu2ga1");
    expect(placeKey("Jongno1·2·3·4Gadong")).toBe("jongno1234ga");
    expect(placeKey(" 낙성대동 ")).toBe("낙성대");
    expect(placeKey("Gu")).toBe("gu");
  });
});
