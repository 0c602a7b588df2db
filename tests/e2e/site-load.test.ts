/**
 * Every kind of page of both editions of the built site, loaded in Chromium, scrolled through and every map opened
 * (MapLibre loads only when asked): no console error, no failed request, nothing from
 * another origin, and the page budgets (the first view is measured before any of it).
 * Pages are found from the files in _site/, so new pages are covered without editing this.
 */
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUDGETS, firstView, pageLoads } from "../../scripts/lib/page-weight.ts";
import { gzipBytes, KB, kb, siteText } from "../helpers/asset-bytes.ts";
import { openPage, revealAll, type Visit } from "../helpers/page-visit.ts";
import { SITE } from "../helpers/paths.ts";
import { samplePages } from "../helpers/site-pages.ts";
import { siteSession } from "../helpers/site-session.ts";

// Every kind of page in both editions (all but a sample of the district and dataset pages).
const pages = samplePages();
const server = siteSession();
// What the build report counts for each page, read from the files (scripts/lib/page-weight.ts).
const counted = new Map((await pageLoads(SITE, pages)).map((l) => [l.url, l]));

const isJs = (u: string) => /\.m?js$/.test(new URL(u).pathname);
const isCss = (u: string) => new URL(u).pathname.endsWith(".css");
// Data files, not the pages of the data catalogue (/data/, /data/<name>/).
const isData = (u: string) => /^\/data\/.*[^/]$|\.(geo)?json$|\.csv$/.test(new URL(u).pathname) && !new URL(u).pathname.endsWith(".html");
/** MapLibre's files: its chunk (the only code that names its CSS classes), worker and CSS. */
const isMapLibre = (u: string) => /maplibre/.test(new URL(u).pathname) || (isJs(u) && siteText(u).includes("maplibregl"));

describe.each(pages)("page %s", (url) => {
  let context: BrowserContext;
  let visit: Visit;
  beforeAll(async () => {
    // A fresh profile (empty cache) on a phone: the budgets are about a first visit on a small screen.
    context = await server.browser.newContext({ viewport: { width: 390, height: 844 } });
    visit = await openPage(context, server.url, url);
    await revealAll(visit.page);
  });
  afterAll(async () => {
    await context?.close();
  });

  it("makes no request to another origin, none fails, and nothing is logged as an error", () => {
    expect(visit.watch.foreign(), `${url}: requests to other origins`).toEqual([]);
    expect(visit.watch.failed, `${url}: failed requests`).toEqual([]);
    expect(visit.watch.consoleErrors, `${url}: console errors`).toEqual([]);
  });

  it("draws every map it has (MapLibre reached idle)", async () => {
    const states = await visit.page.$$eval("[data-map]", (gs) => gs.map((g) => (g as HTMLElement).dataset.mapState ?? "never started"));
    expect(
      states.filter((s) => s !== "ready"),
      `${url}: maps that did not load`,
    ).toEqual([]);
  });

  it(`has a first view ≤ ${BUDGETS.firstView / KB} KB gzip (HTML, JavaScript ≤ ${BUDGETS.js / KB} KB, CSS ≤ ${BUDGETS.css / KB} KB, data; fonts apart), and no MapLibre`, () => {
    const local = visit.initial.filter((u) => u.startsWith(`${server.url}/`));
    const js = local.filter(isJs);
    const css = local.filter(isCss);
    const data = local.filter(isData);
    const list = (us: string[]) => us.map((u) => `${new URL(u).pathname} ${kb(gzipBytes(u))}`).join(", ");
    const sum = (us: string[]) => us.reduce((s, u) => s + gzipBytes(u), 0);
    expect(local.filter(isMapLibre), `${url}: MapLibre files requested before interaction`).toEqual([]);
    const first = gzipBytes(server.url + url) + sum(js) + sum(css) + sum(data);
    expect(
      first,
      `${url}: first view is ${kb(first)} gzip: HTML ${kb(gzipBytes(server.url + url))}, ${list([...js, ...css, ...data])}`,
    ).toBeLessThanOrEqual(BUDGETS.firstView);
    // The build report counts at least what Chromium loaded.
    expect(firstView(counted.get(url)!)).toBeGreaterThanOrEqual(first - sum(data));
    expect(sum(js), `${url}: JavaScript before interaction is ${kb(sum(js))} gzip: ${list(js)}`).toBeLessThanOrEqual(BUDGETS.js);
    expect(sum(css), `${url}: CSS before interaction is ${kb(sum(css))} gzip: ${list(css)}`).toBeLessThanOrEqual(BUDGETS.css);
    expect(sum(css), `${url}: no stylesheet was loaded`).toBeGreaterThan(0);
  });

  it(`fetches no data file over ${BUDGETS.dataFile / KB} KB gzip`, () => {
    const data = [...new Set(visit.watch.requests.filter((u) => u.startsWith(`${server.url}/`) && isData(u)))];
    const over = data.filter((u) => gzipBytes(u) > BUDGETS.dataFile).map((u) => `${new URL(u).pathname} is ${kb(gzipBytes(u))} gzip`);
    expect(over, `${url}: data files over budget`).toEqual([]);
  });

  it("is weighed by the build report with every script, stylesheet and map data file Chromium fetched", () => {
    const load = counted.get(url)!;
    const paths = (us: string[]) => [...new Set(us.filter((u) => u.startsWith(`${server.url}/`)).map((u) => new URL(u).pathname))];
    const code = new Set([...load.js, ...load.css].map((f) => f.path));
    const data = new Set(load.data.map((f) => f.path));
    expect(
      paths(visit.initial.filter((u) => isJs(u) || isCss(u))).filter((p) => !code.has(p)),
      `${url}: loaded before interaction but not counted by the build report`,
    ).toEqual([]);
    expect(
      paths(visit.watch.requests.filter(isData)).filter((p) => p.startsWith("/data/") && !data.has(p)),
      `${url}: data files fetched but not counted by the build report`,
    ).toEqual([]);
  });

  // Last: it narrows the window. A row that pushes the page wider than a small phone (the
  // search box did, at 390 px) makes the reader scroll sideways to read every line.
  it("fits a 320-pixel-wide phone: nothing makes the page scroll sideways", async () => {
    // Loaded again at that width (from the cache): a map opened at 390 px, or a tooltip left
    // showing, would only be catching up with the resize.
    await visit.page.setViewportSize({ width: 320, height: 700 });
    await visit.page.reload({ waitUntil: "load" });
    const wide = await visit.page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= width) return [];
      // What sticks out, outside the boxes that scroll on purpose (a figure's data table, a wide story table).
      const culprits = [...document.body.querySelectorAll("*")]
        .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.parentElement?.closest(".table-wrap, .visually-hidden"))
        .slice(0, 5)
        .map(
          (el) =>
            `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> ends at ${Math.round(el.getBoundingClientRect().right)} px`,
        );
      return culprits.length ? culprits : [`the page is ${document.documentElement.scrollWidth} px wide`];
    });
    expect(wide, `${url}: wider than the phone's 320 px`).toEqual([]);
  });
});
