/**
 * The built style guide (real data): every kind is there with the spec that made it and
 * its embed page, no figure shows a broken value, and no figure makes the reader fetch
 * more than 200 KB gzip of data.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { BUDGETS, firstView, pageLoads } from "../../scripts/lib/page-weight.ts";
import type { MapFigureConfig } from "../../src/lib/map-style.ts";
import { SITE } from "../helpers/paths.ts";
import { loadPage, mapConfigOf } from "../helpers/site.ts";

// The guide is a page per family of figures (each within a page's weight budget); read as one.
const GUIDE_PAGES = [
  "/styleguide/",
  "/styleguide/points/",
  "/styleguide/dong/",
  "/styleguide/charts/",
  "/styleguide/timelines/",
  "/styleguide/scrolly/",
];
const $ = cheerio.load(GUIDE_PAGES.map((url) => loadPage(url)("main").html()).join("\n"));
const figures = $("figure[data-figure]");

describe("the style guide /styleguide/", () => {
  it("links its pages to each other, and each page stays within the first-view budget", async () => {
    for (const url of GUIDE_PAGES) {
      const page = loadPage(url);
      const links = page("main a[href^='/styleguide/']")
        .map((_, a) => page(a).attr("href"))
        .get();
      for (const other of GUIDE_PAGES) expect(links, url).toContain(other);
    }
    const loads = await pageLoads(SITE, GUIDE_PAGES);
    for (const l of loads) expect(firstView(l), l.url).toBeLessThanOrEqual(BUDGETS.firstView);
  });

  it("shows every kind of figure", () => {
    const kinds = new Set(figures.map((_, f) => $(f).attr("data-figure")).get());
    expect([...kinds].sort()).toEqual(["bar", "choropleth", "line", "points", "progress", "timeline"]);
  });

  it("prints the spec that made each figure, right after it", () => {
    figures.each((_, f) => {
      const spec = $(f).next(".figure-spec").find("code").text();
      expect(spec.startsWith($(f).is("[data-scrolly]") ? "```scrolly\n" : "```figure\n")).toBe(true);
      expect(spec).toContain(`kind: ${$(f).attr("data-figure")}`);
      expect(spec).toContain(`id: ${$(f).attr("id")}`);
    });
  });

  it("gives each figure an embed page with that figure alone", () => {
    figures.each((_, f) => {
      const id = $(f).attr("id")!;
      const embed = loadPage(`/embed/${id}/`);
      expect(embed(`figure#${id}`)).toHaveLength(1);
      expect(embed("figure")).toHaveLength(1);
    });
  });

  it("shows no broken value (NaN, undefined, Infinity) in any figure", () => {
    expect(figures.text()).not.toMatch(/NaN|undefined|Infinity|\[object /);
    expect(
      figures
        .find("[data-value], [aria-label]")
        .map((_, el) => `${$(el).attr("data-value") ?? ""} ${$(el).attr("aria-label") ?? ""}`)
        .get()
        .join(" "),
    ).not.toMatch(/NaN|undefined|Infinity/);
  });

  it("fetches at most 200 KB gzip of data per figure", () => {
    const gz = (url: string) => gzipSync(readFileSync(join(SITE, new URL(url, "http://x").pathname))).length;
    let maps = 0;
    figures.each((_, f) => {
      const map = $(f).find("[data-map]");
      const chart = $(f).find("[data-chart]").attr("data-chart");
      if (map.length) {
        maps++;
        const config = mapConfigOf<MapFigureConfig>(map);
        const urls = [config.data, ...(config.type === "points" ? [config.basemap] : config.outline ? [config.outline] : [])];
        for (const u of urls) expect(existsSync(join(SITE, u)), u).toBe(true);
        expect(
          urls.reduce((sum, u) => sum + gz(u), 0),
          $(f).attr("id"),
        ).toBeLessThanOrEqual(200 * 1024);
      } else {
        expect(gzipSync(chart!).length).toBeLessThanOrEqual(200 * 1024);
      }
    });
    expect(maps).toBeGreaterThanOrEqual(5);
  });
});
