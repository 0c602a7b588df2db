/**
 * Every page still tells its story when the browser can do less: with JavaScript off,
 * every figure's SVG (each step's, for a scrolly) and its data table are on screen; with WebGL unavailable, every map
 * figure keeps its SVG, loads no map code and says why the map is static. With JavaScript
 * on, the tables start folded (the script closes the <details> the HTML leaves open).
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAP_STRINGS } from "../../src/lib/i18n/maps.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { openPage, settle } from "../helpers/page-visit.ts";
import { loadPage } from "../helpers/site.ts";
import { samplePages } from "../helpers/site-pages.ts";
import { siteSession } from "../helpers/site-session.ts";

// Every kind of page of both editions (a few district and dataset pages stand for the rest).
const pages = samplePages().map((url) => {
  const $ = loadPage(url);
  return { url, figures: $("figure[data-figure]").length, maps: $("figure[data-figure]:has([data-map])").length };
});
const server = siteSession();
let noWebGl: Browser;

beforeAll(async () => {
  noWebGl = await launchBrowser(["--disable-webgl", "--disable-3d-apis"]);
});
afterAll(async () => {
  await noWebGl?.close();
});

const figurePages = pages.filter((p) => p.figures > 0);
const mapPages = pages.filter((p) => p.maps > 0);

it("finds the pages with figures and maps in _site/", () => {
  expect(figurePages.length).toBeGreaterThan(0);
  expect(mapPages.length).toBeGreaterThan(0);
});

describe.each(figurePages)("page $url", ({ url }) => {
  it("shows every figure's SVG and data table with JavaScript off", async () => {
    const context = await server.browser.newContext({ javaScriptEnabled: false });
    try {
      const { page } = await openPage(context, server.url, url);
      const hidden = await page.$$eval("figure[data-figure]", (fs) =>
        fs.flatMap((f) => {
          const shown = (el: Element | null) =>
            !!el && (el as HTMLElement | SVGElement).getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
          const problems: string[] = [];
          // A scrolly shows each step's own drawing instead of its moving one.
          const drawings = f.hasAttribute("data-scrolly")
            ? [...f.querySelectorAll(".scrolly__snapshot svg.chart")]
            : [f.querySelector("svg.chart")];
          for (const svg of drawings) if (!shown(svg)) problems.push(`#${f.id}: SVG not visible`);
          if (!shown(f.querySelector("table"))) problems.push(`#${f.id}: data table not visible`);
          return problems;
        }),
      );
      expect(hidden, `${url} without JavaScript`).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("folds each data table under its summary when JavaScript runs", async () => {
    const context = await server.browser.newContext();
    try {
      const { page } = await openPage(context, server.url, url);
      const table = page.locator("figure[data-figure] details.figure__table").first();
      expect(await table.locator("summary").isVisible()).toBe(true);
      expect(await table.locator("table").isVisible(), `${url}: the table should start folded`).toBe(false);
      await table.locator("summary").click();
      expect(await table.locator("table").isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe.each(mapPages)("page $url", ({ url }) => {
  it("keeps every map's SVG and says why the map is static when WebGL is unavailable", async () => {
    const context = await noWebGl.newContext();
    try {
      const { page, watch } = await openPage(context, server.url, url);
      for (const figure of await page.locator("figure[data-figure]:has([data-map])").all()) {
        await figure.scrollIntoViewIfNeeded();
        const id = await figure.getAttribute("id");
        const status = figure.locator("[data-status]");
        await expect.poll(() => status.isVisible(), { message: `${url} #${id}: no status shown` }).toBe(true);
        // In the page's language: the dictionary's words for a browser without WebGL.
        expect(await status.innerText()).toContain(MAP_STRINGS[url.startsWith("/ko/") ? "ko" : "en"].noWebgl);
        expect(await figure.locator(".figure__graphic svg.chart").isVisible(), `${url} #${id}: SVG hidden`).toBe(true);
      }
      await settle(page);
      expect(
        watch.requests.filter((u) => /maplibre|\/map-/.test(u)),
        `${url}: map code loaded without WebGL`,
      ).toEqual([]);
      expect(watch.consoleErrors, `${url}: console errors without WebGL`).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
