/**
 * The names on the build-time maps, as a reader sees them: readable on a phone (a map's SVG
 * scales with its width, and names set for 640 px came out about 6 px at 390), apart from
 * one another, and not under the buttons that open the interactive map.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { siteSession } from "../helpers/site-session.ts";

const site = siteSession();

interface Label {
  text: string;
  /** On-screen font size, CSS px. */
  px: number;
  box: { x: number; y: number; w: number; h: number };
}

/** The names the reader sees on the `index`th map matching `svgSelector` (hidden ones left out), and the rectangles of the map and its buttons. */
async function labelsOn(page: Page, svgSelector: string, index = 0) {
  const svg = page.locator(svgSelector).nth(index);
  await svg.scrollIntoViewIfNeeded();
  // A scrollytelling map puts its names back once its view has moved.
  await page.waitForTimeout(1200);
  return svg.evaluate((el: Element) => {
    const rect = (r: DOMRect) => ({ x: r.x, y: r.y, w: r.width, h: r.height });
    const svgEl = el as SVGSVGElement;
    const scale = svgEl.getBoundingClientRect().width / svgEl.viewBox.baseVal.width;
    const labels = [...svgEl.querySelectorAll<SVGTextElement>(".map-labels text, .district-map__labels text")]
      .filter((t) => getComputedStyle(t).display !== "none" && t.getBoundingClientRect().width > 0)
      .map((t) => {
        // The first line's own size (a two-line name's English line is its <tspan>).
        const line = t.querySelector("tspan") ?? t;
        return {
          text: t.textContent ?? "",
          px: Number.parseFloat(getComputedStyle(line).fontSize) * scale,
          box: rect(t.getBoundingClientRect()),
        };
      });
    const bar = el.closest(".figure__graphic")?.querySelector(".map-intent");
    return {
      labels,
      all: svgEl.querySelectorAll(".map-labels text:not([data-narrow='only']), .district-map__labels text").length,
      map: rect(svgEl.getBoundingClientRect()),
      bar: bar ? rect(bar.getBoundingClientRect()) : undefined,
    };
  });
}

const overlap = (a: Label["box"], b: Label["box"]) =>
  a.x + 1 < b.x + b.w && b.x + 1 < a.x + a.w && a.y + 1 < b.y + b.h && b.y + 1 < a.y + a.h;

function overlapping(labels: Label[]): string[] {
  const pairs: string[] = [];
  for (const [i, a] of labels.entries())
    for (const b of labels.slice(i + 1)) if (overlap(a.box, b.box)) pairs.push(`${a.text} / ${b.text}`);
  return pairs;
}

const PHONE = { width: 390, height: 800 };
const DESKTOP = { width: 1280, height: 900 };

describe("names on the maps", () => {
  for (const [lang, prefix] of [
    ["English", ""],
    ["Korean", "/ko"],
  ] as const) {
    it(`${lang}: on a phone the district map's names are at least 9.5 px, apart, and clear of the map's buttons`, async () => {
      const page = await site.browser.newPage({ viewport: PHONE });
      await page.goto(`${site.url}${prefix}/stories/seoul-at-a-glance/`, { waitUntil: "networkidle" });
      const { labels, all, bar } = await labelsOn(page, "svg.chart--map");
      expect(all).toBe(25);
      // Most districts keep their name; the crowded ones are left to the tooltip and the table.
      expect(labels.length).toBeGreaterThanOrEqual(18);
      for (const l of labels) expect(l.px, l.text).toBeGreaterThanOrEqual(9.5);
      expect(overlapping(labels)).toEqual([]);
      expect(bar).toBeDefined();
      expect(labels.filter((l) => overlap(l.box, bar!)).map((l) => l.text)).toEqual([]);
      await page.close();
    });
  }

  it("on a wide screen every district keeps its name, at 11 px, and the buttons cover none", async () => {
    const page = await site.browser.newPage({ viewport: DESKTOP });
    await page.goto(`${site.url}/stories/seoul-at-a-glance/`, { waitUntil: "networkidle" });
    const { labels, bar } = await labelsOn(page, "svg.chart--map");
    expect(labels.length).toBe(25);
    for (const l of labels) expect(l.px, l.text).toBeGreaterThanOrEqual(10.5);
    expect(overlapping(labels)).toEqual([]);
    expect(labels.filter((l) => overlap(l.box, bar!)).map((l) => l.text)).toEqual([]);
    await page.close();
  });

  it("on a phone a place's name on Gwanak's map moves to the side of its point where it fits, inside the map", async () => {
    const page = await site.browser.newPage({ viewport: PHONE });
    await page.goto(`${site.url}/stories/gwanak-s-valley/`, { waitUntil: "networkidle" });
    const { labels, map } = await labelsOn(page, "svg.chart--points");
    expect(labels.map((l) => l.text)).toEqual(
      expect.arrayContaining([expect.stringContaining("Nakseong Venture Startup Center"), expect.stringContaining("SNU Research Park")]),
    );
    for (const l of labels) {
      expect(l.px, l.text).toBeGreaterThanOrEqual(9.5);
      expect(l.box.x, l.text).toBeGreaterThanOrEqual(map.x - 1);
      expect(l.box.x + l.box.w, l.text).toBeLessThanOrEqual(map.x + map.w + 1);
    }
    expect(overlapping(labels)).toEqual([]);
    await page.close();
  });

  it("on a phone the home page's map of districts names them at a readable size, apart", async () => {
    for (const prefix of ["", "/ko"]) {
      const page = await site.browser.newPage({ viewport: PHONE });
      await page.goto(`${site.url}${prefix}/`, { waitUntil: "networkidle" });
      const { labels } = await labelsOn(page, "svg.district-map--overview");
      expect(labels.length, prefix).toBeGreaterThanOrEqual(18);
      for (const l of labels) expect(l.px, l.text).toBeGreaterThanOrEqual(9.5);
      expect(overlapping(labels), prefix).toEqual([]);
      await page.close();
    }
  });
});
