/**
 * axe-core at WCAG 2.1 AA on every kind of page of both editions of the built site, in light
 * and dark mode: as it first loads (the SVG figures), and once its maps are interactive
 * (MapLibre and its controls) with every data table opened.
 * Zero violations: a failure names the page, the rule, the element and how to fix it.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, describeViolations } from "../helpers/axe.ts";
import { openPage, revealAll } from "../helpers/page-visit.ts";
import { samplePages } from "../helpers/site-pages.ts";
import { siteSession } from "../helpers/site-session.ts";

// Every kind of page in both editions (all but a sample of the district and dataset pages).
const pages = samplePages();
const server = siteSession();

/** Switch the page's colour scheme as a reader's setting does, and wait for its transitions (chart marks fade their colours). */
async function scheme(page: Page, colorScheme: "light" | "dark"): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}

describe.each(pages)("page %s", (url) => {
  // One load per page, both schemes: as loaded in light and then dark mode, then with its maps
  // loaded (in dark mode) and every data table open, in dark and then light mode. The maps
  // follow a change of setting as it happens (src/assets/map.ts), so each scheme is checked
  // on them too; a second load per scheme cost about a third of the browser tests' time.
  it("has no WCAG 2.1 AA violation in light or dark mode, before and after its maps load", async () => {
    const context = await server.browser.newContext({ viewport: { width: 1000, height: 800 }, colorScheme: "light" });
    try {
      const { page } = await openPage(context, server.url, url);
      expect(describeViolations(await axeViolations(page)), `${url} (light, as loaded)`).toEqual([]);
      await scheme(page, "dark");
      expect(describeViolations(await axeViolations(page)), `${url} (dark, as loaded)`).toEqual([]);
      await revealAll(page);
      // What a reader can open is checked too: every data table.
      await page.$$eval("details", (ds) => {
        for (const d of ds) (d as HTMLDetailsElement).open = true;
      });
      expect(describeViolations(await axeViolations(page)), `${url} (dark, maps loaded, tables open)`).toEqual([]);
      await scheme(page, "light");
      expect(describeViolations(await axeViolations(page)), `${url} (light, maps loaded, tables open)`).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
