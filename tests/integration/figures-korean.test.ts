/**
 * Figures on built Korean pages: a Korean page whose fences `use:` an English story's
 * figures (a fixture site, built by Eleventy with the site's plugin; a plain page under ko/,
 * as the site's guards take Korean story pages only once the Korean edition's layouts exist),
 * and the real build's /ko/embed/ pages and /ko/maps/ files.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";
import { SITE } from "../helpers/paths.ts";
import { loadPage } from "../helpers/site.ts";

const ENGLISH = `---
title: Residents
date: 2024-01-01
---

Text.

\`\`\`figure
id: intl-residents
kind: bar
dataset: areas
value: value
highlight: [area-5]
title: Residents by area
title_ko: 지역별 주민
\`\`\`

\`\`\`figure
id: intl-steps
kind: timeline
dataset: milestones
date: date
status: status
title: The plan, step by step
\`\`\`
`;

const KOREAN = `---
title: 주민
lang: ko
layout: layouts/page.11ty.ts
---

본문.

\`\`\`figure
use: intl-residents
\`\`\`

\`\`\`figure
use: intl-steps
\`\`\`
`;

let built: FixtureSite;
beforeAll(async () => {
  built = await buildFixtureSite({ "stories/intl.md": ENGLISH, "ko/figures-test.md": KOREAN });
});
afterAll(() => built?.remove());
const page = (url: string) => cheerio.load(readFileSync(join(built.site, url, "index.html"), "utf8"));

describe("a built Korean story page", () => {
  it("shows the English story's figure in Korean, under the same id: title, legend and table", () => {
    const $ = page("ko/figures-test");
    const figure = $("figure#intl-residents");
    expect(figure.find(".figure__title").text()).toBe("지역별 주민");
    expect(figure.find(".legend").text()).toContain("그 밖의 항목");
    expect(figure.find(".legend").text()).toContain("에코구");
    expect(
      figure
        .find("thead th")
        .map((_, th) => $(th).text())
        .get(),
    ).toEqual(["지역", "주민 (명)"]);
    expect(figure.find(".figure__table summary").text()).toBe("데이터 표 (6행)");
    expect(figure.find(".embed-code").text()).toContain('src="/ko/embed/intl-residents/"');
  });

  it("shows a title the spec lacks in Korean in English, marked lang=en, with Korean dates around it", () => {
    const $ = page("ko/figures-test");
    const figure = $("figure#intl-steps");
    expect(figure.find(".figure__title [lang=en]").text()).toBe("The plan, step by step");
    expect(figure.find(".milestone-date").first().text()).toBe("2023년 3월 15일");
  });

  it("leaves the English page in English", () => {
    const $ = page("stories/intl");
    expect($("figure#intl-residents .figure__title").text()).toBe("Residents by area");
    expect($("figure#intl-residents .embed-code").text()).toContain('src="/embed/intl-residents/"');
  });

  it("gives every figure a Korean embed page with lang=ko", () => {
    const $ = page("ko/embed/intl-residents");
    expect($("html").attr("lang")).toBe("ko");
    expect($("h1.figure__title").text()).toBe("지역별 주민");
    expect(page("embed/intl-residents")("h1.figure__title").text()).toBe("Residents by area");
  });
});

describe("the real build's Korean figures", () => {
  it("shows a Korean story's figures in Korean, under the English ids: title, legend and table", () => {
    const $ = loadPage("/ko/stories/gwangjin-carbon-neutral-2050/");
    const figure = $("figure#gwangjin-seoul-emissions");
    expect(figure.find(".figure__title").text()).toBe("서울시 온실가스 배출량과 감축 목표");
    expect(figure.find(".legend").text()).toContain("인벤토리");
    expect(figure.find(".legend").text()).toContain("목표");
    expect(
      figure
        .find("thead th")
        .map((_, th) => $(th).text())
        .get(),
    ).toEqual(["연도", "계열", "배출량 (천 t CO₂eq)"]);
    // A value in a scaled unit reads as Korean news writes it, in the description and the tooltips.
    expect(figure.find(".visually-hidden").text()).toContain("2005년 4,944만 5,000t CO₂eq");
    expect(figure.find("[data-value]").first().attr("data-value")).toBe("4,944만 5,000t CO₂eq");
    expect(figure.html()).not.toContain("49,445천");
    expect(figure.find("[lang=en]")).toHaveLength(0);
    expect(figure.find(".embed-code").text()).toContain('src="/ko/embed/gwangjin-seoul-emissions/"');
  });

  it("draws a Korean district page's dong map in Korean, with its own map file", () => {
    const $ = loadPage("/ko/districts/gwanak-gu/");
    const figure = $("figure#district-gwanak-gu-dong");
    expect(figure.find(".figure__title").text()).toBe("관악구의 행정동 21곳");
    expect(figure.find("[lang=en]")).toHaveLength(0);
    expect(figure.find(".figure__graphic").attr("data-map")).toBe("/ko/maps/district-gwanak-gu-dong.json");
    expect(existsSync(join(SITE, "ko", "maps", "district-gwanak-gu-dong.json"))).toBe(true);
  });

  it("has a Korean embed page for each story figure, in Korean", () => {
    const $ = loadPage("/ko/embed/gwangjin-seoul-emissions/");
    expect($("html").attr("lang")).toBe("ko");
    expect($("h1.figure__title").text()).toBe("서울시 온실가스 배출량과 감축 목표");
    expect($(".legend").text()).toContain("목표");
    expect($(".figure__downloads .label").text()).toBe("데이터 받기:");
  });

  it("writes each Korean map's configuration to /ko/maps/, with Korean tooltips and labels", () => {
    const $ = loadPage("/ko/embed/gwanak-startup-sites/");
    const url = $(".figure__graphic").attr("data-map");
    expect(url).toBe("/ko/maps/gwanak-startup-sites.json");
    const config = JSON.parse(readFileSync(join(SITE, url!), "utf8")) as { lang?: string; order: { name: string }[] };
    expect(config.lang).toBe("ko");
    expect(config.order.map((o) => o.name).join(" ")).toMatch(/[가-힣]/u);
    expect(existsSync(join(SITE, "maps", "gwanak-startup-sites.json"))).toBe(true);
  });
});
