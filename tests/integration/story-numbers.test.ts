/**
 * Honest data, checked: every number a story's text gives (headline, dek and body, outside
 * its figure blocks) must stand in a generated dataset or in the bibliography. A number
 * typed from memory, rounded by hand or invented fails here with the story and line.
 *
 * Korean stories (src/ko/stories/) write numbers as Korean newsrooms do — "1,400억 원",
 * "1천400억원", "3,100명", "40%" — so they are read with the Korean number reader, and a
 * value counts as known when the data holds it either as written or in the unit of its
 * field or row ("140" in billion KRW is 1,400억 원). A number the reader cannot read for
 * certain ("14,00억") fails as malformed.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { koreanNumbers } from "../../src/lib/korean-numbers.ts";
import {
  knownKo as knownIn,
  knownNumbers,
  numbersIn,
  proseLines,
  SYNTHETIC_MARKER,
  storyNumberProblems,
} from "../../src/site/story-numbers.ts";
import { GENERATED, ROOT } from "../helpers/paths.ts";

const STORIES = join(ROOT, "src", "stories");
const KO_STORIES = join(ROOT, "src", "ko", "stories");
const knownSet = knownNumbers(GENERATED);
const known = knownSet.written;
const knownKo = (value: number) => knownIn(knownSet, value);

describe("numbers in stories", () => {
  const stories = readdirSync(STORIES).filter((f) => f.endsWith(".md"));

  it("finds the stories", () => {
    expect(stories.length).toBeGreaterThanOrEqual(5);
  });

  for (const story of stories) {
    it(`every number in ${story} stands in the data`, () => {
      const problems = storyNumberProblems(`src/stories/${story}`, readFileSync(join(STORIES, story), "utf8"), knownSet, false);
      expect(problems.map((p) => `${p.file}:${p.line} — ${p.message}`)).toEqual([]);
    });
  }

  const koStories = existsSync(KO_STORIES) ? readdirSync(KO_STORIES).filter((f) => f.endsWith(".md")) : [];
  for (const story of koStories) {
    it(`every number in ko/${story} stands in the data`, () => {
      const problems = storyNumberProblems(`src/ko/stories/${story}`, readFileSync(join(KO_STORIES, story), "utf8"), knownSet, true);
      expect(problems.map((p) => `${p.file}:${p.line} — ${p.message}`)).toEqual([]);
    });
  }

  it("reads Korean numbers against the data in its units, and would catch one that is not there", () => {
    // 140 billion KRW (s-valley-metrics) is written 1,400억 원 in Korean; 1,500억 원 is in no row.
    expect(knownKo(koreanNumbers("1,400억 원")[0]!.value!)).toBe(true);
    expect(knownKo(koreanNumbers("1천400억원")[0]!.value!)).toBe(true);
    expect(knownKo(koreanNumbers("1,500억 원")[0]!.value!)).toBe(false);
    expect(knownKo(koreanNumbers("3,100명")[0]!.value!)).toBe(true);
    expect(knownKo(koreanNumbers("3,200명")[0]!.value!)).toBe(false);
  });

  it("reads the texts of a scrolly's steps as prose, and not its spec", () => {
    const story = [
      "---",
      "title: T",
      "---",
      "",
      "```scrolly",
      "kind: choropleth",
      "classes: 7",
      "steps:",
      "  - text: |",
      "      It counted 123,456,789 people.",
      "    highlight: [a]",
      "```",
    ].join("\n");
    expect(proseLines(story).filter((l) => numbersIn(l.text).length)).toEqual([{ line: 10, text: "      It counted 123,456,789 people." }]);
  });

  it("would catch a number that is not in the data", () => {
    expect(known.has("26147")).toBe(true);
    expect(known.has("26000")).toBe(false);
    expect(numbersIn("about 26,000 people, 0.67 km² and 56.5 billion")).toEqual(["26000", "0.67", "56.5"]);
  });

  it("names an invented number at its line, in either edition, and the project's own site is checked", () => {
    const en = storyNumberProblems(
      "src/stories/x.md",
      "---\ntitle: A plan\n---\n\nIt promised 3,100 jobs.\nIt promised 3,200 jobs.\n",
      knownSet,
      false,
    );
    expect(en).toEqual([
      expect.objectContaining({ code: "number-not-in-data", file: "src/stories/x.md", line: 6, message: "3,200 stands in no dataset" }),
    ]);
    expect(en[0]!.hint).not.toContain("The data holds");
    // A number converted from the data's unit says what the data holds.
    const [converted] = storyNumberProblems(
      "src/stories/x.md",
      "---\ntitle: A plan\n---\n\nIt emitted 1.19 million tonnes.\n",
      knownSet,
      false,
    );
    expect(converted).toMatchObject({ line: 5, message: "1.19 stands in no dataset" });
    expect(converted!.hint).toContain("The data holds 1,190, 1.19 scaled by a thousand: an English story gives a number as the data does");
    const ko = storyNumberProblems(
      "src/ko/stories/x.md",
      "---\ntitle: 계획\n---\n\n일자리 3,100개.\n일자리 3,200개와 14,00억 원.\n",
      knownSet,
      true,
    );
    expect(ko.map((p) => [p.line, p.message])).toEqual([
      [6, "3,200 stands in no dataset"],
      [6, '"14,00억" cannot be read as a number'],
    ]);
    expect(existsSync(join(ROOT, SYNTHETIC_MARKER))).toBe(false);
  });
});
