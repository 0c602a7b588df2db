/**
 * A site built from a hostile dataset (tests/helpers/hostile-data.ts): labels with
 * <script>, onerror=, javascript: URLs and </script>. In Chromium, with the CSP and with
 * the CSP bypassed (so escaping alone is tested), while the maps load, tooltips show
 * hostile names and tables open: no dialog opens, nothing sets window.__pwned, no element
 * or attribute is injected (a MutationObserver watches from the first byte), and the
 * payloads are on the page as plain text.
 */
import { readFileSync } from "node:fs";
import * as cheerio from "cheerio";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { HOSTILE_STORY, hostileName, makeGeneratedHostile, PAYLOADS } from "../helpers/hostile-data.ts";
import { inlineCodeProblems } from "../helpers/inline-code.ts";
import { gotoSettled, revealAll } from "../helpers/page-visit.ts";
import { watchPage } from "../helpers/page-watch.ts";
import { type ScratchSite, scratchSite } from "../helpers/scratch-site.ts";
import { fileOfUrl, samplePages } from "../helpers/site-pages.ts";
import { siteSession } from "../helpers/site-session.ts";

declare global {
  interface Window {
    __pwned?: unknown;
    __injected?: string[];
  }
}

const fixture: ScratchSite = scratchSite("hostile", { stories: { "hostile.md": HOSTILE_STORY }, editGenerated: makeGeneratedHostile });
// Built while the file is collected, so its pages can be listed from the files.
await fixture.build();
afterAll(() => fixture.remove());
const server = siteSession(fixture.site);

/** Installed before any page script: records every added element or attribute that could run code. */
function watchForInjection(): void {
  window.__injected = [];
  // Page markup carries the payloads as text (tables, aria-label, meta description): what
  // matters is a new element that runs code, or an attribute that handles events or links to code.
  const suspicious = (el: Element) => {
    const tag = el.tagName.toLowerCase();
    if (/^(script|iframe|object|embed|img|base|form)$/.test(tag) && el.outerHTML.includes("pwned")) return `<${tag}> added`;
    const bad = [...el.attributes].find(
      (a) =>
        /^on/i.test(a.name) ||
        /pwned/i.test(a.name) ||
        (/^(href|src|xlink:href|action|formaction)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)),
    );
    return bad ? `<${tag} ${bad.name}="${bad.value.slice(0, 40)}">` : undefined;
  };
  new MutationObserver((records) => {
    for (const r of records) {
      const els = r.type === "attributes" ? [r.target as Element] : [...r.addedNodes].filter((n): n is Element => n instanceof Element);
      for (const el of els.flatMap((e) => [e, ...e.querySelectorAll("*")])) {
        const found = suspicious(el);
        if (found) window.__injected!.push(found);
      }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

/** Do what readers do: load the maps, open the tables, move through every figure's marks by keyboard and hover. */
async function interact(page: Page): Promise<void> {
  await revealAll(page);
  await page.$$eval("details", (ds) => {
    for (const d of ds) (d as HTMLDetailsElement).open = true;
  });
  for (const mark of await page.locator("svg.chart .mark[tabindex='0']").all()) {
    if (!(await mark.isVisible())) continue;
    await mark.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
    await mark.hover({ force: true });
  }
  for (const canvas of await page.locator("canvas.maplibregl-canvas").all()) {
    await canvas.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  }
}

it("the fixture carries the payloads into the built pages as escaped text", () => {
  const story = readFileSync(fileOfUrl("/stories/hostile/", fixture.site), "utf8");
  const $ = cheerio.load(story);
  expect($("table").first().text()).toContain(hostileName(0));
  expect($("table").first().text()).toContain(PAYLOADS[3]);
  expect($("svg.chart--bar .bar-label").text()).toContain(PAYLOADS[1]);
  expect(story).not.toContain(PAYLOADS[0]);
});

describe.each(["with the Content-Security-Policy", "with the Content-Security-Policy bypassed"])("%s", (mode) => {
  const bypassCSP = mode.endsWith("bypassed");
  it.each(samplePages(fixture.site))("page %s runs no hostile code and gets no injected markup", async (url) => {
    expect(inlineCodeProblems(cheerio.load(readFileSync(fileOfUrl(url, fixture.site), "utf8"))), `${url} as built`).toEqual([]);
    const context = await server.browser.newContext({ bypassCSP, viewport: { width: 1000, height: 800 } });
    try {
      await context.addInitScript(watchForInjection);
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
      const watch = watchPage(page, server.url);
      await gotoSettled(page, server.url + url);
      await interact(page);
      const outcome = await page.evaluate(() => ({
        pwned: window.__pwned ?? null,
        injected: window.__injected ?? ["the observer never ran"],
        handlers: [...document.querySelectorAll("*")].flatMap((el) =>
          [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.tagName.toLowerCase()} ${a.name}>`),
        ),
        scripts: [...document.scripts]
          .map((s) => s.src || `inline: ${s.text.slice(0, 60)}`)
          .filter((s) => !/\/assets\/[\w-]+\.js$/.test(s)),
        foreignFrames: document.querySelectorAll("iframe, object, embed, [src*='pwned']").length,
        text: document.body.textContent ?? "",
        tooltips: [...document.querySelectorAll(".tooltip")].map((t) => t.textContent ?? ""),
      }));
      expect(dialogs, `${url}: dialogs opened`).toEqual([]);
      expect(outcome.pwned, `${url}: window.__pwned was set`).toBeNull();
      expect(outcome.injected, `${url}: injected elements or attributes`).toEqual([]);
      expect(outcome.handlers, `${url}: event handler attributes`).toEqual([]);
      expect(outcome.scripts, `${url}: scripts other than the site's`).toEqual([]);
      expect(outcome.foreignFrames, `${url}: injected frames, objects or images`).toBe(0);
      expect(
        watch.requests.filter((u) => u.includes("pwned")),
        `${url}: requests made by payloads`,
      ).toEqual([]);
      if (url === "/stories/hostile/") {
        // The payloads reached the reader as text: in the page, and in the tooltips they opened.
        for (const p of PAYLOADS) expect(outcome.text).toContain(p);
        expect(outcome.tooltips.join(" ")).toContain("#");
        expect(outcome.tooltips.some((t) => PAYLOADS.some((p) => t.includes(p)))).toBe(true);
      }
    } finally {
      await context.close();
    }
  });
});
