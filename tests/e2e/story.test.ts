import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { watchPage } from "../helpers/page-watch.ts";
import { ROOT, SITE } from "../helpers/paths.ts";
import { siteSession } from "../helpers/site-session.ts";

const STORY = "/stories/seoul-at-a-glance/";
const SHOTS = join(ROOT, "test-results", "screenshots");

const site = siteSession();
beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

describe("story page in Chromium", () => {
  it("loads ≤ 15 KB gzip of JavaScript and no map code before the map nears the viewport", async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 600 } });
    const watch = watchPage(page, site.url);
    await page.goto(site.url + STORY, { waitUntil: "networkidle" });
    // Precondition: the map starts more than the 400 px look-ahead below the fold.
    const top = await page.locator("[data-map]").evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(600 + 400);
    const scripts = watch.requests.filter((u) => /\.m?js(\?|$)/.test(u));
    expect(watch.requests.filter((u) => /\/map-|maplibre/.test(u))).toEqual([]);
    const gzip = scripts.reduce((sum, u) => sum + gzipSync(readFileSync(join(SITE, new URL(u).pathname))).length, 0);
    expect(gzip).toBeGreaterThan(0);
    expect(gzip).toBeLessThanOrEqual(15 * 1024);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it("turns the SVG into a MapLibre map after scrolling to it, using only the site's own files", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    const watch = watchPage(page, site.url);
    await page.goto(site.url + STORY);
    const graphic = page.locator('figure[data-figure="choropleth"] [data-map]');
    await graphic.scrollIntoViewIfNeeded();
    await page.waitForSelector('[data-map][data-map-state="ready"][data-map-idle="true"]', { timeout: 45_000 });
    expect(await page.locator('figure[data-figure="choropleth"] canvas.maplibregl-canvas').count()).toBe(1);
    // The worker and the fonts came from the site itself.
    expect(
      watch.requests.some((u) => u.endsWith("/assets/maplibre-gl-worker.mjs?v=6.17.0") || u.includes("/assets/maplibre-gl-worker.mjs")),
    ).toBe(true);
    expect(watch.foreign()).toEqual([]);
    expect(watch.failed).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.locator('figure[data-figure="choropleth"]').screenshot({ path: join(SHOTS, "story-choropleth-map.png") });

    // Keyboard: tab to the map, arrow keys move between districts, the tooltip follows.
    await page.locator("canvas.maplibregl-canvas").focus();
    const tooltip = page.locator('figure[data-figure="choropleth"] .tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const first = await tooltip.innerText();
    await page.keyboard.press("ArrowDown");
    const second = await tooltip.innerText();
    expect(second).not.toBe(first);
    expect(second).toMatch(/-gu \(.+구\)\n[\d,]+ people per km²/);
    await page.keyboard.press("Escape");
    await expect.poll(() => tooltip.isVisible()).toBe(false);
    await page.close();
  });

  it("shows a bar's tooltip on keyboard focus, with the figure from the data", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(site.url + STORY);
    // The density chart (the story's first bar chart; the 2015 population chart comes last).
    const firstBar = page.locator('#seoul-at-a-glance-2[data-figure="bar"] rect.bar').first();
    // Tab through the page until the bar chart's single tab stop has focus.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      if (await firstBar.evaluate((el) => el === document.activeElement)) break;
    }
    expect(await firstBar.evaluate((el) => el === document.activeElement)).toBe(true);
    const tooltip = page.locator("#seoul-at-a-glance-2 .tooltip");
    expect(await tooltip.isVisible()).toBe(true);
    expect(await tooltip.innerText()).toBe("Yangcheon-gu (양천구)\n26,147 people per km²");
    await page.keyboard.press("ArrowDown");
    expect(await tooltip.innerText()).toBe("Dongdaemun-gu (동대문구)\n23,502 people per km²");
    await page.locator("#seoul-at-a-glance-2").screenshot({ path: join(SHOTS, "story-bar-focus.png") });
    await page.close();
  });

  it("keeps the SVG map and says why when WebGL is unavailable", async () => {
    const noGl = await launchBrowser(["--disable-webgl", "--disable-3d-apis"]);
    try {
      const page = await noGl.newPage();
      const watch = watchPage(page, site.url);
      await page.goto(site.url + STORY);
      await page.locator("[data-map]").scrollIntoViewIfNeeded();
      const status = page.locator('figure[data-figure="choropleth"] [data-status]');
      await expect.poll(() => status.isVisible()).toBe(true);
      expect(await status.innerText()).toMatch(/WebGL is unavailable/);
      expect(await page.locator('figure[data-figure="choropleth"] svg.chart--map').isVisible()).toBe(true);
      expect(watch.requests.some((u) => u.includes("/map-"))).toBe(false);
    } finally {
      await noGl.close();
    }
  });

  it("shows every figure's SVG with JavaScript turned off", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url + STORY);
    for (const kind of ["choropleth", "bar"]) {
      expect(await page.locator(`figure[data-figure="${kind}"] svg.chart`).first().isVisible()).toBe(true);
    }
    await context.close();
  });
});
