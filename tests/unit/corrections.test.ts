import { describe, expect, it } from "vitest";
import { ProblemError } from "../../scripts/lib/problems.ts";
import { correctionsOf, parseCorrections } from "../../src/_data/corrections.ts";
import { render as correctionsPage } from "../../src/corrections.11ty.ts";

describe("data/corrections.yaml", () => {
  it("lists entries newest first", () => {
    const list = parseCorrections(`
- date: 2026-01-02
  type: revision
  dataset: districts
  wrong: Areas were computed from unsimplified shapes.
  now: Areas come from the simplified boundaries.
- date: 2026-03-04
  type: correction
  page: /stories/seoul-at-a-glance/
  wrong: A figure was misquoted.
  now: The figure as the source gives it.
`);
    expect(list.map((c) => c.date)).toEqual(["2026-03-04", "2026-01-02"]);
  });

  it("gives each entry an anchor from its date and its place among that day's entries", () => {
    const list = parseCorrections(
      "- date: 2026-03-04\n  type: correction\n  page: /a/\n  wrong: w\n  now: n\n- date: 2026-03-04\n  type: correction\n  page: /b/\n  wrong: w\n  now: n\n",
    );
    expect(list.map((c) => c.id)).toEqual(["2026-03-04-1", "2026-03-04-2"]);
  });

  it("needs what was wrong and what the page says now", () => {
    expect(() => parseCorrections("- date: 2026-01-02\n  type: correction\n  page: /a/\n  now: y\n")).toThrow(/corrections.yaml:1:wrong/);
    expect(() => parseCorrections("- date: 2026-01-02\n  type: correction\n  page: /a/\n  wrong: x\n")).toThrow(/corrections.yaml:1:now/);
  });

  it("accepts only paths on this site for `page`", () => {
    expect(() => parseCorrections("- date: 2026-01-02\n  type: correction\n  page: //evil.example/\n  wrong: x\n  now: y\n")).toThrow(
      /corrections.yaml:1:page/,
    );
  });

  it("accepts an empty list", () => {
    expect(parseCorrections("[]\n")).toEqual([]);
  });

  it("names the file, line and field of a bad entry", () => {
    const error = (() => {
      try {
        parseCorrections(
          "- date: 2026-01-02\n  type: revision\n  wrong: ok\n  now: ok\n  dataset: x\n- date: soon\n  type: fix\n  wrong: bad\n  now: bad\n  page: /a/\n",
        );
      } catch (e) {
        return e as ProblemError;
      }
    })();
    expect(error).toBeInstanceOf(ProblemError);
    expect(error!.message).toContain("data/corrections.yaml:6:date");
    expect(error!.message).toContain("data/corrections.yaml:6:type");
  });

  it("puts an entry about one edition's text at the foot of that edition's page only, and in both logs, marked", () => {
    const list = parseCorrections(`
- date: 2026-03-04
  type: correction
  edition: en
  page: /stories/x/
  wrong: The English story said more than its source.
  now: It says what the source says.
  wrong_ko: 영문 기사는 출처보다 많이 말했다.
  now_ko: 출처대로 쓴다.
- date: 2026-03-04
  type: correction
  edition: ko
  page: /stories/x/
  wrong: The Korean story dropped an "about".
  now: It says about.
- date: 2026-03-04
  type: correction
  page: /stories/x/
  wrong: Both editions misnamed a district.
  now: Both name it as the source does.
`);
    const wrongOf = (lang: "en" | "ko") => correctionsOf(list, "/stories/x/", lang).map((c) => c.wrong.split(" ")[1]);
    expect(wrongOf("en")).toEqual(["English", "editions"]);
    expect(wrongOf("ko")).toEqual(["Korean", "editions"]);
    const en = correctionsPage({ corrections: list, title: "t", dek: "d", lang: "en" });
    expect(en.match(/<li id=/g)).toHaveLength(3);
    expect(en).toContain("Correction · English edition ·");
    expect(en).toContain("Correction · Korean edition ·");
    // Each links to the page of the edition whose text was wrong.
    expect(en).toMatch(/Korean edition · <a href="\/ko\/stories\/x\/">/);
    const ko = correctionsPage({ corrections: list, title: "t", dek: "d", lang: "ko" });
    expect(ko).toContain("정정 · 영문판 ·");
    expect(ko).toContain("영문 기사는 출처보다 많이 말했다.");
  });

  it("refuses an edition the site does not have, at its line", () => {
    expect(() => parseCorrections("- date: 2026-01-02\n  type: correction\n  edition: fr\n  page: /a/\n  wrong: x\n  now: y\n")).toThrow(
      /corrections.yaml:1:edition/,
    );
  });
});
