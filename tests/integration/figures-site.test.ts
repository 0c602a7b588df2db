/**
 * A whole build (Eleventy, the site's plugin and layouts) of pages with every figure kind
 * on the fixture datasets: every figure gets its furniture, an id, an embed page and an
 * embed code; hostile labels stay inert in the pages and in the embeds.
 */

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageLoads } from "../../scripts/lib/page-weight.ts";
import { SITE_STRINGS } from "../../src/lib/i18n/site.ts";
import { FIXTURE_PAGES, HOSTILE, HOSTILE_SPECS, KIND_SPECS } from "../helpers/figure-pages.ts";
import { buildFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";

let built: FixtureSite;
beforeAll(async () => {
  built = await buildFixtureSite(FIXTURE_PAGES);
});
afterAll(() => built?.remove());

const page = (url: string) => cheerio.load(readFileSync(join(built.site, url, "index.html"), "utf8"));

describe("a scrolly, built from Markdown", () => {
  it("puts its steps in the page in order, each with its text, its drawing and its state, and loads the scrolly code", async () => {
    const $ = page("stories/scrolly");
    const figure = $("figure#fixture-scrolly");
    expect(figure.attr("data-scrolly")).toBe("");
    expect(
      figure
        .find(".scrolly__step .scrolly__text")
        .map((_, t) => $(t).text().trim())
        .get(),
    ).toEqual(["All six areas.", "Two of them.", "One, close up, with the sites in it.", "The change instead."]);
    expect(figure.find(".scrolly__snapshot svg.chart")).toHaveLength(4);
    expect(figure.find(".scrolly__state").last().text()).toBe("Step 4 of 4: The map shows change.");
    // The text around it stays outside the figure.
    expect(figure.prev("p").text()).toBe("Text before.");
    expect(figure.nextAll("p").first().text()).toBe("Text after.");
    // The scrolly code is counted in the page's first view, as the page loads it.
    const [load] = await pageLoads(built.site, ["/stories/scrolly/"]);
    expect(load!.js.some((f) => /\/scrolly-[A-Z0-9]+\.js$/.test(f.path))).toBe(true);
    // Its embed page shows its stills, each step's drawing after its text, and loads no scrolly code.
    const e = page("embed/fixture-scrolly");
    const steps = figure.find(".scrolly__step").length;
    expect(e("figure#fixture-scrolly .scrolly__step")).toHaveLength(steps);
    expect(e("figure#fixture-scrolly .scrolly__snapshot svg.chart")).toHaveLength(steps);
    const [embed] = await pageLoads(built.site, ["/embed/fixture-scrolly/"]);
    expect(embed!.js.some((f) => /\/scrolly-[A-Z0-9]+\.js$/.test(f.path))).toBe(false);
    expect(embed!.css.some((f) => /\/scrolly-style-[A-Z0-9]+\.css$/.test(f.path))).toBe(false);
    expect(embed!.css.some((f) => /\/stills-style-[A-Z0-9]+\.css$/.test(f.path))).toBe(true);
  });
});

describe("every figure kind, built from Markdown", () => {
  it("renders each figure with its kind, id, title, legend or graphic, source, downloads and table", () => {
    const $ = page("stories/kinds");
    const figures = $("figure[data-figure]");
    expect(figures).toHaveLength(Object.keys(KIND_SPECS).length);
    expect(figures.map((_, f) => $(f).attr("data-figure")).get()).toEqual([
      "choropleth",
      "choropleth",
      "points",
      "points",
      "bar",
      "line",
      "timeline",
      "progress",
    ]);
    figures.each((_, f) => {
      const fig = $(f);
      expect(fig.attr("id")).toMatch(/^fixture-/);
      expect(fig.find(".figure__title").text()).not.toBe("");
      expect(fig.find(".figure__graphic svg.chart")).toHaveLength(1);
      expect(fig.find(".figure__source a").attr("href")).toMatch(/^https:\/\/example\.org\//);
      expect(fig.find(".figure__downloads a").first().attr("href")).toMatch(/^\/data\/.+\.csv$/);
      expect(fig.find("details.figure__table table tbody tr").length).toBeGreaterThan(0);
      expect(fig.find(`#${fig.attr("id")}-desc`).text().length).toBeGreaterThan(20);
    });
  });

  it("gives maps a GeoJSON download and a map configuration, and charts their model", () => {
    const $ = page("stories/kinds");
    expect(
      $('figure[data-figure="points"] .figure__downloads a')
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toContain("/data/sites.geojson");
    expect($('figure[data-figure="choropleth"] [data-map]')).toHaveLength(2);
    expect($('figure[data-figure="line"] [data-chart]')).toHaveLength(1);
    for (const href of $(".figure__downloads a")
      .map((_, a) => $(a).attr("href"))
      .get()) {
      expect(existsSync(join(built.site, href)), href).toBe(true);
    }
  });

  it("has an embed page per figure with the figure alone, links opening outside the frame, and no inline script", () => {
    const $ = page("stories/kinds");
    for (const id of $("figure[data-figure]")
      .map((_, f) => $(f).attr("id"))
      .get()) {
      const e = page(`embed/${id}`);
      expect(e("html").attr("data-embed")).toBe("");
      expect(e("figure[data-figure]")).toHaveLength(1);
      expect(e("figure").attr("id")).toBe(id);
      expect(e(".site-header, .site-nav, .figure__embed")).toHaveLength(0);
      expect(e("head base").attr("target")).toBe("_blank");
      expect(e("h1.figure__title").text()).toBe($(`#${id} .figure__title`).text());
      // A map names its interactive configuration, loaded only when the reader asks (as on its story's page).
      expect(e("[data-map]")).toHaveLength($(`#${id} [data-map]`).length);
      if ($(`#${id} [data-map]`).length) expect(existsSync(join(built.site, e("[data-map]").attr("data-map")!))).toBe(true);
      expect(e('meta[http-equiv="Content-Security-Policy"]').attr("content")).toContain("script-src 'self'");
      e("script").each((_, s) => expect(e(s).attr("src")).toBeTruthy());
      // A reader of another site finds the story it comes from; search engines list the story, not the frame.
      expect(e(".embed-credit a").last().attr("href")).toBe(`/stories/kinds/#${id}`);
      expect(e(".embed-credit a").last().text()).toBe("Read the story");
      expect(e('meta[name="robots"]').attr("content")).toBe("noindex");
      // Where a link to it is shared, it says what the figure shows: its subtitle, or the site's tagline without one.
      const subtitle = $(`#${id} .figure__subtitle`).text();
      if (subtitle) expect(e('meta[property="og:description"]').attr("content"), id).toBe(subtitle);
      expect(e('meta[name="description"]').attr("content"), id).toBe(subtitle || SITE_STRINGS.en.description);
    }
    expect($(".figure__subtitle").length).toBeGreaterThan(0);
    expect(page("stories/kinds")('meta[name="robots"]')).toHaveLength(0);
  });

  it("uses no inline style attribute anywhere (the CSP forbids them)", () => {
    for (const url of ["stories/kinds", "stories/charts", "embed/fixture-line"]) expect(page(url)("[style]"), url).toHaveLength(0);
  });

  it("offers a copyable embed code: a frame and the sizing script, no inline script", () => {
    const $ = page("stories/kinds");
    const code = $("#fixture-bar textarea[data-embed-code]").text();
    const c = cheerio.load(code, null, false);
    expect(c("iframe").attr("src")).toBe("/embed/fixture-bar/");
    expect(c("iframe").attr("data-atlas-embed")).toBe("");
    expect(c("script").attr("src")).toBe("/assets/embed.js");
    expect(c("script").text()).toBe("");
    expect(existsSync(join(built.site, "assets", "embed.js"))).toBe(true);
  });
});

describe("hostile labels through the whole build", () => {
  it.each(["stories/hostile", ...Object.values(HOSTILE_SPECS).map((s) => `embed/${/id: (\S+)/.exec(s)![1]}`)])(
    "%s: no element or attribute was injected, and the text is there as text",
    (url) => {
      const $ = page(url);
      expect($("img, iframe, object, b")).toHaveLength(0);
      // The only scripts are the site's own module (and none inline).
      expect(
        $("script")
          .map((_, s) => $(s).attr("src") ?? "inline")
          .get(),
      ).toEqual([expect.stringMatching(/^\/assets\/main-.+\.js$/)]);
      $("*").each((_, el) => {
        for (const name of Object.keys((el as unknown as { attribs: Record<string, string> }).attribs)) expect(name).not.toMatch(/^on/);
      });
      expect($("figure").text()).toContain(HOSTILE);
    },
  );
});
