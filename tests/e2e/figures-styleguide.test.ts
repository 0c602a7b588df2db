/**
 * The style guide (real data) in Chromium: keyboard and tooltips on the maps, the map's
 * manners (cooperative gestures, reset, dark mode, Save-Data), figures without
 * JavaScript, and screenshots of every figure in light and dark mode, on a wide and a
 * 375 px screen, written to test-results/screenshots/ for a person to look at.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { MapFigureConfig } from "../../src/lib/map-style.ts";
import { watchPage } from "../helpers/page-watch.ts";
import { ROOT } from "../helpers/paths.ts";
import { siteSession } from "../helpers/site-session.ts";

const GUIDE = "/styleguide/";
/** Every page of the style guide (one per family of figures). */
const GUIDE_PAGES = [
  GUIDE,
  "/styleguide/points/",
  "/styleguide/dong/",
  "/styleguide/charts/",
  "/styleguide/timelines/",
  "/styleguide/scrolly/",
];
const SHOTS = join(ROOT, "test-results", "screenshots");
const CHOROPLETH = "styleguide-density-quantile";
const POINTS = "styleguide-gu-offices";
const pageOf = (id: string) => (id === POINTS ? "/styleguide/points/" : GUIDE);

const site = siteSession();
beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

/** Open a map's interactive version the way a reader does (its "Explore the map" button) and wait until it is drawn. */
async function readyMap(page: Page, id: string): Promise<MapFigureConfig> {
  const graphic = page.locator(`#${id} [data-map]`);
  await graphic.scrollIntoViewIfNeeded();
  await graphic.locator(".map-explore").click();
  await page.waitForSelector(`#${id} [data-map][data-map-state="ready"][data-map-idle="true"]`, { timeout: 45_000 });
  const url = (await graphic.getAttribute("data-map"))!;
  return (await page.evaluate((u) => fetch(u).then((r) => r.json()), url)) as MapFigureConfig;
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.closest("figure")?.id ?? "");

describe("maps with the keyboard", () => {
  it.each([CHOROPLETH, POINTS])(
    "%s: Tab reaches the map, arrows move between features, the tooltip shows the data, Escape closes it",
    async (id) => {
      const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
      const watch = watchPage(page, site.url);
      await page.goto(site.url + pageOf(id));
      const config = await readyMap(page, id);
      // Tab from the figure's title region until focus enters the map.
      await page.locator(`#${id} .figure__title`).evaluate((h) => {
        h.setAttribute("tabindex", "-1");
        (h as HTMLElement).focus();
      });
      const onCanvas = () => page.evaluate(() => !!document.activeElement?.classList.contains("maplibregl-canvas"));
      for (let i = 0; i < 10 && !(await onCanvas()); i++) await page.keyboard.press("Tab");
      expect(await onCanvas()).toBe(true);
      expect(await focused(page)).toBe(id);
      const tooltip = page.locator(`#${id} .tooltip`);
      await expect.poll(() => tooltip.isVisible()).toBe(true);
      const first = config.order[0]!;
      expect(await tooltip.innerText()).toBe(`${first.name}\n${first.value}`);
      expect(await page.locator(`#${id} .figure__graphic [aria-live]`).textContent()).toBe(`${first.name}: ${first.value}`);
      await page.keyboard.press("ArrowDown");
      const second = await tooltip.innerText();
      expect(second).not.toBe(`${first.name}\n${first.value}`);
      expect(config.order.map((o) => `${o.name}\n${o.value}`)).toContain(second);
      await page.keyboard.press("Escape");
      await expect.poll(() => tooltip.isVisible()).toBe(false);
      expect(watch.foreign()).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      await page.close();
    },
  );

  it("reaches the first SVG area with Tab when the interactive map is not there", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.addInitScript(() => {
      Object.defineProperty(HTMLCanvasElement.prototype, "getContext", { value: () => null });
    });
    await page.goto(site.url + GUIDE);
    const first = page.locator(`#${CHOROPLETH} svg path.area`).first();
    for (let i = 0; i < 40 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    const tooltip = page.locator(`#${CHOROPLETH} .tooltip`);
    // A district links to its page, and its tooltip says so.
    const text = `${await first.getAttribute("data-name")}\n${await first.getAttribute("data-value")}\nClick or press Enter for its page`;
    expect(await tooltip.innerText()).toBe(text);
    await page.keyboard.press("ArrowRight");
    expect(await tooltip.innerText()).not.toBe(text);
    await page.close();
  });
});

describe("the map's manners", () => {
  it("lets the page scroll over the map, zooms with the keyboard, and the reset control returns to Seoul", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 700 } });
    await page.goto(site.url + GUIDE);
    await readyMap(page, CHOROPLETH);
    const canvas = page.locator(`#${CHOROPLETH} canvas.maplibregl-canvas`);
    const zoom = async () => Number(await page.locator(`#${CHOROPLETH} [data-map]`).getAttribute("data-map-zoom"));
    const start = await zoom();
    // A plain wheel over the map scrolls the page (cooperative gestures) and leaves the map alone.
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const before = await page.evaluate(() => scrollY);
    await page.mouse.wheel(0, 300);
    await expect.poll(() => page.evaluate(() => scrollY), { timeout: 10_000 }).toBeGreaterThan(before);
    expect(await zoom()).toBe(start);
    await canvas.focus();
    await page.keyboard.press("+");
    await expect.poll(zoom, { timeout: 15_000 }).toBeGreaterThan(start + 0.5);
    await page.locator(`#${CHOROPLETH} button.map-reset`).click();
    await expect.poll(zoom, { timeout: 15_000 }).toBeCloseTo(start, 1);
    await page.close();
  });

  it("follows dark mode, also when the reader switches it", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 }, colorScheme: "dark" });
    await page.goto(site.url + GUIDE);
    await readyMap(page, CHOROPLETH);
    const graphic = page.locator(`#${CHOROPLETH} [data-map]`);
    expect(await graphic.getAttribute("data-map-scheme")).toBe("dark");
    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(() => graphic.getAttribute("data-map-scheme"), { timeout: 10_000 }).toBe("light");
    await page.close();
  });

  it("with Save-Data on, keeps the SVG and loads the map code only from the button that says its size", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.addInitScript(() => {
      Object.defineProperty(navigator, "connection", { value: { saveData: true } });
    });
    const watch = watchPage(page, site.url);
    await page.goto(site.url + GUIDE);
    await page.locator(`#${CHOROPLETH}`).scrollIntoViewIfNeeded();
    // A click on the map or a zoom gesture is not enough with Save-Data on: only the button is.
    await page.locator(`#${CHOROPLETH} svg.chart--map`).click({ position: { x: 4, y: 4 } });
    await page.waitForTimeout(500);
    expect(watch.requests.some((u) => /\/map-/.test(u))).toBe(false);
    expect(await page.locator(`#${CHOROPLETH} svg.chart--map`).isVisible()).toBe(true);
    expect(await page.locator(`#${CHOROPLETH} .map-zoom`).count()).toBe(0);
    const button = page.locator(`#${CHOROPLETH} .map-explore`);
    expect(await button.innerText()).toMatch(/450 KB/);
    await button.click();
    await page.waitForSelector(`#${CHOROPLETH} [data-map-state="ready"]`, { timeout: 45_000 });
    expect(watch.requests.some((u) => /\/map-/.test(u))).toBe(true);
    await page.close();
  });
});

describe("without JavaScript", () => {
  it("shows every figure's SVG and its data table", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const kinds = new Set<string>();
    for (const guide of GUIDE_PAGES) {
      await page.goto(site.url + guide);
      const figures = page.locator("figure[data-figure]");
      for (let i = 0; i < (await figures.count()); i++) {
        const figure = figures.nth(i);
        kinds.add((await figure.getAttribute("data-figure"))!);
        // A scrolly shows each step's own drawing instead of its moving one.
        expect(await figure.locator("svg.chart:visible").first().isVisible()).toBe(true);
        // The table's <details> is open in the HTML; only the script closes it.
        expect(await figure.locator("details.figure__table table").isVisible()).toBe(true);
      }
    }
    expect([...kinds].sort()).toEqual(["bar", "choropleth", "line", "points", "progress", "timeline"]);
    await context.close();
  });
});

describe("screenshots for a person to look at", () => {
  it("the interactive map, light and dark", async () => {
    for (const scheme of ["light", "dark"] as const) {
      const page = await site.browser.newPage({ viewport: { width: 1000, height: 900 }, colorScheme: scheme });
      await page.goto(site.url + GUIDE);
      await readyMap(page, CHOROPLETH);
      await page.locator(`#${CHOROPLETH}`).screenshot({ path: join(SHOTS, `figure-density-quantile-maplibre-${scheme}.png`) });
      await page.close();
    }
  });

  it.each([
    ["light", 1000],
    ["dark", 1000],
    ["light", 375],
    ["dark", 375],
  ] as const)("every figure of the style guide, %s mode, %i px wide", async (scheme, width) => {
    const page = await site.browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
    let n = 0;
    for (const guide of GUIDE_PAGES) {
      await page.goto(site.url + guide);
      const figures = page.locator("figure[data-figure]:not([data-scrolly])");
      for (let i = 0; i < (await figures.count()); i++, n++) {
        const figure = figures.nth(i);
        const id = (await figure.getAttribute("id"))!;
        // The build-time SVG, which every reader sees (the interactive map has screenshots of its own).
        await figure.scrollIntoViewIfNeeded();
        await figure.screenshot({ path: join(SHOTS, `${id.replace(/^styleguide-/, "figure-")}-${scheme}-${width}.png`) });
      }
    }
    expect(n).toBeGreaterThanOrEqual(14);
    await page.close();
  });
});
