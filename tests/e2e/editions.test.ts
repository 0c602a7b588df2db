/**
 * The two editions in a browser: a reader on a Korean story switches to English and lands
 * on the English version of the same story, and back; the search page of each edition
 * searches its own language's index only (Pagefind reads each page's <html lang>).
 */
import { describe, expect, it } from "vitest";
import { siteSession } from "../helpers/site-session.ts";

const site = siteSession();

describe("the language switch", () => {
  it("takes a reader from a Korean story to its English version and back", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}/ko/stories/gwanak-s-valley/`);
    expect(await page.locator("html").getAttribute("lang")).toBe("ko");
    const koTitle = await page.locator("h1").textContent();
    await page.getByRole("link", { name: "English", exact: true }).click();
    await page.waitForURL(`${site.url}/stories/gwanak-s-valley/`);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("h1").textContent()).toContain("S-Valley 2.0");
    await page.getByRole("link", { name: "한국어", exact: true }).click();
    await page.waitForURL(`${site.url}/ko/stories/gwanak-s-valley/`);
    expect(await page.locator("h1").textContent()).toBe(koTitle);
    await page.close();
  });

  it("takes a reader from a district page to the same district in the other edition", async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}/districts/gwanak-gu/`);
    await page.getByRole("link", { name: "한국어", exact: true }).click();
    await page.waitForURL(`${site.url}/ko/districts/gwanak-gu/`);
    expect(await page.locator("h1").textContent()).toBe("관악구 Gwanak-gu");
    await page.close();
  });

  it("keeps a reader in Korean when they open a district from a Korean story's map, or a dong from a Korean district's map", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    for (const [url, figure, target] of [
      ["/ko/stories/seoul-at-a-glance/", 'figure[data-figure="choropleth"]', /^\/ko\/districts\/[a-z-]+-gu\/$/],
      ["/ko/districts/gwanak-gu/", 'figure[data-figure="choropleth"]', /^\/ko\/districts\/gwanak-gu\/#dong-\d+$/],
    ] as const) {
      await page.goto(`${site.url}${url}`);
      const hrefs = await page.locator(`${figure} path.mark[data-href]`).evaluateAll((ms) => ms.map((m) => m.getAttribute("data-href")!));
      expect(hrefs.length, url).toBeGreaterThan(0);
      expect(
        hrefs.filter((h) => !target.test(h)),
        `${url}: map links out of the Korean edition`,
      ).toEqual([]);
    }
    // And a click goes there.
    await page.goto(`${site.url}/ko/stories/seoul-at-a-glance/`);
    const mark = page.locator('figure[data-figure="choropleth"] .figure__graphic path.mark[data-href]').first();
    const href = await mark.getAttribute("data-href");
    await Promise.all([page.waitForURL(`${site.url}${href}`), mark.click()]);
    expect(await page.locator("html").getAttribute("lang")).toBe("ko");
    await page.close();
  });
});

describe("search in each edition", () => {
  const results = async (path: string, query: string) => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}${path}?q=${encodeURIComponent(query)}`);
    await page.locator(".search-results li a").first().waitFor();
    const hrefs = await page.locator(".search-results li a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    const status = await page.locator("[data-search-status]").textContent();
    await page.close();
    return { hrefs, status };
  };

  for (const query of ["탄소중립", "관악"]) {
    it(`finds Korean pages only for "${query}" on /ko/search/`, async () => {
      const { hrefs, status } = await results("/ko/search/", query);
      expect(hrefs.length).toBeGreaterThan(0);
      expect(hrefs.filter((h) => !h.startsWith("/ko/"))).toEqual([]);
      expect(status).toContain("검색 결과");
    });
  }

  it("finds the Korean carbon-neutrality story for 탄소중립", async () => {
    expect((await results("/ko/search/", "탄소중립")).hrefs).toContain("/ko/stories/gwangjin-carbon-neutral-2050/");
  });

  it("finds English pages only for an English query on /search/", async () => {
    const { hrefs, status } = await results("/search/", "Gwanak");
    expect(hrefs).toContain("/districts/gwanak-gu/");
    expect(hrefs.filter((h) => h.startsWith("/ko/"))).toEqual([]);
    expect(status).toContain("results for");
  });
});
