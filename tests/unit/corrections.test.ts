import { describe, expect, it } from "vitest";
import { ProblemError } from "../../scripts/lib/problems.ts";
import { parseCorrections } from "../../src/_data/corrections.ts";

describe("data/corrections.yaml", () => {
  it("lists entries newest first", () => {
    const list = parseCorrections(`
- date: 2026-01-02
  type: revision
  dataset: districts
  summary: Areas recomputed.
- date: 2026-03-04
  type: correction
  page: /stories/seoul-at-a-glance/
  summary: A figure was misquoted.
`);
    expect(list.map((c) => c.date)).toEqual(["2026-03-04", "2026-01-02"]);
  });

  it("accepts only paths on this site for `page`", () => {
    expect(() => parseCorrections("- date: 2026-01-02\n  type: correction\n  page: //evil.example/\n  summary: x\n")).toThrow(
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
          "- date: 2026-01-02\n  type: revision\n  summary: ok\n  dataset: x\n- date: soon\n  type: fix\n  summary: bad\n  page: /a/\n",
        );
      } catch (e) {
        return e as ProblemError;
      }
    })();
    expect(error).toBeInstanceOf(ProblemError);
    expect(error!.message).toContain("data/corrections.yaml:5:date");
    expect(error!.message).toContain("data/corrections.yaml:5:type");
  });
});
