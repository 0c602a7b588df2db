/**
 * Scrollytelling in Chromium, on the style guide's scrolly (real data): the figure moves
 * to each step's state as the reader scrolls down, and back as they scroll up; with
 * reduced motion it changes at once; the interactive map, once opened, follows the steps;
 * without JavaScript every step shows its own drawing; screen readers get each state in
 * words, in order.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { watchPage } from "../helpers/page-watch.ts";
import { ROOT } from "../helpers/paths.ts";
import { siteSession } from "../helpers/site-session.ts";

const PAGE = "/styleguide/scrolly/";
const SHOTS = join(ROOT, "test-results", "screenshots");
const site = siteSession();
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

/** Scroll so that step n (1-based; 0: above the first step) is the one being read, and wait for the figure to show it. */
async function readStep(page: Page, n: number): Promise<void> {
  await page.evaluate((n) => {
    const figure = document.querySelector("figure[data-scrolly]")!;
    const steps = figure.querySelectorAll(".scrolly__step");
    // Step n's top a little above the line where a step becomes the one read (60 % of the window); for 0, the first step well below it.
    const top = steps[Math.max(0, n - 1)]!.getBoundingClientRect().top;
    window.scrollTo(0, window.scrollY + top - window.innerHeight * (n === 0 ? 0.9 : 0.45));
  }, n);
  await expect.poll(() => page.locator("figure[data-scrolly]").getAttribute("data-state")).toBe(String(n));
}

/** What a drawing shows (the live one, or what the build drew for step n: its snapshot): highlighted keys, viewBox, layers, the legend's title. */
async function stateOf(page: Page, n?: number) {
  return page.evaluate((n) => {
    const root = n === undefined ? document.querySelector(".scrolly__sticky")! : document.querySelectorAll(".scrolly__snapshot")[n - 1]!;
    const svg = root.querySelector("svg.chart")!;
    return {
      highlighted: [...svg.querySelectorAll(".mark.is-highlighted")].map((m) => m.getAttribute("data-key")).sort(),
      viewBox: svg.getAttribute("viewBox"),
      points: svg.querySelectorAll(".overlay .mark").length,
      legend: root.querySelector(".legend__title")?.textContent,
    };
  }, n);
}
const shown = (page: Page) => stateOf(page);
const drawn = (page: Page, n: number) => stateOf(page, n);

describe("a scrolly in the browser", () => {
  it("moves the figure to each step's state in order, down and back up", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: "reduce" });
    const watch = watchPage(page, site.url);
    await page.goto(site.url + PAGE, { waitUntil: "networkidle" });
    const steps = await page.locator(".scrolly__step").count();
    expect(steps).toBe(5);
    const start = await shown(page);
    for (let n = 1; n <= steps; n++) {
      await readStep(page, n);
      expect(await shown(page), `step ${n}`).toEqual(await drawn(page, n));
      await page.locator("figure[data-scrolly]").screenshot({ path: join(SHOTS, `scrolly-step-${n}.png`) });
    }
    // The states the steps set: a highlight, a zoom, a layer of points, another field.
    expect((await drawn(page, 2)).highlighted).toHaveLength(4);
    expect((await drawn(page, 3)).viewBox).not.toBe(start.viewBox);
    expect((await drawn(page, 4)).points).toBeGreaterThan(0);
    expect((await drawn(page, 5)).legend).not.toBe(start.legend);
    for (let n = steps - 1; n >= 1; n--) {
      await readStep(page, n);
      expect(await shown(page), `back to step ${n}`).toEqual(await drawn(page, n));
    }
    await readStep(page, 0);
    expect(await shown(page)).toEqual(start);
    // Tooltips still work on the moved drawing, with the state's values.
    await page.locator(".scrolly__sticky svg.chart .mark").first().focus();
    await expect.poll(() => page.locator(".scrolly__sticky .tooltip").isVisible()).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.requests.filter((u) => /\/map-|maplibre/.test(u))).toEqual([]);
    await page.close();
  });

  it("keeps a keyboard reader's focus on a legend button while the steps change the legend", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: "reduce" });
    const watch = watchPage(page, site.url);
    await page.goto(site.url + PAGE, { waitUntil: "networkidle" });
    await readStep(page, 1);
    const toggles = page.locator(".scrolly__sticky .legend__toggle");
    await toggles.nth(1).focus();
    await page.evaluate(() => {
      for (const b of document.querySelectorAll(".scrolly__sticky .legend__toggle"))
        (b as HTMLElement & { __mine?: boolean }).__mine = true;
    });
    const focused = () =>
      page.evaluate(() => {
        const a = document.activeElement as (HTMLElement & { __mine?: boolean }) | null;
        return { mine: a?.__mine === true, text: a?.textContent?.trim(), cls: a?.dataset.class };
      });
    const first = await focused();
    expect(first).toMatchObject({ mine: true, cls: "1" });
    // Step 4 adds a layer's item to the legend, step 5 maps another field; the button keeps the focus throughout.
    for (const n of [2, 3, 4, 5, 4, 0]) {
      await readStep(page, n);
      await expect
        .poll(() => page.locator(".scrolly__sticky .legend__title").textContent())
        .toBe(n === 0 ? (await stateOf(page)).legend : (await drawn(page, n)).legend);
      expect(await focused(), `step ${n}`).toMatchObject({ mine: true, cls: "1" });
      if (n === 5) expect((await focused()).text).not.toBe(first.text);
    }
    expect((await focused()).text).toBe(first.text);
    // Tab goes on to the next class.
    await page.keyboard.press("Tab");
    expect(await focused()).toMatchObject({ mine: true, cls: "2" });
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it("animates a zoom, and with reduced motion changes it at once", async () => {
    const changes: Record<string, number> = {};
    for (const motion of ["no-preference", "reduce"] as const) {
      const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: motion });
      await page.goto(site.url + PAGE, { waitUntil: "networkidle" });
      await readStep(page, 2);
      // Count every value the viewBox takes on the way to the zoom.
      await page.evaluate(() => {
        const svg = document.querySelector(".scrolly__sticky svg.chart")!;
        (window as unknown as { __boxes: string[] }).__boxes = [];
        new MutationObserver(() => (window as unknown as { __boxes: string[] }).__boxes.push(svg.getAttribute("viewBox")!)).observe(svg, {
          attributeFilter: ["viewBox"],
        });
      });
      await readStep(page, 3);
      const target = (await drawn(page, 3)).viewBox;
      await expect.poll(async () => (await shown(page)).viewBox).toBe(target);
      changes[motion] = await page.evaluate(() => (window as unknown as { __boxes: string[] }).__boxes.length);
      await page.close();
    }
    expect(changes.reduce).toBe(1);
    expect(changes["no-preference"]).toBeGreaterThan(3);
  });

  it("moves an interactive map the reader has opened to the step's view and colours", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: "reduce" });
    await page.goto(site.url + PAGE, { waitUntil: "networkidle" });
    await readStep(page, 1);
    await page.locator(".scrolly__sticky .map-explore").click();
    const graphic = page.locator(".scrolly__sticky [data-map]");
    await page.waitForSelector('.scrolly__sticky [data-map][data-map-state="ready"][data-map-idle="true"]', { timeout: 45_000 });
    const whole = Number(await graphic.getAttribute("data-map-zoom"));
    await readStep(page, 3);
    await expect.poll(async () => Number(await graphic.getAttribute("data-map-zoom")), { timeout: 15_000 }).toBeGreaterThan(whole + 0.5);
    await page.locator(".scrolly__sticky").screenshot({ path: join(SHOTS, "scrolly-maplibre-zoom.png") });
    // Step 5 maps another field: the map's tooltip gives that field's value, as the step's drawing does.
    await readStep(page, 5);
    await page.mouse.move(1, 1);
    await page.locator(".scrolly__sticky canvas.maplibregl-canvas").focus();
    const tooltip = page.locator(".scrolly__sticky .tooltip");
    await expect.poll(() => tooltip.isVisible(), { timeout: 5_000 }).toBe(true);
    const [name, value] = (await tooltip.innerText()).split("\n");
    const drawnValue = (n: number) =>
      page.evaluate(
        ({ n, name }) =>
          document
            .querySelectorAll(".scrolly__snapshot")
            [n - 1]!.querySelector(`.mark[data-name="${CSS.escape(name)}"]`)
            ?.getAttribute("data-value"),
        { n, name: name! },
      );
    expect(await drawnValue(5)).not.toBe(await drawnValue(1));
    expect(value).toBe(await drawnValue(5));
    await page.close();
  });

  it("shows each step's own drawing and state without JavaScript", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    await page.goto(site.url + PAGE);
    expect(await page.locator(".scrolly__sticky").isVisible()).toBe(false);
    const steps = page.locator(".scrolly__step");
    for (let i = 0; i < (await steps.count()); i++) {
      const step = steps.nth(i);
      expect(await step.locator(".scrolly__snapshot svg.chart").isVisible(), `step ${i + 1}`).toBe(true);
      expect(await step.locator(".scrolly__state").isVisible()).toBe(true);
      expect(await step.locator(".scrolly__state").innerText()).toMatch(/^Step \d of 5: The map shows/);
    }
    await page.locator("figure[data-scrolly]").screenshot({ path: join(SHOTS, "scrolly-no-js.png") });
    await context.close();
  });

  it("on its embed page, shows every step's text and then its own drawing, in both editions, with no scrolly code", async () => {
    // The style guide's scrolly (English only), and the Korean Seoul story's.
    for (const [embed, count] of [
      ["/embed/styleguide-scrolly/", 5],
      ["/ko/embed/seoul-at-a-glance-1/", 3],
    ] as const) {
      const page = await site.browser.newPage({ viewport: { width: 640, height: 800 } });
      const watch = watchPage(page, site.url);
      await page.goto(site.url + embed, { waitUntil: "networkidle" });
      const steps = page.locator("figure[data-scrolly-stills] .scrolly__step");
      expect(await steps.count(), embed).toBe(count);
      for (let i = 0; i < count; i++) {
        const step = steps.nth(i);
        expect(await step.locator(".scrolly__text").isVisible(), `step ${i + 1}`).toBe(true);
        expect(await step.locator(".scrolly__snapshot svg.chart").isVisible(), `step ${i + 1}`).toBe(true);
        const [text, drawing] = await Promise.all([
          step.locator(".scrolly__text").boundingBox(),
          step.locator(".scrolly__snapshot").boundingBox(),
        ]);
        expect(drawing!.y, `step ${i + 1}`).toBeGreaterThanOrEqual(text!.y + text!.height - 1);
      }
      expect(watch.requests.filter((u) => /\/scrolly-[A-Z0-9]+\.js$/.test(u))).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      if (count === 5) await page.screenshot({ path: join(SHOTS, "scrolly-embed.png"), fullPage: true });
      await page.close();
    }
  });

  it("gives screen readers every step's text and state, in order", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.url + PAGE, { waitUntil: "networkidle" });
    const snapshot = await page.locator("figure[data-scrolly] .scrolly__steps").ariaSnapshot();
    const order = [...snapshot.matchAll(/Step (\d) of 5/g)].map((m) => Number(m[1]));
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(snapshot).toContain("Highlighted: Gangbuk-gu");
    expect(snapshot).toContain("Zoomed in on Gwanak-gu");
    await page.close();
  });
});
