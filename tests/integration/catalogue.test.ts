/** The data catalogue a reader browses: /data/ and /data/<name>/, with revision logs from git. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../../src/lib/manifest.ts";
import { ROOT, SITE } from "../helpers/paths.ts";
import { loadPage } from "../helpers/site.ts";

const manifest = JSON.parse(readFileSync(join(SITE, "data", "manifest.json"), "utf8")) as Manifest;
const names = Object.keys(manifest.datasets).sort();

describe("/data/", () => {
  it("lists every dataset with its rows, sources, licence, downloads and uses", () => {
    const $ = loadPage("/data/");
    expect(
      $(".catalogue > li")
        .map((_, li) => li.attribs.id)
        .get(),
    ).toEqual(names);
    const census = $("#census-2015-gu");
    expect(census.find("h3 a").attr("href")).toBe("/data/census-2015-gu/");
    expect(census.text()).toContain("25 rows");
    expect(census.text()).toContain("1 November 2015");
    expect(census.find('a[href="/about/#source-kormaps2014-korpop2"]')).toHaveLength(1);
    expect(census.find('a[href="/data/census-2015-gu.csv"]')).toHaveLength(1);
    expect(census.find('a[href="/stories/seoul-at-a-glance/"]')).toHaveLength(1);
    expect($("#ghg-seoul").text()).toMatch(/Period\s*1990 – 2021/);
    expect($('a[href="/data/datapackage.json"]')).toHaveLength(1);
  });

  it("marks the English style guide's titles as English on the Korean catalogue", () => {
    const $ = loadPage("/ko/data/");
    const guide = $('.catalogue a[href^="/styleguide/"]');
    expect(guide.length).toBeGreaterThan(0);
    guide.each((_, a) => expect(a.attribs.lang, a.attribs.href).toBe("en"));
    $('.catalogue a[href^="/ko/stories/"]').each((_, a) => expect(a.attribs.lang, a.attribs.href).toBeUndefined());
  });
});

describe("/data/<name>/", () => {
  it("has a page per dataset with its fields, first rows and revision log", () => {
    for (const name of names) {
      const $ = loadPage(`/data/${name}/`);
      expect($("h1").text(), name).toBe(manifest.datasets[name]!.title);
      expect($("#fields + .table-wrap tbody tr"), name).toHaveLength(manifest.datasets[name]!.fields.length);
      expect($("#revisions").length, name).toBe(1);
    }
    const $ = loadPage("/data/census-2015-gu/");
    const total = $("#fields + .table-wrap tbody tr").filter((_, tr) => $(tr).find("code").text() === "total");
    expect(total.text()).toContain("whole number");
    expect(total.text()).toContain("people");
    expect($("table.preview tbody tr")).toHaveLength(10);
    expect($("table.preview tbody tr").first().text()).toContain("Jongno-gu");
  });

  it("lists its sources in full, each with its publisher, linked title and date, in both editions", () => {
    const sources = JSON.parse(readFileSync(join(SITE, "data", "sources.json"), "utf8")) as {
      id: string;
      publisher: string;
      publisher_ko?: string;
      url: string;
    }[];
    for (const name of names) {
      const $ = loadPage(`/data/${name}/`);
      const listed = $("#sources + ol.sources > li")
        .map((_, li) => li.attribs.id)
        .get();
      expect(listed, name).toEqual(manifest.datasets[name]!.sources.map((s) => `source-${s}`));
      expect($('.catalogue-facts a[href="#sources"]').text(), name).toMatch(/^\d+ sources?, listed below$/);
    }
    const $ = loadPage("/ko/data/ghg-sectors/");
    const fnnews = sources.find((s) => s.id === "fnnews-2022-05-10")!;
    const item = $("#source-fnnews-2022-05-10");
    expect(item.find("strong").text()).toBe(fnnews.publisher_ko ?? fnnews.publisher);
    expect(item.find("a").attr("href")).toBe(fnnews.url);
    expect(item.text()).toContain("2022년 5월 10일");
    expect($('.catalogue-facts a[href="#sources"]').text()).toBe("11건(아래 목록)");
  });

  it("names each figure that uses it as the linked page shows it, in the Korean edition too", () => {
    const uses = (url: string) =>
      loadPage(url)("#used-by + ul a")
        .map((_, a) => ({ href: a.attribs.href!, text: loadPage(url)(a).text(), lang: a.attribs.lang }))
        .get();
    const ko = uses("/ko/data/s-valley-sites/");
    // The Korean story shows the figure under its Korean title: no English on the Korean page.
    expect(ko).toContainEqual({ href: "/ko/stories/gwanak-s-valley/#gwanak-startup-sites", text: "관악S밸리 창업시설", lang: undefined });
    // The style guide is English only: its figures keep their English titles, marked as English, as is the page's name.
    const guide = ko.filter((u) => u.href.startsWith("/styleguide/"));
    expect(guide.length).toBeGreaterThan(0);
    for (const u of guide) expect(u.lang).toBe("en");
    expect(loadPage("/ko/data/s-valley-sites/")("#used-by + ul span[lang=en]").first().text()).toMatch(/^Figures/);
    expect(uses("/data/s-valley-sites/")).toContainEqual({
      href: "/stories/gwanak-s-valley/#gwanak-startup-sites",
      text: "Gwanak S-Valley's startup facilities",
      lang: undefined,
    });
  });

  it("describes in Korean, on a Korean page, how the atlas made a field and under which licences the data is", () => {
    for (const name of ["dong", "districts", "s-valley-sites"]) {
      const $ = loadPage(`/ko/data/${name}/`);
      const fields = $("#fields + .table-wrap td").text();
      expect(fields, name).toContain("아틀라스가 만든 값: ");
      // No English note after the Korean label (a-z words: the notes may name columns and tools, not English prose).
      expect(fields, name).not.toMatch(/아틀라스가 만든 값: [a-z ]*\b(of|the|from|join|digits|area|pole)\b/);
      const licences = $("dt")
        .filter((_, dt) => $(dt).text() === "라이선스")
        .next("dd");
      expect(licences.text(), name).toContain("라이선스");
      expect(licences.text(), name).not.toMatch(/License|Creative Commons/);
      expect(licences.find("[lang=en]"), name).toHaveLength(0);
    }
    expect(loadPage("/ko/data/dong/")("#fields + .table-wrap").text()).toContain("아틀라스가 만든 값: 행정동 코드의 앞 다섯 자리");
    // The English page keeps the English notes, and the published package keeps Frictionless's licence keys only.
    expect(loadPage("/data/dong/")("#fields + .table-wrap").text()).toContain("made by the atlas: first five digits of the dong code");
    const pkg = JSON.parse(readFileSync(join(SITE, "data", "datapackage.json"), "utf8")) as { resources: { licenses: object[] }[] };
    for (const r of pkg.resources) for (const l of r.licenses) expect(Object.keys(l).sort()).toEqual(["name", "path", "title"]);
  });

  it("shows the commits that changed the dataset's file, or says there is no history", () => {
    const commits = (() => {
      try {
        return execFileSync("git", ["log", "--format=%h", "--", "data/tables/policy-milestones.csv"], { cwd: ROOT, encoding: "utf8" })
          .trim()
          .split("\n")
          .filter(Boolean);
      } catch {
        return [];
      }
    })();
    const $ = loadPage("/data/policy-milestones/");
    if (!commits.length) {
      expect($("#revisions ~ p.note").first().text()).toMatch(/no version history|not been committed/);
      return;
    }
    const shown = $("li.revision code")
      .map((_, c) => $(c).text())
      .get();
    for (const c of commits.slice(0, 3)) expect(shown.some((s) => c.startsWith(s) || s.startsWith(c))).toBe(true);
  });

  it("says why a dataset made from the fetched boundary files has no history, not that its file is uncommitted", () => {
    for (const [url, words] of [
      ["/data/dong/", "npm run data:fetch"],
      ["/ko/data/dong/", "npm run data:fetch로 내려받는데"],
    ] as const) {
      const note = loadPage(url)("#revisions ~ p.note").first().text();
      expect(note, url).toContain(words);
      expect(note, url).not.toMatch(/not been committed|커밋되지 않아/);
    }
  });
});
