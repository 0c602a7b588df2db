import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { textWidth } from "../../src/lib/text-fit.ts";
import { GENERATED, SITE } from "../helpers/paths.ts";
import { loadPage } from "../helpers/site.ts";
import { fileOfUrl, sitePages } from "../helpers/site-pages.ts";

const districts = readFileSync(join(GENERATED, "districts.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((l) => {
    const [code, , nameKo, nameEn, slug] = l.split(",");
    return { code: code!, nameKo: nameKo!, nameEn: nameEn!, slug: slug! };
  });
const storyUrls = loadPage("/")(".story-list a")
  .map((_, a) => a.attribs.href)
  .get();

describe("district pages", () => {
  it("exist for all 25 districts, with both names and the key figures", () => {
    expect(districts).toHaveLength(25);
    for (const d of districts) {
      const $ = loadPage(`/districts/${d.slug}/`);
      expect($("h1").text()).toBe(`${d.nameEn} ${d.nameKo}`);
      expect(
        $(".key-figures dt")
          .map((_, el) => $(el).text())
          .get(),
      ).toEqual(["Population", "Korean nationals", "Area", "Density", "Codes", "Neighbours", "District office"]);
      expect($(".district-map--locator path.is-target")).toHaveLength(1);
    }
  });

  it("name as neighbours the districts that share a border, from the boundaries", () => {
    const $ = loadPage("/districts/gangbuk-gu/");
    const neighbours = $(".key-figures dt:contains('Neighbours') + dd a")
      .map((_, a) => [[$(a).text(), a.attribs.href]])
      .get();
    expect(neighbours).toEqual([
      ["Seongbuk-gu", "/districts/seongbuk-gu/"],
      ["Dobong-gu", "/districts/dobong-gu/"],
      ["Nowon-gu", "/districts/nowon-gu/"],
    ]);
  });

  it("list the figures of each story with links to them", () => {
    const $ = loadPage("/districts/gwanak-gu/");
    const links = $('section[aria-labelledby="stories"] .meta a')
      .map((_, a) => a.attribs.href)
      .get();
    expect(links).toContain("/stories/seoul-at-a-glance/#seoul-at-a-glance-1");
  });

  it("list what the datasets hold about the district, and its office address", () => {
    const $ = loadPage("/districts/gwanak-gu/");
    const rows = $(".district-rows li")
      .map((_, li) => $(li).text())
      .get();
    expect(rows).toContain("15 March 2023: Gwanak S-Valley Corporate Support Fund (provisional name): 6 billion KRW");
    // A milestone says what the sources allow of it: a plan is not a deed.
    expect(rows).toContain("October 2024: Seoul consents to the agency (done)");
    expect(rows).toContain(
      "October 2023: Gwanak S-Valley Startup Festival with Seoul National University, KT, KB Financial Group, Woori Financial Group and others (planned)",
    );
    // A target is named as one, with what it is measured against.
    expect(rows).toContain("Gwanak-gu (2030) (percentage reduction target; all sectors): -40\u00a0% against 2018");
    // A sector's share names its sector, and the doubt the facts raise about the printed shares goes with it.
    const share = (url: string) => {
      const $page = loadPage(url);
      return $page(".district-rows li")
        .map((_, li) => $page(li).text())
        .get();
    };
    expect(share("/districts/gangbuk-gu/")).toContain(
      "Gangbuk-gu (2012) (share of a sector: transport; all sectors): 65\u00a0% of the gu's emissions (the printed shares sum to more than 100\u00a0%)",
    );
    expect(share("/ko/districts/gangbuk-gu/")).toContain(
      "강북구 (2012년) (수송 부문 비중, 전 부문): 65%(자치구 배출량 대비) (표기된 비중을 더하면 100%를 넘는다)",
    );
    // In Korean, an amount in a scaled unit is written as Korean news writes it.
    const $ko = loadPage("/ko/districts/gwanak-gu/");
    const rowsKo = $ko(".district-rows li")
      .map((_, li) => $ko(li).text())
      .get();
    expect(rowsKo).toContain("2023년 3월 15일: ‘(가칭)관악S밸리 기업 지원 펀드’: 60억 원");
    expect($(".key-figures").text()).toContain("서울 관악구 관악로 145");
    // A district no dataset names beyond its boundary says so.
    expect(loadPage("/districts/yongsan-gu/")('section[aria-labelledby="data"]').text()).toContain(
      "No dataset of the atlas has rows about Yongsan-gu",
    );
  });

  it("show the 2015 census population, and the change from 2010 among Korean nationals (the 2010 basis)", () => {
    const census = new Map(
      readFileSync(join(GENERATED, "census-2015-gu.csv"), "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((l) => l.split(","))
        .map((c) => [c[0]!, { total: Number(c[3]), koreans: Number(c[4]) }]),
    );
    expect(census.size).toBe(25);
    const $ = loadPage("/districts/gwanak-gu/");
    const values = $(".key-figures dd .value")
      .map((_, el) => $(el).text())
      .get();
    expect(values.slice(0, 2)).toEqual([
      census.get("11210")!.total.toLocaleString("en-GB"),
      census.get("11210")!.koreans.toLocaleString("en-GB"),
    ]);
    // 495,600 Korean nationals in 2015 against 511,185 in 2010: 15,585 fewer, 3.0 %.
    expect($(".key-figures").text()).toContain(
      "−15,585 (−3.0\u00a0%) since the 2010 census (511,185; the 2010 table we hold counts Korean nationals only)",
    );
    expect($(".census-note").text()).toContain("repackaged by a third party");
    expect($(".census-note").text()).toContain("9,904,312");
    expect($('.census-note a[href="/data/census-2015-gu/"]')).toHaveLength(1);
  });

  it("link back to the stories that concern the district", () => {
    for (const d of districts) {
      const $ = loadPage(`/districts/${d.slug}/`);
      expect($('section[aria-labelledby="stories"] a[href="/stories/seoul-at-a-glance/"]').length, d.slug).toBe(1);
    }
  });

  it("map their dong, labelled in both languages, with a table of them and the places of the datasets inside", () => {
    const dong = readFileSync(join(GENERATED, "dong.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    for (const d of districts) {
      const $ = loadPage(`/districts/${d.slug}/`);
      const mine = dong.filter((r) => r[3] === d.code);
      const figure = $(`#district-${d.slug}-dong`);
      expect(figure.find(".figure__title").text(), d.slug).toBe(`The ${mine.length} dong of ${d.nameEn}`);
      expect(figure.find("path.mark.area")).toHaveLength(mine.length);
      // Every dong in the table, each row an anchor for links to it (#dong-<code>).
      expect(
        figure
          .find("tbody tr")
          .map((_, tr) => $(tr).attr("id"))
          .get()
          .sort(),
        d.slug,
      ).toEqual(mine.map((r) => `dong-${r[0]}`).sort());
      // Labels in English and Korean: the Korean names are the data's.
      const ko = figure
        .find(".map-labels .label-ko")
        .map((_, t) => $(t).text())
        .get();
      expect(ko.length, d.slug).toBeGreaterThan(0);
      for (const k of ko) expect(mine.map((r) => r[1])).toContain(k);
      // The gu office lies in its own district.
      expect(figure.find('.overlay[data-layer="district-offices"] .mark'), d.slug).toHaveLength(1);
      expect(figure.find(".figure__embed"), "no embed code: the map has no embed page").toHaveLength(0);
      // The interactive map draws the same places: each layer's keys are the static map's points.
      const config = JSON.parse(readFileSync(join(SITE, "maps", `district-${d.slug}-dong.json`), "utf8")) as {
        overlays?: { data: string; keys: string[] }[];
      };
      const layers = figure
        .find(".overlay")
        .map((_, g) => ({
          data: `/data/${$(g).attr("data-layer")}.geojson`,
          keys: $(g)
            .find(".mark")
            .map((_, m) => String($(m).attr("data-key")).replace(/^[^:]+:/, ""))
            .get(),
        }))
        .get();
      expect(
        config.overlays?.map((o) => ({ data: o.data, keys: o.keys })),
        d.slug,
      ).toEqual(layers);
    }
    // S-Valley's placed sites are on Gwanak's map, and not on Geumcheon's.
    expect(loadPage("/districts/gwanak-gu/")('.overlay[data-layer="s-valley-sites"] .mark')).toHaveLength(5);
    expect(loadPage("/districts/geumcheon-gu/")('.overlay[data-layer="s-valley-sites"]')).toHaveLength(0);
  });

  it("are listed on /districts/ with links", () => {
    const $ = loadPage("/districts/");
    expect($("tbody tr")).toHaveLength(25);
    expect($('tbody a[href="/districts/gwanak-gu/"]').text()).toBe("Gwanak-gu");
  });
});

describe("home page", () => {
  it("lists the stories, newest first", () => {
    expect(storyUrls).toContain("/stories/seoul-at-a-glance/");
  });

  it("has an overview map whose Gwanak-gu feature links to /districts/gwanak-gu/", () => {
    const $ = loadPage("/");
    const links = $(".district-map--overview a.district-link");
    expect(links).toHaveLength(25);
    const gwanak = $('.district-map--overview a[href="/districts/gwanak-gu/"]');
    expect(gwanak.attr("aria-label")).toBe("Gwanak-gu (관악구)");
    expect(gwanak.find("path").attr("d")).toMatch(/^M\d+ \d+l/);
  });

  it("names all 25 districts on the overview map, no two names running into each other", () => {
    for (const url of ["/", "/ko/"]) {
      const $ = loadPage(url);
      const boxes = $(".district-map--overview .district-map__labels text")
        .map((_, t) => {
          const w = textWidth($(t).text(), 11);
          const [x, y] = [Number($(t).attr("x")), Number($(t).attr("y"))];
          return { text: $(t).text(), x0: x - w / 2, x1: x + w / 2, y0: y - 6.6, y1: y + 6.6 };
        })
        .get();
      expect(boxes, url).toHaveLength(25);
      const touching = boxes.flatMap((a, i) =>
        boxes
          .slice(i + 1)
          .filter((b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1)
          .map((b) => `${a.text} / ${b.text}`),
      );
      expect(touching, url).toEqual([]);
    }
  });
});

describe("map labels", () => {
  it("name every district on Seoul's density map, crowded ones too (Yangcheon-gu between Gangseo and Yeongdeungpo)", () => {
    // The embed page shows the scrolly's stills: each step's map names all 25.
    for (const url of ["/embed/seoul-at-a-glance-1/", "/ko/embed/seoul-at-a-glance-1/"]) {
      const $ = loadPage(url);
      const maps = $(".scrolly__snapshot svg.chart--map");
      expect(maps.length, url).toBe(3);
      maps.each((_, svg) => {
        expect($(svg).find(".map-labels text").length, url).toBe(25);
      });
    }
    expect(loadPage("/embed/seoul-at-a-glance-1/")(".map-labels").first().text()).toContain("Yangcheon");
  });

  it("give a legend's unit inside the field's own parentheses, never as a second pair", () => {
    const titles = sitePages()
      .filter((url) => url.startsWith("/ko/") || url.startsWith("/stories/") || url.startsWith("/embed/"))
      .flatMap((url) => {
        const $ = loadPage(url);
        return $(".legend__title")
          .map((_, t) => `${url}: ${$(t).text()}`)
          .get();
      });
    expect(titles.length).toBeGreaterThan(10);
    expect(titles.filter((t) => /\)\s*\(/.test(t))).toEqual([]);
    expect(titles).toContain("/ko/stories/seoul-at-a-glance/: 내국인 인구(2010년 인구주택총조사, 명)");
  });
});

describe("feed, sitemap and site furniture", () => {
  it("publishes a well-formed Atom feed with every story", () => {
    const xml = readFileSync(join(SITE, "feed.xml"), "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    const entries = [feed.entry].flat();
    expect(entries.map((e: { link: { "@_href": string } }) => new URL(e.link["@_href"]).pathname).sort()).toEqual([...storyUrls].sort());
    for (const e of entries) {
      expect(e.title).toBeTruthy();
      expect(e.id).toMatch(/^https?:\/\//);
      expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });

  it("lists stories and district pages in sitemap.xml, and not the 404 page", () => {
    const xml = readFileSync(join(SITE, "sitemap.xml"), "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    const locs = [new XMLParser().parse(xml).urlset.url].flat().map((u: { loc: string }) => new URL(u.loc).pathname);
    for (const u of storyUrls) expect(locs).toContain(u);
    for (const d of districts) expect(locs).toContain(`/districts/${d.slug}/`);
    expect(locs).not.toContain("/404.html");
  });

  it("points crawlers to the sitemap in robots.txt, keeping none out (the pages not to list say noindex themselves)", () => {
    const robots = readFileSync(join(SITE, "robots.txt"), "utf8");
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(sitemap && new URL(sitemap).pathname).toBe("/sitemap.xml");
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \S/m);
    expect(loadPage("/build-report.html")('meta[name="robots"]').attr("content")).toBe("noindex");
    expect(loadPage("/ko/embed/gwanak-firms-reported/")('meta[name="robots"]').attr("content")).toBe("noindex");
    expect(loadPage("/ko/embed/gwanak-firms-reported/")(".embed-credit a").last().attr("href")).toBe(
      "/ko/stories/gwanak-s-valley/#gwanak-firms-reported",
    );
  });

  it("indexes for search every page marked searchable, and no other", () => {
    const searchable = sitePages().filter((url) => readFileSync(fileOfUrl(url), "utf8").includes('<main id="main" data-pagefind-body'));
    expect(searchable).toContain("/stories/gwanak-s-valley/");
    expect(searchable.some((url) => url.startsWith("/embed/"))).toBe(false);
    const entry = JSON.parse(readFileSync(join(SITE, "pagefind", "pagefind-entry.json"), "utf8"));
    // One index per edition (Pagefind reads each page's <html lang>).
    expect(entry.languages.en.page_count).toBe(searchable.filter((url) => !url.startsWith("/ko/")).length);
    expect(entry.languages.ko.page_count).toBe(searchable.filter((url) => url.startsWith("/ko/")).length);
  });

  it("indexes a story's prose and its figures' titles, not their graphics, tables of numbers or embed codes", () => {
    // Pagefind's fragments: gzip, a 12-byte signature, then the page's indexed text as JSON.
    const dir = join(SITE, "pagefind", "fragment");
    const fragments = readdirSync(dir).map(
      (f) =>
        JSON.parse(
          gunzipSync(readFileSync(join(dir, f)))
            .subarray(12)
            .toString("utf8"),
        ) as { url: string; content: string },
    );
    const story = fragments.find((f) => f.url === "/stories/gwanak-s-valley/");
    expect(story).toBeDefined();
    const $ = loadPage("/stories/gwanak-s-valley/");
    const figure = $("figure.figure").first();
    expect(story!.content).toContain(figure.find(".figure__title").text().trim());
    // Cells of the story's tables that the page shows nowhere else: none is in the indexed text.
    const cells = $("main .figure__table td, main .figure__table tbody th")
      .map((_, el) => $(el).text().trim())
      .get()
      .filter((t) => t.length > 3);
    const main = $("main").clone();
    main.find(".figure__table").remove();
    const elsewhere = main.text();
    const tableOnly = cells.filter((t) => !elsewhere.includes(t));
    expect(tableOnly.length).toBeGreaterThan(3);
    expect(tableOnly.filter((t) => story!.content.includes(t))).toEqual([]);
    for (const f of fragments) expect(f.content, f.url).not.toContain("<iframe");
  });

  it("has a 404 page, an about page naming every source, and a corrections page", () => {
    expect(existsSync(join(SITE, "404.html"))).toBe(true);
    const sources = JSON.parse(readFileSync(join(GENERATED, "sources.json"), "utf8")) as { id: string; url?: string }[];
    const $ = loadPage("/about/");
    for (const s of sources) {
      // A source without a public address (a third-party code file) is named without a link.
      if (s.url) expect($(`#source-${s.id} a`).attr("href")).toBe(s.url);
      else expect($(`#source-${s.id} a`)).toHaveLength(0);
    }
    expect(loadPage("/corrections/")("h1").text()).toBe("Corrections and data revisions");
  });
});
