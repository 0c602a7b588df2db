/**
 * The corrections log is public: /corrections/ lists every entry of data/corrections.yaml with
 * what was wrong and what the page says now, and each corrected story links, at its foot, to
 * each of its entries.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCorrections } from "../../src/_data/corrections.ts";
import { ROOT } from "../helpers/paths.ts";
import { loadPage } from "../helpers/site.ts";

const entries = parseCorrections(readFileSync(join(ROOT, "data/corrections.yaml"), "utf8"));

describe("corrections", () => {
  it("are on /corrections/, each with its date, page, what was wrong and what it says now", () => {
    expect(entries.length).toBeGreaterThan(0);
    const $ = loadPage("/corrections/");
    for (const c of entries) {
      const item = $(`li[id="${c.id}"]`);
      expect(item, c.id).toHaveLength(1);
      expect(item.find("time").attr("datetime")).toBe(c.date);
      const text = item.text().replace(/\s+/g, " ");
      expect(text).toContain(c.wrong.replace(/\s+/g, " "));
      expect(text).toContain(c.now.replace(/\s+/g, " "));
      // An error in the Korean text links to the Korean page, where the reader would have seen it.
      const page = c.page && c.edition === "ko" ? `/ko${c.page}` : c.page;
      if (page) expect(item.find(`a[href="${page}"]`), c.id).toHaveLength(1);
    }
  });

  it("name a corrected story by its headline in the reader's edition, linking the edition where the error was", () => {
    for (const lang of ["en", "ko"] as const) {
      const $ = loadPage(lang === "ko" ? "/ko/corrections/" : "/corrections/");
      const links = $(".corrections .meta a[href*='/stories/']");
      expect(links.length, lang).toBeGreaterThan(0);
      links.each((_, a) => {
        const href = a.attribs.href!;
        const other = href.startsWith("/ko/") !== (lang === "ko");
        const own = lang === "ko" ? `/ko${href.replace(/^\/ko/, "")}` : href.replace(/^\/ko/, "");
        expect($(a).text(), href).toBe(loadPage(own)("h1").text());
        expect(a.attribs.hreflang, href).toBe(other ? (href.startsWith("/ko/") ? "ko" : "en") : undefined);
      });
    }
    // The English log names an error of the Korean edition by the English headline (no Hangul font needed).
    expect(loadPage("/corrections/")(".corrections .meta a[hreflang='ko']").length).toBeGreaterThan(0);
  });

  const stories = [...new Set(entries.map((c) => c.page).filter((p): p is string => !!p?.startsWith("/stories/")))];

  it.each(stories)("%s links to each of its corrections", (url) => {
    const $ = loadPage(url);
    const links = $(".story-corrections a")
      .map((_, a) => a.attribs.href)
      .get();
    expect(links.sort()).toEqual(
      entries
        // The English page: the entries of both editions and of the English one (edition: ko is the Korean page's).
        .filter((c) => c.page === url && c.edition !== "ko")
        .map((c) => `/corrections/#${c.id}`)
        .sort(),
    );
    expect($(".story-corrections").text()).toContain("Corrected on 2 December 2026");
  });

  it("a story without corrections has no corrections box", () => {
    const corrected = new Set(stories);
    const $ = loadPage("/");
    const uncorrected = $(".story-list a")
      .map((_, a) => a.attribs.href)
      .get()
      .filter((u) => u.startsWith("/stories/") && !corrected.has(u));
    for (const url of uncorrected) expect(loadPage(url)(".story-corrections")).toHaveLength(0);
  });
});
