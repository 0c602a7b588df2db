/**
 * Open a page the way a reader does: load it, note what it fetched before any interaction,
 * then scroll through it and ask every map for its interactive version (MapLibre loads only
 * when asked), and wait until each map is drawn or has given up.
 */
import type { BrowserContext, Page } from "playwright-core";
import { type PageWatch, watchPage } from "./page-watch.ts";

export interface Visit {
  page: Page;
  watch: PageWatch;
  /** URLs requested from navigation until the network went quiet, before any scrolling. */
  initial: string[];
}

/**
 * How long no request may be in flight before a page counts as settled. Playwright's
 * "networkidle" waits 500 ms; over the browser walks' 400-odd page loads that was a
 * fifth of their time. The site fetches nothing on a timer or an observer after its load
 * event, and on every sampled page, at both viewports, the shorter spell saw exactly the
 * requests "networkidle" saw.
 */
const QUIET_MS = 150;

/** Follows a page's requests from now on; `quiet()` resolves once none has been in flight for `quietMs`. */
function requestTracker(page: Page): { quiet(quietMs?: number): Promise<void>; stop(): void } {
  const inFlight = new Set<unknown>();
  let last = performance.now();
  const started = (r: unknown) => {
    inFlight.add(r);
    last = performance.now();
  };
  const ended = (r: unknown) => {
    inFlight.delete(r);
    last = performance.now();
  };
  page.on("request", started);
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  return {
    async quiet(quietMs = QUIET_MS) {
      while (inFlight.size > 0 || performance.now() - last < quietMs) await page.waitForTimeout(25);
    },
    stop() {
      page.off("request", started);
      page.off("requestfinished", ended);
      page.off("requestfailed", ended);
    },
  };
}

/** Wait until no request the page makes from now on has been in flight for QUIET_MS. */
export async function settle(page: Page): Promise<void> {
  const tracker = requestTracker(page);
  try {
    await tracker.quiet();
  } finally {
    tracker.stop();
  }
}

/** Go to `url`, wait for the load event, then until no request has been in flight for QUIET_MS. */
export async function gotoSettled(page: Page, url: string): Promise<void> {
  const tracker = requestTracker(page);
  try {
    await page.goto(url, { waitUntil: "load" });
    await tracker.quiet();
  } finally {
    tracker.stop();
  }
}

/** Load `url` (a path) from `origin` and wait for the network to go quiet. */
export async function openPage(context: BrowserContext, origin: string, url: string): Promise<Visit> {
  const page = await context.newPage();
  const watch = watchPage(page, origin);
  await gotoSettled(page, origin + url);
  return { page, watch, initial: [...watch.requests] };
}

/** Scroll to the bottom one screen at a time (nothing of MapLibre loads on the way). */
export async function scrollThrough(page: Page, step = page.viewportSize()?.height ?? 800): Promise<void> {
  for (let y = 0, i = 0; i < 400; i++, y += step) {
    const bottom = await page.evaluate((top) => {
      window.scrollTo(0, top);
      return top + window.innerHeight >= document.documentElement.scrollHeight;
    }, y);
    if (bottom) break;
  }
}

/** Scroll through the page, press every map's "Explore the map", then wait until every map is ready (and idle) or failed. */
export async function revealAll(page: Page): Promise<void> {
  await scrollThrough(page);
  // Each press takes its button away: press the first one left until none is.
  const explore = page.locator("[data-map] .map-explore");
  for (let i = 0; i < 100 && (await explore.count()) > 0; i++) await explore.first().click();
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLElement>("[data-map]")].every(
        (g) => g.dataset.mapState === "failed" || (g.dataset.mapState === "ready" && g.dataset.mapIdle === "true"),
      ),
    undefined,
    { timeout: 60_000 },
  );
  await settle(page);
  await page.evaluate(() => window.scrollTo(0, 0));
}
