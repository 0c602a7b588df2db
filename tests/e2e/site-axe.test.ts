/**
 * axe-core at WCAG 2.1 AA on every kind of page of both editions of the built site: as it first loads (the SVG
 * figures), in dark mode, and once its maps are interactive (MapLibre and its controls)
 * with every data table opened.
 * Zero violations: a failure names the page, the rule, the element and how to fix it.
 */
import { describe, expect, it } from "vitest";
import { axeViolations, describeViolations } from "../helpers/axe.ts";
import { openPage, revealAll } from "../helpers/page-visit.ts";
import { samplePages } from "../helpers/site-pages.ts";
import { siteSession } from "../helpers/site-session.ts";

// Every kind of page in both editions (all but a sample of the district and dataset pages).
const pages = samplePages();
const server = siteSession();

describe.each(pages)("page %s", (url) => {
  it.each(["light", "dark"] as const)("has no WCAG 2.1 AA violation in %s mode, before and after its maps load", async (colorScheme) => {
    const context = await server.browser.newContext({ viewport: { width: 1000, height: 800 }, colorScheme });
    try {
      const { page } = await openPage(context, server.url, url);
      expect(describeViolations(await axeViolations(page)), `${url} (${colorScheme}, as loaded)`).toEqual([]);
      await revealAll(page);
      // What a reader can open is checked too: every data table.
      await page.$$eval("details", (ds) => {
        for (const d of ds) (d as HTMLDetailsElement).open = true;
      });
      expect(describeViolations(await axeViolations(page)), `${url} (${colorScheme}, maps loaded, tables open)`).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
