import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { scrollThrough } from "../helpers/page-visit.ts";
import { watchPage } from "../helpers/page-watch.ts";
import { ROOT, SITE } from "../helpers/paths.ts";
import { siteSession } from "../helpers/site-session.ts";

const STORY = "/stories/seoul-at-a-glance/";
const SHOTS = join(ROOT, "test-results", "screenshots");

const site = siteSession();
beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

const MAP = 'figure[data-figure="choropleth"]';
/** The drawing the reader sees (the story's map is a scrolly: its steps' snapshots are hidden with JavaScript). */
const GRAPHIC = `${MAP} .figure__graphic`;
const isMapCode = (u: string) => /\/map-|maplibre/.test(u);

describe("story page in Chromium", () => {
  it("loads ≤ 15 KB gzip of JavaScript, and nothing of MapLibre after load and a slow scroll to the end", async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 600 } });
    const watch = watchPage(page, site.url);
    await page.goto(site.url + STORY, { waitUntil: "networkidle" });
    const scripts = watch.requests.filter((u) => /\.m?js(\?|$)/.test(u));
    const gzip = scripts.reduce((sum, u) => sum + gzipSync(readFileSync(join(SITE, new URL(u).pathname))).length, 0);
    expect(gzip).toBeGreaterThan(0);
    expect(gzip).toBeLessThanOrEqual(15 * 1024);
    // A reader reading: 150 px at a time, with pauses, past every map to the end of the page.
    await scrollThrough(page, 150);
    await page.waitForTimeout(300);
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    expect(watch.requests.filter(isMapCode)).toEqual([]);
    expect(watch.requests.filter((u) => u.includes("/maps/") || u.includes(".geojson"))).toEqual([]);
    expect(await page.locator(`${GRAPHIC} svg.chart--map`).isVisible()).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it("loads MapLibre when the reader clicks the map, and a canvas appears, using only the site's own files", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    const watch = watchPage(page, site.url);
    await page.goto(site.url + STORY, { waitUntil: "networkidle" });
    const svg = page.locator(`${GRAPHIC} svg.chart--map`);
    await svg.scrollIntoViewIfNeeded();
    expect(watch.requests.filter(isMapCode)).toEqual([]);
    // The top left corner of the map is outside Seoul: a click there is a request for the map, not a district's link.
    await svg.click({ position: { x: 6, y: 6 } });
    await page.waitForSelector('[data-map][data-map-state="ready"][data-map-idle="true"]', { timeout: 45_000 });
    expect(await page.locator(`${MAP} canvas.maplibregl-canvas`).count()).toBe(1);
    expect(page.url()).toBe(site.url + STORY);
    // The worker and the fonts came from the site itself.
    expect(watch.requests.some((u) => u.includes("/assets/maplibre-gl-worker.mjs"))).toBe(true);
    expect(watch.foreign()).toEqual([]);
    expect(watch.failed).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.locator(MAP).screenshot({ path: join(SHOTS, "story-choropleth-map.png") });

    // Keyboard: tab to the map, arrow keys move between districts, the tooltip follows. The
    // pointer is moved off the map first, as a keyboard reader's is: left over it, a hover that
    // ends (the screenshot scrolls the page under it) hides the tooltip, as it should.
    await page.mouse.move(1, 1);
    await page.locator("canvas.maplibregl-canvas").focus();
    const tooltip = page.locator(`${MAP} .tooltip`);
    await expect.poll(() => tooltip.isVisible(), { timeout: 5_000 }).toBe(true);
    const first = await tooltip.innerText();
    await page.keyboard.press("ArrowDown");
    const second = await tooltip.innerText();
    expect(second).not.toBe(first);
    expect(second).toMatch(/-gu \(.+구\)\n[\d,]+\u00a0people( per km²)?/);
    // The value of the state the reader is at (the scrolly's step: population or density), as its drawing gives it.
    const [name, value] = second.split("\n");
    const drawn = await page.evaluate(
      ({ map, name }) => {
        const figure = document.querySelector(map)!;
        const svg = figure.querySelector(".scrolly__sticky svg.chart") ?? figure.querySelector("svg.chart");
        return svg?.querySelector(`.mark[data-name="${CSS.escape(name)}"]`)?.getAttribute("data-value");
      },
      { map: MAP, name: name! },
    );
    expect(value).toBe(drawn);
    await page.keyboard.press("Escape");
    await expect.poll(() => tooltip.isVisible()).toBe(false);
    await page.close();
  });

  it("loads MapLibre from the zoom buttons and from Ctrl + wheel over the map, zoomed in", async () => {
    for (const how of ["button", "wheel"] as const) {
      const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
      await page.goto(site.url + STORY, { waitUntil: "networkidle" });
      const graphic = page.locator(`${MAP} [data-map]`);
      await graphic.scrollIntoViewIfNeeded();
      if (how === "button") await graphic.locator(".map-zoom").first().click();
      else {
        const box = (await graphic.boundingBox())!;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.keyboard.down("Control");
        await page.mouse.wheel(0, -200);
        await page.keyboard.up("Control");
      }
      await page.waitForSelector('[data-map][data-map-state="ready"][data-map-idle="true"]', { timeout: 45_000 });
      // A reader who clicked wants the map: no tooltip over it, the focus not moved to it (Enter does that: below).
      if (how === "button") {
        expect(await page.locator(`${MAP} .tooltip`).isVisible()).toBe(false);
        expect(await page.evaluate(() => document.activeElement?.classList.contains("maplibregl-canvas"))).toBe(false);
      }
      const fitted = Number(await graphic.getAttribute("data-map-zoom"));
      // Zoomed in beyond the view that fits Seoul (reset brings it back).
      await page.locator(".map-reset").click();
      await expect.poll(async () => Number(await graphic.getAttribute("data-map-zoom")), { timeout: 10_000 }).toBeLessThan(fitted);
      await page.close();
    }
  });

  it("shows the whole city when a map opens in a box wider than Seoul (an embed on a wide screen)", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    // A map of the whole city (the story's own map is a scrolly, whose embed shows its stills).
    await page.goto(`${site.url}/embed/styleguide-density-quantile/`, { waitUntil: "networkidle" });
    const graphic = page.locator("[data-map]").first();
    await graphic.locator(".map-explore").click();
    await page.waitForSelector('[data-map][data-map-state="ready"][data-map-idle="true"]', { timeout: 45_000 });
    const box = (await graphic.locator("canvas").boundingBox())!;
    expect(box.width / box.height).toBeGreaterThan(1.5);
    const [w, s, e, n] = ((await graphic.getAttribute("data-map-view")) ?? "").split(",").map(Number);
    const config = JSON.parse(await (await page.request.get(`${site.url}/maps/styleguide-density-quantile.json`)).text()) as {
      limits: number[];
    };
    const [lw, ls, le, ln] = config.limits as [number, number, number, number];
    // Every side of Seoul inside the view (to a few metres).
    expect(w).toBeLessThanOrEqual(lw + 1e-3);
    expect(s).toBeLessThanOrEqual(ls + 1e-3);
    expect(e).toBeGreaterThanOrEqual(le - 1e-3);
    expect(n).toBeGreaterThanOrEqual(ln - 1e-3);
    await page.close();
  });

  it("draws a Korean page's map labels from the site's Hangul font files, not the machine's fonts", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    const watch = watchPage(page, site.url);
    await page.goto(`${site.url}/ko${STORY}`, { waitUntil: "networkidle" });
    const graphic = page.locator(`${MAP} [data-map]`);
    await graphic.locator(".map-explore").click();
    await page.waitForSelector('[data-map][data-map-state="ready"][data-map-idle="true"]', { timeout: 45_000 });
    const fonts = ((await graphic.getAttribute("data-map-fonts")) ?? "").split(" ");
    expect(fonts).toContain("atlas-sans-400.woff2");
    expect(fonts.some((f) => /^atlas-sans-400-hangul-ko-0-[0-9a-f]+\.woff2$/.test(f))).toBe(true);
    // The list of files and their characters came from the site too.
    expect(watch.requests.some((u) => u.endsWith("/assets/fonts/fonts.json"))).toBe(true);
    expect(watch.foreign()).toEqual([]);
    await page.close();
  });

  it("draws an English page's map labels, Hangul lines too, from the font files the page has loaded already", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    const watch = watchPage(page, site.url);
    await page.goto(`${site.url}/districts/dobong-gu/`, { waitUntil: "networkidle" });
    const woff2 = () => new Set(watch.requests.filter((u) => u.endsWith(".woff2")).map((u) => u.split("/").pop()!));
    const before = woff2();
    expect([...before].some((f) => f.startsWith("atlas-sans-400-hangul-en-"))).toBe(true);
    const graphic = page.locator("[data-map]").first();
    await graphic.locator(".map-explore").click();
    await page.waitForSelector('[data-map][data-map-state="ready"][data-map-idle="true"]', { timeout: 45_000 });
    // The Korean edition's files are offered for names the English files lack; none is needed here.
    expect((await graphic.getAttribute("data-map-fonts")) ?? "").toMatch(/hangul-ko-0/);
    expect([...woff2()].filter((f) => !before.has(f))).toEqual([]);
    await page.close();
  });

  it("opens MapLibre from the keyboard: Enter on “Explore the map” puts the focus on the map", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(site.url + STORY, { waitUntil: "networkidle" });
    const explore = page.locator(`${MAP} .map-explore`);
    for (let i = 0; i < 60 && !(await explore.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    expect(await explore.innerText()).toBe("Explore the map");
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-map][data-map-state="ready"]', { timeout: 45_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("maplibregl-canvas"))).toBe(true);
    await page.close();
  });

  it("keeps the SVG, which still works, when the map code fails to load", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    // The MapLibre chunk fails, as on a flaky connection.
    await page.route(/\/assets\/map-[\w-]+\.js$/, (route) => route.abort("failed"));
    await page.goto(site.url + STORY, { waitUntil: "networkidle" });
    const figure = page.locator(MAP);
    await figure.locator(".map-explore").click();
    await expect.poll(() => figure.locator("[data-map]").getAttribute("data-map-state"), { timeout: 20_000 }).toBe("failed");
    expect(await figure.locator("[data-status]").innerText()).toMatch(/could not load; this is the static map/);
    expect(await figure.locator(".figure__graphic svg.chart--map").isVisible()).toBe(true);
    expect(await figure.locator("canvas").count()).toBe(0);
    // The SVG's tooltips still work.
    await figure.locator(".figure__graphic path.mark").first().focus();
    await expect.poll(() => figure.locator(".figure__graphic .tooltip").isVisible()).toBe(true);
    await page.close();
  });

  it("keyboard only: Tab reaches a district, its tooltip shows its value, Enter opens its page", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(site.url + STORY, { waitUntil: "networkidle" });
    const onDistrict = () => page.evaluate(() => !!document.activeElement?.matches('figure[data-figure="choropleth"] path.mark'));
    for (let i = 0; i < 60 && !(await onDistrict()); i++) await page.keyboard.press("Tab");
    expect(await onDistrict()).toBe(true);
    // The first stop is the northernmost district; move to the next one with an arrow key.
    await page.keyboard.press("ArrowDown");
    const mark = page.locator('figure[data-figure="choropleth"] path.mark:focus');
    const [name, value, href] = await mark.evaluate((m) => [
      m.getAttribute("data-name"),
      m.getAttribute("data-value"),
      m.getAttribute("data-href"),
    ]);
    expect(await mark.getAttribute("role")).toBe("link");
    const tooltip = page.locator(`${MAP} .tooltip`);
    expect(await tooltip.innerText()).toBe(`${name}\n${value}\nClick or press Enter for its page`);
    // Density, or the population the story's first step shows.
    expect(value).toMatch(/^[\d,]+\u00a0people( per km²)?$/);
    expect(href).toMatch(/^\/districts\/[a-z-]+-gu\/$/);
    await page.locator(`${MAP}`).screenshot({ path: join(SHOTS, "story-choropleth-keyboard.png") });
    await Promise.all([page.waitForURL(site.url + href), page.keyboard.press("Enter")]);
    expect(await page.locator("h1").innerText()).toContain(name!.replace(/ \(.*$/, ""));
    await page.close();
  });

  it("highlights exactly the districts of a legend class on hover and on keyboard focus", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(site.url + STORY, { waitUntil: "networkidle" });
    const figure = page.locator(MAP);
    const graphic = page.locator(GRAPHIC);
    const lit = () => graphic.locator("path.mark.is-lit").evaluateAll((ms) => ms.map((m) => m.getAttribute("data-key")).sort());
    const ofClass = (c: string) =>
      graphic.locator(`path.mark[data-class="${c}"]`).evaluateAll((ms) => ms.map((m) => m.getAttribute("data-key")).sort());
    await figure.locator(".scrolly__sticky").scrollIntoViewIfNeeded();
    const items = figure.locator(".scrolly__sticky .legend__toggle");
    expect(await items.count()).toBe(5);
    for (const i of [0, 4]) {
      await items.nth(i).hover();
      const expected = await ofClass(String(i));
      expect(expected.length).toBeGreaterThan(0);
      // The scrolly's script may still be taking the page in when the pointer arrives.
      await expect.poll(lit).toEqual(expected);
      // The other districts fade.
      await expect
        .poll(() =>
          figure
            .locator("path.mark:not(.is-lit)")
            .first()
            .evaluate((m) => getComputedStyle(m).opacity),
        )
        .toBe("0.2");
    }
    await page.mouse.move(0, 0);
    expect(await lit()).toEqual([]);
    // Keyboard: focus a class; the live region names its districts.
    await items.nth(2).focus();
    // Read together, once settled: a step that lands meanwhile (the page was just scrolled to
    // the map) changes the map, and the focused class then lights and names the new districts.
    const state = () =>
      figure.evaluate((f) => {
        const marks = [...f.querySelectorAll<SVGElement>(".scrolly__sticky svg.chart path.mark")];
        const key = (ms: SVGElement[]) => ms.map((m) => m.dataset.key).sort();
        const ofTwo = marks.filter((m) => m.dataset.class === "2");
        return {
          lit: key(marks.filter((m) => m.classList.contains("is-lit"))),
          ofClass: key(ofTwo),
          names: ofTwo.map((m) => m.dataset.name ?? ""),
          live: f.querySelector(".scrolly__sticky .legend [aria-live]")?.textContent ?? "",
        };
      });
    await expect
      .poll(async () => {
        const s = await state();
        return s.lit.join() === s.ofClass.join() && s.live.includes(`${s.names.length} of 25`) && s.names.every((n) => s.live.includes(n));
      })
      .toBe(true);
    const { lit: litNow, ofClass: classTwo, names, live } = await state();
    expect(litNow).toEqual(classTwo);
    expect(names.length).toBeGreaterThan(0);
    await figure.screenshot({ path: join(SHOTS, "story-legend-highlight.png") });
    expect(live).toContain(`${names.length} of 25`);
    for (const n of names) expect(live).toContain(n);
    // A click (or tap) keeps the highlight.
    await items.nth(2).click();
    expect(await items.nth(2).getAttribute("aria-pressed")).toBe("true");
    await items.nth(2).blur();
    expect(await lit()).toEqual(await ofClass("2"));
    await page.close();
  });

  it("shows a bar's tooltip on keyboard focus, with the figure from the data", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(site.url + STORY);
    // The 2015 population chart (the story's bar chart, after the scrolly map).
    const firstBar = page.locator('#seoul-at-a-glance-2[data-figure="bar"] rect.bar').first();
    // Tab through the page until the bar chart's single tab stop has focus.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      if (await firstBar.evaluate((el) => el === document.activeElement)) break;
    }
    expect(await firstBar.evaluate((el) => el === document.activeElement)).toBe(true);
    const tooltip = page.locator("#seoul-at-a-glance-2 .tooltip");
    expect(await tooltip.isVisible()).toBe(true);
    expect(await tooltip.innerText()).toBe("Songpa-gu\n634,941\u00a0people");
    await page.keyboard.press("ArrowDown");
    expect(await tooltip.innerText()).toBe("Gangseo-gu\n570,507\u00a0people");
    await page.locator("#seoul-at-a-glance-2").screenshot({ path: join(SHOTS, "story-bar-focus.png") });
    await page.close();
  });

  it("keeps the SVG map and says why when WebGL is unavailable", async () => {
    const noGl = await launchBrowser(["--disable-webgl", "--disable-3d-apis"]);
    try {
      const page = await noGl.newPage();
      const watch = watchPage(page, site.url);
      await page.goto(site.url + STORY);
      await page.locator("[data-map]").first().scrollIntoViewIfNeeded();
      const status = page.locator('figure[data-figure="choropleth"] [data-status]');
      await expect.poll(() => status.isVisible()).toBe(true);
      expect(await status.innerText()).toMatch(/WebGL is unavailable/);
      expect(await page.locator('figure[data-figure="choropleth"] .figure__graphic svg.chart--map').isVisible()).toBe(true);
      expect(watch.requests.some((u) => u.includes("/map-"))).toBe(false);
    } finally {
      await noGl.close();
    }
  });

  it("shows every figure's SVG with JavaScript turned off", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url + STORY);
    // The bar charts' SVG; the map is a scrolly, whose steps each show their own drawing.
    for (const bar of await page.locator('figure[data-figure="bar"] svg.chart').all()) expect(await bar.isVisible()).toBe(true);
    const steps = page.locator('figure[data-figure="choropleth"] .scrolly__step');
    expect(await steps.count()).toBeGreaterThanOrEqual(3);
    for (const step of await steps.all()) expect(await step.locator("svg.chart").isVisible()).toBe(true);
    await context.close();
  });

  for (const [url, name] of [
    ["/stories/gwangjin-carbon-neutral-2050/", "Table: Target for 2030, Base year, Emissions in the base year"],
    ["/ko/stories/gwangjin-carbon-neutral-2050/", "표: 2030년 목표, 기준연도, 기준연도 배출량(이산화탄소 환산)"],
  ]) {
    it(`keeps every word of a story's own table whole on a 320-pixel phone (${url})`, async () => {
      const page = await site.browser.newPage({ viewport: { width: 320, height: 700 } });
      await page.goto(site.url + url);
      const region = page.getByRole("region", { name });
      expect(await region.getAttribute("tabindex")).toBe("0");
      // Each word (between spaces and after a hyphen, where a line may break) sits on one line.
      const broken = await region.locator("table").evaluate((table) => {
        const out: string[] = [];
        const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const m of (node.textContent ?? "").matchAll(/[^\s()-]+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) out.push(m[0]);
          }
        }
        return out;
      });
      expect(broken, "words split across lines").toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await page.close();
    });
  }
});
