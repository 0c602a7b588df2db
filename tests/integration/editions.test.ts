/**
 * The two editions of the built site: every page under /ko/ is Korean (<html lang="ko">),
 * names its English counterpart with hreflang and is named back by it; every page's
 * language switch leads to a page that exists (the same page in the other edition where
 * there is one); the sitemap lists both editions with alternates; each edition has its feed
 * and its stories' share cards.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { SITE } from "../helpers/paths.ts";
import { fileOfUrl, sitePages } from "../helpers/site-pages.ts";

const pages = sitePages().filter((u) => u !== "/build-report.html");
const korean = pages.filter((u) => u.startsWith("/ko/"));
const load = (url: string) => cheerio.load(readFileSync(fileOfUrl(url), "utf8"));
const path = (href: string) => new URL(href).pathname;
/** A page's hreflang alternates: language → site path. */
function alternates(url: string): Record<string, string> {
  const $ = load(url);
  return Object.fromEntries(
    $('link[rel="alternate"][hreflang]')
      .map((_, el) => [[$(el).attr("hreflang")!, path($(el).attr("href")!)]])
      .get(),
  );
}

describe("the Korean edition", () => {
  it("has every kind of page", () => {
    for (const url of [
      "/ko/",
      "/ko/districts/",
      "/ko/districts/gwanak-gu/",
      "/ko/about/",
      "/ko/corrections/",
      "/ko/search/",
      "/ko/404.html",
      "/ko/data/",
      "/ko/data/census-2015-gu/",
    ])
      expect(korean, url).toContain(url);
    expect(korean.filter((u) => /^\/ko\/districts\/[^/]+\/$/.test(u))).toHaveLength(25);
    for (const slug of [
      "gwanak-s-valley",
      "geumcheon-alley-economy",
      "gwangjin-carbon-neutral-2050",
      "gangbuk-public-design",
      "seoul-at-a-glance",
    ])
      expect(korean).toContain(`/ko/stories/${slug}/`);
  });

  it.each(korean)("%s is Korean and names its English counterpart, which names it back", (url) => {
    const $ = load(url);
    expect($("html").attr("lang")).toBe("ko");
    const english = url.slice(3);
    if (!pages.includes(english)) return;
    expect(alternates(url)).toEqual({ en: english, ko: url, "x-default": english });
    expect(alternates(english)).toEqual({ en: english, ko: url, "x-default": english });
  });
});

describe.each(pages.filter((u) => !/^(\/ko)?\/embed\//.test(u) && !u.startsWith("/styleguide/")))("page %s", (url) => {
  it("has a language switch to a page that exists: its counterpart where it has one", () => {
    const $ = load(url);
    const lang = $("html").attr("lang");
    const other = lang === "ko" ? "en" : "ko";
    const link = $(`.lang-switch a[hreflang="${other}"]`);
    expect(link.text()).toBe(other === "ko" ? "한국어" : "English");
    expect($(`.lang-switch [aria-current="true"]`).text()).toBe(lang === "ko" ? "한국어" : "English");
    const counterpart = lang === "ko" ? url.slice(3) : `/ko${url}`;
    const href = link.attr("href")!;
    if (pages.includes(counterpart)) expect(href).toBe(counterpart);
    else {
      expect(href).toBe(other === "ko" ? "/ko/" : "/");
      expect(link.parent().find(".note").text()).not.toBe("");
    }
    expect(existsSync(fileOfUrl(href))).toBe(true);
  });
});

describe("the footer's credits", () => {
  const credits = (url: string) => {
    const $ = load(url);
    const footer = $(".site-footer");
    return {
      text: footer.text().replace(/\s+/g, " "),
      links: footer
        .find('a[href^="https://"]')
        .map((_, a) => $(a).attr("href"))
        .get(),
    };
  };
  const links = [
    "https://github.com/southkorea/seoul-maps",
    "https://github.com/southkorea/southkorea-population",
    "https://github.com/cardiomoon/kormaps2014",
  ];

  it("name the census figures' publisher, year, redistributor and licence, in each edition's own words", () => {
    for (const url of ["/", "/stories/seoul-at-a-glance/", "/districts/gwanak-gu/"]) {
      const { text, links: found } = credits(url);
      expect(text).toContain(
        "Population: KOSIS 2010 Census via southkorea/southkorea-population (CC BY 3.0); 2015 Census via cardiomoon/kormaps2014 (GPL-3.0).",
      );
      expect(found).toEqual(links);
    }
    for (const url of ["/ko/", "/ko/stories/seoul-at-a-glance/", "/ko/districts/gwanak-gu/"]) {
      const { text, links: found } = credits(url);
      // As the about page says it: the census is Statistics Korea's, the repository redistributes it.
      expect(text).toContain(
        "인구: 통계청 2010년 인구주택총조사(southkorea/southkorea-population 재배포, CC BY 3.0), 2015년 인구주택총조사(cardiomoon/kormaps2014 재배포, GPL-3.0).",
      );
      expect(text).not.toMatch(/[{}]|출처 southkorea/);
      expect(found).toEqual(links);
    }
  });
});

describe("feeds, sitemap and share cards", () => {
  const parser = new XMLParser({ ignoreAttributes: false });
  it("gives each edition its own feed, with its own stories", () => {
    for (const [file, lang, prefix] of [
      ["feed.xml", "en", "/stories/"],
      ["ko/feed.xml", "ko", "/ko/stories/"],
    ] as const) {
      const feed = parser.parse(readFileSync(join(SITE, file), "utf8")).feed;
      expect(feed["@_xml:lang"]).toBe(lang);
      const entries = [feed.entry].flat();
      expect(entries.length).toBe(5);
      for (const e of entries) expect(path(e.id)).toMatch(new RegExp(`^${prefix}`));
    }
  });

  it("lists both editions in the sitemap, each page with its alternates", () => {
    const urls = [parser.parse(readFileSync(join(SITE, "sitemap.xml"), "utf8")).urlset.url].flat();
    const byPath = new Map(urls.map((u: { loc: string; "xhtml:link"?: unknown }) => [path(u.loc), u]));
    expect(byPath.has("/ko/stories/gwanak-s-valley/")).toBe(true);
    expect(byPath.has("/stories/gwanak-s-valley/")).toBe(true);
    for (const p of ["/ko/stories/gwanak-s-valley/", "/stories/gwanak-s-valley/", "/ko/districts/gwanak-gu/"]) {
      const links = [(byPath.get(p) as { "xhtml:link": unknown })["xhtml:link"]].flat() as Record<string, string>[];
      const en = p.replace(/^\/ko/, "");
      expect(Object.fromEntries(links.map((l) => [l["@_hreflang"], path(String(l["@_href"]))]))).toEqual({
        en,
        ko: `/ko${en}`,
        "x-default": en,
      });
    }
  });

  it("draws a share card for every Korean story, named in its page", () => {
    for (const url of korean.filter((u) => u.startsWith("/ko/stories/"))) {
      expect(existsSync(join(SITE, url, "share.png")), url).toBe(true);
      expect(path(load(url)('meta[property="og:image"]').attr("content")!)).toBe(`${url}share.png`);
    }
  });
});
