/**
 * The home page lists the newest stories, not the whole archive: a newsroom's thousands of
 * stories would make it unreadable and put it over the page budget. The older ones are
 * counted, with the way to find them, in each edition's language.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatasetStore } from "../../src/figures/datasets.ts";
import { HOME_STORIES, render } from "../../src/index.11ty.ts";
import type { Lang } from "../../src/lib/i18n/index.ts";
import { buildAssets } from "../../src/site/build-assets.ts";
import type { PageData } from "../../src/site/types.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const store = new DatasetStore(join(ROOT, "generated"));
const ASSETS = join(ROOT, "tests", ".tmp", `home-assets-${process.pid}`);

function story(n: number, lang: Lang) {
  const date = new Date(Date.UTC(2020, 0, 1) + n * 86_400_000);
  return { url: `${lang === "ko" ? "/ko" : ""}/stories/s-${n}/`, date, data: { title: `Story ${n}`, dek: `Dek ${n}`, lang } };
}

function home(count: number, lang: Lang): cheerio.CheerioAPI {
  const stories = Array.from({ length: count }, (_, i) => story(i, lang));
  const data = { lang, collections: { all: [], story: stories }, datasets: store } as unknown as PageData & { datasets: DatasetStore };
  return cheerio.load(render(data));
}

beforeAll(async () => {
  // The overview map's script names come from the built assets.
  await buildAssets({ root: ROOT, outDir: ASSETS });
}, 120_000);
afterAll(() => rmSync(ASSETS, { recursive: true, force: true }));

describe("the home page", () => {
  it("lists every story of a small site, newest first, and says nothing of older ones", () => {
    const $ = home(5, "en");
    expect(
      $(".story-list li h3")
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(["Story 4", "Story 3", "Story 2", "Story 1", "Story 0"]);
    expect($(".older")).toHaveLength(0);
  });

  it(`lists the newest ${HOME_STORIES} of a large archive and counts the rest, with a link to the search`, () => {
    const $ = home(1234, "en");
    expect($(".story-list li")).toHaveLength(HOME_STORIES);
    expect($(".story-list li h3").first().text()).toBe("Story 1233");
    expect($(".older").text()).toContain(`${(1234 - HOME_STORIES).toLocaleString("en")} older stories`);
    expect($(".older a").attr("href")).toBe("/search/");
  });

  it("says so in Korean on the Korean home page, linking to the Korean search", () => {
    const $ = home(1234, "ko");
    expect($(".older").text()).toContain(`이전 기사 ${(1234 - HOME_STORIES).toLocaleString("ko")}건`);
    expect($(".older a").attr("href")).toBe("/ko/search/");
  });
});
