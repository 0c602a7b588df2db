import { describe, expect, it } from "vitest";
import { siteSession } from "../helpers/site-session.ts";

const site = siteSession();

describe("a reader", () => {
  it("clicks a district on the home map and lands on its page", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${site.url}/`);
    await page.locator('.district-map--overview a[href="/districts/gwanak-gu/"] path').click();
    await page.waitForURL(`${site.url}/districts/gwanak-gu/`);
    expect(await page.locator("h1").textContent()).toBe("Gwanak-gu 관악구");
    await page.close();
  });

  it("reads every row of the tables that are a page's content, with no box hiding most of them", async () => {
    for (const [url, rows] of [
      ["/districts/", 25],
      ["/ko/districts/", 25],
      ["/about/", 0],
      ["/data/dong/", 0],
    ] as const) {
      for (const width of [1280, 390]) {
        const page = await site.browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(`${site.url}${url}`);
        const wrap = page.locator("main .table-wrap").first();
        const { visible, whole, count } = await wrap.evaluate((el) => ({
          visible: el.clientHeight,
          whole: el.scrollHeight,
          count: el.querySelectorAll("tbody tr").length,
        }));
        expect(whole - visible, `${url} at ${width} px: rows hidden in a scroll box`).toBeLessThanOrEqual(2);
        if (rows) expect(count, url).toBe(rows);
        await page.close();
      }
    }
  });

  it("reaches a district from the home map with the keyboard", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${site.url}/`);
    const target = page.locator('.district-map--overview a[href="/districts/jongno-gu/"]');
    for (let i = 0; i < 80 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${site.url}/districts/jongno-gu/`);
    await page.close();
  });

  for (const [query, expected] of [
    ["S-Valley", "/stories/gwanak-s-valley/"],
    ["탄소중립", "/stories/gwangjin-carbon-neutral-2050/"],
  ] as const) {
    it(`finds "${query}" with the offline search`, async () => {
      const page = await site.browser.newPage();
      await page.goto(`${site.url}/search/?q=${encodeURIComponent(query)}`);
      await page.locator(".search-results li a").first().waitFor();
      const hrefs = await page.locator(".search-results li a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      expect(hrefs).toContain(expected);
      await page.close();
    });
  }

  it("finds data pages with their words apart in the excerpt, and not the newsroom's style guide", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/search/?q=${encodeURIComponent("rows")}`);
    await page.locator(".search-results li a").first().waitFor();
    const results = await page
      .locator(".search-results li")
      .evaluateAll((lis) => lis.map((li) => ({ href: li.querySelector("a")?.getAttribute("href") ?? "", text: li.textContent ?? "" })));
    expect(results.some((r) => r.href.startsWith("/data/"))).toBe(true);
    // A label and its value (<dt>Rows</dt> <dd>13 rows</dd>) are two words, not "Rows13".
    for (const r of results) expect(r.text, r.href).not.toMatch(/Rows\d/);
    await page.goto(`${site.url}/search/?q=${encodeURIComponent("style guide")}`);
    await page.locator(".search-results").waitFor();
    await page.waitForTimeout(1000);
    const hrefs = await page.locator(".search-results li a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.filter((h) => h.startsWith("/styleguide/"))).toEqual([]);
    await page.close();
  });

  it("searches the site offline and gets linked results", async () => {
    const page = await site.browser.newPage();
    const foreign: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(site.url)) foreign.push(r.url());
    });
    await page.goto(`${site.url}/search/`);
    await page.fill("#search-q", "Gwanak");
    await page.press("#search-q", "Enter");
    const first = page.locator(".search-results li a").first();
    await first.waitFor();
    expect(await page.locator(".search-results li a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toContain(
      "/districts/gwanak-gu/",
    );
    expect(page.url()).toContain("?q=Gwanak");
    expect(foreign).toEqual([]);
    await page.close();
  });
});
