/**
 * "Find your neighbourhood" in Chromium, on the home page and the districts index: nothing
 * of it is fetched before the box gets focus; it is an ARIA 1.2 combobox driven by the
 * keyboard; the queries of the issue (and their Korean forms) put the right dong or gu
 * first; choosing one highlights its district on the map and leads to its page, where the
 * dong is highlighted on the dong map; an unknown name says so.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { FIND_STRINGS } from "../../src/lib/i18n/find.ts";
import { watchPage } from "../helpers/page-watch.ts";
import { ROOT } from "../helpers/paths.ts";
import { siteSession } from "../helpers/site-session.ts";

const SHOTS = join(ROOT, "test-results", "screenshots");
const site = siteSession();
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

async function search(page: Page, query: string): Promise<string[]> {
  const input = page.locator("#find-input");
  await input.fill(query);
  // The status reads "Loading…" while the list of places loads: wait for the results' own.
  const loading = new Set(Object.values(FIND_STRINGS).map((t) => t.loading));
  await expect
    .poll(async () => {
      const status = await page.locator(".find__status").innerText();
      return status !== "" && !loading.has(status);
    })
    .toBe(true);
  return page.locator("#find-list [role=option] .find__name").allInnerTexts();
}

describe("find your neighbourhood", () => {
  it("fetches nothing of it before the box gets focus, then its code and the list", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    const watch = watchPage(page, site.url);
    await page.goto(`${site.url}/`, { waitUntil: "networkidle" });
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(300);
    // The list of places and the finder's code (its stylesheet comes with the page: it draws the box).
    const finder = (u: string) => /^\/find\/places\.json$|^\/assets\/find-[A-Z0-9]+\.js$/.test(new URL(u).pathname);
    expect(watch.requests.filter(finder)).toEqual([]);
    await page.locator("#find-input").focus();
    await expect.poll(() => watch.requests.filter(finder).length).toBe(2);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it("puts the right dong or district first for English and Korean, partial, with or without -gu/-dong, spaces and hyphens", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(`${site.url}/districts/`, { waitUntil: "networkidle" });
    await page.locator("#find-input").focus();
    for (const [query, expected] of [
      ["nakseongdae", "Nakseongdaedong 낙성대동"],
      ["낙성대", "Nakseongdaedong 낙성대동"],
      ["Seongsu 2ga", "Seongsu 2(i)-ga1(il)-dong 성수2가1동"],
      ["성수2가", "Seongsu 2(i)-ga1(il)-dong 성수2가1동"],
      ["mapo-gu", "Mapo-gu 마포구"],
      ["마포", "Mapo-gu 마포구"],
    ]) {
      expect((await search(page, query!))[0], query).toBe(expected);
    }
    expect(await search(page, "xyzzy")).toEqual([]);
    expect(await page.locator(".find__status").innerText()).toBe(
      "No district or dong called “xyzzy”. Try another spelling, or the Korean name.",
    );
    expect(await page.locator("#find-input").getAttribute("aria-expanded")).toBe("false");
    await page.close();
  });

  it("is a combobox for the keyboard: ↓ moves through the options, highlights the district, Enter leads to the dong on its district's page", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${site.url}/`, { waitUntil: "networkidle" });
    const input = page.locator("#find-input");
    await input.focus();
    await search(page, "seongsu 2");
    expect(await input.getAttribute("role")).toBe("combobox");
    expect(await input.getAttribute("aria-expanded")).toBe("true");
    expect(await input.getAttribute("aria-controls")).toBe("find-list");
    await page.keyboard.press("ArrowDown");
    const active = await input.getAttribute("aria-activedescendant");
    expect(active).toBe("find-option-0");
    expect(await page.locator(`#${active}`).getAttribute("aria-selected")).toBe("true");
    // The district of the option under the keyboard stands out on the map.
    expect(await page.locator(".district-map--overview a.is-found").getAttribute("href")).toBe("/districts/seongdong-gu/");
    await page.locator(".explore").screenshot({ path: join(SHOTS, "find-home.png") });
    await page.keyboard.press("Escape");
    expect(await input.getAttribute("aria-expanded")).toBe("false");
    await search(page, "낙성대");
    await Promise.all([page.waitForURL(`${site.url}/districts/gwanak-gu/#dong-1121058`), page.keyboard.press("Enter")]);
    // On the district's page: the dong is highlighted on its map, and its row marked.
    const figure = page.locator("#district-gwanak-gu-dong");
    await expect.poll(() => figure.locator("path.mark.is-highlighted").getAttribute("data-key")).toBe("1121058");
    expect(await page.locator("tr#dong-1121058").evaluate((tr) => getComputedStyle(tr.firstElementChild!).backgroundColor)).not.toBe(
      "rgba(0, 0, 0, 0)",
    );
    await figure.screenshot({ path: join(SHOTS, "find-dong-on-district-page.png") });
    await page.close();
  });

  it("chooses with a click or a tap too", async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true });
    await page.goto(`${site.url}/districts/`, { waitUntil: "networkidle" });
    await page.locator("#find-input").focus();
    await search(page, "Gwanak");
    await Promise.all([page.waitForURL(`${site.url}/districts/gwanak-gu/`), page.locator("#find-option-0").tap()]);
    await page.close();
  });

  it("on a Korean page, finds a Korean name and leads to the Korean district page", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}/ko/districts/`, { waitUntil: "networkidle" });
    await page.locator("#find-input").focus();
    await search(page, "관악");
    await Promise.all([page.waitForURL(`${site.url}/ko/districts/gwanak-gu/`), page.locator("#find-option-0").click()]);
    await page.close();
  });

  it("is not shown without JavaScript (the map and the list of districts remain)", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    expect(await page.locator(".find").isVisible()).toBe(false);
    expect(await page.locator(".district-map--overview").isVisible()).toBe(true);
    await context.close();
  });
});
