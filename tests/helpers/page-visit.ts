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

/** Load `url` (a path) from `origin` and wait for the network to go quiet. */
export async function openPage(context: BrowserContext, origin: string, url: string): Promise<Visit> {
  const page = await context.newPage();
  const watch = watchPage(page, origin);
  await page.goto(origin + url, { waitUntil: "networkidle" });
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
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => window.scrollTo(0, 0));
}
