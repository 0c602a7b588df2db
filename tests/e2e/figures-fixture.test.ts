/**
 * Figures in Chromium, on a fixture build (synthetic data, never in _site/): hostile labels
 * stay text in tooltips (SVG and MapLibre); charts redraw at their real width within the
 * JavaScript budget; marks work with the keyboard; an embed sizes itself on another site.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { FIXTURE_PAGES, HOSTILE, HOSTILE_SPECS } from "../helpers/figure-pages.ts";
import { buildFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";
import { watchPage } from "../helpers/page-watch.ts";
import { type SiteServer, serveSite } from "../helpers/server.ts";

let built: FixtureSite;
let server: SiteServer;
let browser: Browser;

beforeAll(async () => {
  built = await buildFixtureSite(FIXTURE_PAGES);
  server = await serveSite(built.site);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  built?.remove();
});

/** Alerts, confirms and prompts would mean injected script ran. */
function noDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  return dialogs;
}

describe("hostile labels in the browser", () => {
  it.each(["bar", "line", "timeline", "progress", "choropleth", "points"])("%s: the SVG tooltip shows the label as text", async (kind) => {
    const page = await browser.newPage({ viewport: { width: 900, height: 900 }, javaScriptEnabled: true });
    const dialogs = noDialogs(page);
    // Keep the SVG (no MapLibre) so the build-time marks are what the reader uses.
    await page.addInitScript(() => {
      Object.defineProperty(HTMLCanvasElement.prototype, "getContext", { value: () => null });
    });
    await page.goto(`${server.url}/stories/hostile/`);
    const id = /id: (\S+)/.exec(HOSTILE_SPECS[kind]!)![1]!;
    const mark = page.locator(`#${id} svg.chart .mark`).first();
    await mark.focus();
    const tooltip = page.locator(`#${id} .tooltip`);
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const text = await tooltip.innerText();
    expect(text).toContain(HOSTILE.replace(/ +/g, " ").slice(0, 20));
    expect(await mark.getAttribute("data-name")).toBe(await tooltip.locator("strong").textContent());
    expect(await page.locator("img, b").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it.each(["choropleth", "points"])("%s: the MapLibre tooltip and the live region show the label as text", async (kind) => {
    const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
    const dialogs = noDialogs(page);
    const watch = watchPage(page, server.url);
    await page.goto(`${server.url}/stories/hostile/`);
    const id = /id: (\S+)/.exec(HOSTILE_SPECS[kind]!)![1]!;
    const graphic = page.locator(`#${id} [data-map]`);
    await graphic.scrollIntoViewIfNeeded();
    await graphic.locator(".map-explore").click();
    await page.waitForSelector(`#${id} [data-map][data-map-state="ready"]`, { timeout: 45_000 });
    // "Explore the map" hands the focus to the map; Home goes to its first feature.
    await page.mouse.move(0, 0);
    await page.locator(`#${id} canvas.maplibregl-canvas`).focus();
    await page.keyboard.press("Home");
    const tooltip = page.locator(`#${id} .tooltip`);
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.innerText()).toContain(HOSTILE.slice(0, 20));
    expect(await page.locator(`#${id} .figure__graphic [aria-live]`).textContent()).toContain(HOSTILE.slice(0, 20));
    expect(await page.locator("img, b").count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe("charts in the browser", () => {
  it("loads at most 15 KB gzip of JavaScript on a page of charts only, redraw included, at phone width", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 700 } });
    const watch = watchPage(page, server.url);
    await page.goto(`${server.url}/stories/charts/`, { waitUntil: "networkidle" });
    // The redraw chunk comes after the first layout, which a busy machine may give after the network went quiet.
    const js = () => watch.requests.filter((u) => /\.m?js(\?|$)/.test(u));
    await expect.poll(() => js().some((u) => u.includes("/redraw-"))).toBe(true);
    await page.waitForLoadState("networkidle");
    const scripts = js();
    expect(scripts.some((u) => /\/map-|maplibre/.test(u))).toBe(false);
    const gzip = scripts.reduce((sum, u) => sum + gzipSync(readFileSync(join(built.site, new URL(u).pathname))).length, 0);
    expect(gzip).toBeLessThanOrEqual(15 * 1024);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it("redraws each chart at the width it has, and again when the window changes", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 700 } });
    await page.goto(`${server.url}/stories/charts/`);
    const widths = () =>
      page.$$eval("[data-chart]", (gs) =>
        gs.map((g) => [Math.round(g.getBoundingClientRect().width), Number(g.querySelector("svg")!.getAttribute("data-width"))]),
      );
    await expect.poll(async () => (await widths()).every(([have, drawn]) => Math.abs(have! - drawn!) < 2)).toBe(true);
    expect((await widths())[0]![0]).toBeLessThan(400);
    await page.setViewportSize({ width: 1100, height: 800 });
    await expect.poll(async () => (await widths()).every(([have, drawn]) => Math.abs(have! - drawn!) < 2 && have! > 600)).toBe(true);
    // Text keeps its size: a 13 px label is 13 px on screen, not scaled.
    const size = await page
      .locator("#charts-bar .bar-label")
      .first()
      .evaluate((t) => (t as SVGTextElement).getBoundingClientRect().height);
    expect(size).toBeGreaterThan(11);
    expect(size).toBeLessThan(20);
    await page.close();
  });

  it("Tab reaches a chart's first mark, arrows move, the tooltip follows the data, Escape closes it", async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
    await page.goto(`${server.url}/stories/charts/`);
    const first = page.locator("#charts-line .mark").first();
    for (let i = 0; i < 60 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    const tooltip = page.locator("#charts-line .tooltip");
    expect(await tooltip.innerText()).toBe("Inventory, 2005\n500\u00a0kt");
    await page.keyboard.press("ArrowRight");
    expect(await tooltip.innerText()).toBe("Inventory, 2010\n520\u00a0kt");
    await page.keyboard.press("End");
    await page.keyboard.press("Escape");
    await expect.poll(() => tooltip.isVisible()).toBe(false);
    // The timeline: down the milestones.
    await page.locator("#charts-timeline .mark").first().focus();
    await page.keyboard.press("ArrowDown");
    expect(await page.locator("#charts-timeline .tooltip").innerText()).toBe("Tender for the planning service opens\nMarch 2023, done");
    await page.close();
  });

  it("makes every kind of chart's marks reachable and labelled from the page's script, which the build leaves to it", async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
    // No redraw: the marks are the build's drawing, made live by the page's script alone.
    await page.route(/\/assets\/redraw-/, (route) => route.abort());
    const response = await page.goto(`${server.url}/stories/charts/`);
    // As served: no mark carries a tab stop, role or label (the page is lighter by one label per mark).
    expect(
      (await response!.text()).match(/<[^>]+class="mark[ "][^>]*>/g)?.filter((m) => /tabindex|role=|aria-label/.test(m)) ?? [],
    ).toEqual([]);
    for (const id of ["charts-bar", "charts-line", "charts-timeline", "charts-progress"]) {
      const marks = page.locator(`#${id} svg.chart .mark`);
      await expect.poll(() => marks.first().getAttribute("tabindex"), { message: id }).toBe("0");
      const live = await marks.evaluateAll((all) =>
        all.map((m) => ({
          tabindex: m.getAttribute("tabindex"),
          role: m.getAttribute("role"),
          label: m.getAttribute("aria-label"),
          expected: `${(m as SVGElement).dataset.name}: ${(m as SVGElement).dataset.value}`,
        })),
      );
      expect(live.length, id).toBeGreaterThan(1);
      // One tab stop per chart (arrows move between marks), each mark an image named "name: value".
      expect(
        live.map((m) => m.tabindex),
        id,
      ).toEqual(live.map((_, i) => (i === 0 ? "0" : "-1")));
      for (const m of live) expect({ role: m.role, label: m.label }, id).toEqual({ role: "img", label: m.expected });
    }
    await page.close();
  });

  it("keeps focus on the same mark when a chart is redrawn", async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(`${server.url}/stories/charts/`);
    await page.locator("#charts-bar .mark").nth(2).focus();
    await page.setViewportSize({ width: 500, height: 800 });
    await expect.poll(() => page.locator("#charts-bar svg").getAttribute("data-width").then(Number)).toBeLessThan(500);
    expect(await page.evaluate(() => (document.activeElement as Element | null)?.getAttribute("data-key"))).toBe("A3");
    await page.close();
  });
});

describe("embedding", () => {
  it("keeps an embedded map light: the SVG works, MapLibre loads only when the reader asks", async () => {
    const page = await browser.newPage({ viewport: { width: 700, height: 800 } });
    const watch = watchPage(page, server.url);
    await page.goto(`${server.url}/embed/fixture-choropleth/`, { waitUntil: "networkidle" });
    expect(watch.requests.filter((u) => /\/map-|maplibre/.test(u))).toEqual([]);
    await page.locator("svg.chart .mark").first().focus();
    expect(await page.locator(".tooltip").isVisible()).toBe(true);
    await page.locator(".map-explore").click();
    await page.waitForSelector('[data-map][data-map-state="ready"]', { timeout: 45_000 });
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it("sizes the frame on another site to the figure's height, from the copied code", async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
    await page.goto(`${server.url}/stories/kinds/`);
    const code = await page.locator("#fixture-timeline textarea[data-embed-code]").inputValue();
    expect(code).toContain(`src="${server.url}/embed/fixture-timeline/"`);
    expect(code).toContain(`src="${server.url}/assets/embed.js"`);
    // Another origin: a second server with a page that holds only the copied code.
    const hostDir = mkdtempSync(join(tmpdir(), "atlas-host-"));
    writeFileSync(
      join(hostDir, "index.html"),
      `<!doctype html><html><body style="margin:0"><h1>Another site</h1>${code}<p>After.</p></body></html>`,
    );
    const host = await serveSite(hostDir);
    try {
      const other = await browser.newPage({ viewport: { width: 700, height: 800 } });
      await other.goto(`${host.url}/`);
      const frame = other.locator("iframe[data-atlas-embed]");
      await expect.poll(() => frame.evaluate((f) => (f as HTMLIFrameElement).style.height), { timeout: 45_000 }).toMatch(/^\d+px$/);
      const inner = other.frames().find((f) => f.url().includes("/embed/fixture-timeline/"))!;
      // The figure may redraw at the frame's width first; the frame follows every change.
      const gap = async () => {
        const contentHeight = await inner.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        const frameHeight = await frame.evaluate((f) => f.getBoundingClientRect().height);
        return Math.abs(frameHeight - contentHeight);
      };
      await expect.poll(gap, { timeout: 20_000 }).toBeLessThanOrEqual(2);
      expect(await inner.locator("figure#fixture-timeline svg.chart").isVisible()).toBe(true);
      await other.close();
    } finally {
      await host.close();
      rmSync(hostDir, { recursive: true, force: true });
      await page.close();
    }
  });
});
