/**
 * Mistakes a journalist makes in a story's front matter come back as problems with file,
 * line, key and a hint: those our check finds (missing title or date, unknown keys, unknown
 * districts), and those Eleventy stops at before (YAML it cannot parse, a date it cannot read).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Eleventy from "@11ty/eleventy";
import { afterAll, describe, expect, it } from "vitest";
import { findProblemError, leaveProblemsToUs } from "../../scripts/lib/eleventy-problems.ts";
import { formatProblem, ProblemError } from "../../scripts/lib/problems.ts";
import { DatasetStore } from "../../src/figures/datasets.ts";
import { checkStoryData } from "../../src/site/story-front-matter.ts";
import { GENERATED } from "../helpers/paths.ts";

// Outside the repository: Eleventy skips input folders whose path has a dot-folder (tests/.tmp).
const dir = mkdtempSync(join(tmpdir(), "atlas-front-matter-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const datasets = new DatasetStore(GENERATED);

function problemsOf(name: string, text: string): string[] {
  const path = join(dir, name);
  writeFileSync(path, text);
  try {
    checkStoryData({ page: { inputPath: path }, datasets });
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    return (error as ProblemError).problems.map((p) => formatProblem({ ...p, file: "x.md" }));
  }
}

describe("a story's front matter", () => {
  it("passes when it is complete", () => {
    expect(
      problemsOf("ok.md", "---\ntitle: A story\ndek: One line.\ndate: 2026-11-26\ndistricts: [gwanak-gu, jung-gu]\n---\nText.\n"),
    ).toEqual([]);
    expect(problemsOf("all.md", "---\ntitle: A story\ndate: 2026-11-26\ndistricts: all\n---\nText.\n")).toEqual([]);
  });

  it("names a missing title and date", () => {
    const found = problemsOf("bare.md", "---\ndek: One line.\n---\nText.\n");
    expect(found[0]).toMatch(/^x\.md:1:title — the story has no title\n {4}how to fix: Add a line "title: Your headline"/);
    expect(found[1]).toMatch(
      /^x\.md:1:date — the story has no date\n {4}how to fix: Add the publication date, e\.g\. date: 2026-11-26 \(the site is not built while a story has none\)/,
    );
  });

  it("names an unknown key at its line, with the key it was probably meant to be", () => {
    const [found] = problemsOf("typo.md", "---\ntitle: A story\ndate: 2026-11-26\nbylin: Kim\n---\nText.\n");
    expect(found).toMatch(/^x\.md:4:bylin — unknown key "bylin"\n.*Did you mean "byline"\?/);
    // The nearest key, not the first one near enough: "dte" is one letter from "date", two from "dek".
    const [date] = problemsOf("dte.md", "---\ntitle: A story\ndte: 2026-11-26\n---\nText.\n");
    expect(date).toMatch(/^x\.md:3:dte — unknown key "dte"\n.*Did you mean "date"\?/);
  });

  it("names districts that do not exist, and the ones that do", () => {
    const [found] = problemsOf("districts.md", "---\ntitle: A story\ndate: 2026-11-26\ndistricts:\n  - gwanak\n---\nText.\n");
    expect(found).toMatch(/^x\.md:4:districts — "gwanak" is not a district\n.*Did you mean "gwanak-gu"\?.*The districts: dobong-gu, /);
  });
});

describe("translation_key, which pairs a story with its Korean version", () => {
  /** Writes src/stories/<english>.md (if given) and src/ko/stories/<name>, and checks the Korean one. */
  function korean(name: string, text: string, english?: string): string[] {
    mkdirSync(join(dir, "src", "ko", "stories"), { recursive: true });
    mkdirSync(join(dir, "src", "stories"), { recursive: true });
    if (english) writeFileSync(join(dir, "src", "stories", `${english}.md`), "---\ntitle: A story\ndate: 2026-11-26\n---\n");
    return problemsOf(join("src", "ko", "stories", name), text);
  }
  const fm = (key?: string) =>
    `---\ntitle: 한국어 기사\ndate: 2026-11-26\n${key === undefined ? "" : `translation_key: ${key}\n`}---\n본문.\n`;

  it("is accepted when it names the English story of the same file name", () => {
    expect(korean("paired.md", fm("paired"), "paired")).toEqual([]);
    expect(problemsOf("own.md", "---\ntitle: A story\ndate: 2026-11-26\ntranslation_key: own\n---\nText.\n")).toEqual([]);
  });

  it("is required of a Korean story", () => {
    expect(korean("lonely.md", fm())[0]).toMatch(
      /^x\.md:1:translation_key — a Korean story has no translation_key\n.*translation_key: lonely/,
    );
  });

  it("names no English story: reported at its line, with the story it was probably meant to be", () => {
    expect(korean("gwanak-s-valey.md", fm("gwanak-s-valey"), "gwanak-s-valley")[0]).toMatch(
      /^x\.md:4:translation_key — translation_key "gwanak-s-valey" names no English story.*\n.*Did you mean "gwanak-s-valley"\?/,
    );
  });

  it("differs from the Korean file's name, or from an English story's own name", () => {
    expect(korean("other-name.md", fm("paired"), "paired")[0]).toMatch(
      /file name "other-name.md" differs from its translation_key "paired"/,
    );
    expect(problemsOf("mine.md", "---\ntitle: A story\ndate: 2026-11-26\ntranslation_key: yours\n---\nText.\n")[0]).toMatch(
      /^x\.md:4:translation_key — translation_key "yours" is not this story's file name/,
    );
  });
});

describe("front matter Eleventy cannot read", () => {
  let builds = 0;
  /** Build one story with Eleventy alone (no config) and return the problem its error becomes. */
  async function eleventyProblem(text: string): Promise<string> {
    // A folder per build: Eleventy caches what it read by path.
    const input = join(dir, `eleventy-input-${++builds}`);
    rmSync(input, { recursive: true, force: true });
    mkdirSync(input, { recursive: true });
    writeFileSync(join(input, "story.md"), text);
    writeFileSync(join(dir, "empty-config.js"), "export default function () {}\n");
    const eleventy = new Eleventy(input, join(dir, "eleventy-output"), {
      quietMode: true,
      configPath: join(dir, "empty-config.js"),
    });
    leaveProblemsToUs(eleventy);
    const error = await eleventy.write().then(
      () => undefined,
      (e: unknown) => e,
    );
    const problem = findProblemError(error);
    expect(problem, String(error)).toBeDefined();
    return formatProblem(problem!.problems[0]!);
  }

  it("turns YAML errors into a problem at the front matter's line", async () => {
    const found = await eleventyProblem('---\ntitle: A story\ndek: "An open quote\ndate: 2026-11-26\n---\nText.\n');
    expect(found).toMatch(/story\.md:\d+ — the front matter is not valid YAML: .*\n {4}how to fix: .*close every quote you open/);
  });

  it("names a front matter never closed by its opening line, not a line of the text read as YAML", async () => {
    const found = await eleventyProblem(
      "---\ntitle: A story\ndek: A dek.\ndate: 2026-11-26\n\nThe story's first paragraph.\n\n```figure\nkind: bar\ndataset: districts\n```\n",
    );
    expect(found).toMatch(/story\.md:1 — the front matter opened by "---" on line 1 is never closed/);
    expect(found).toContain("how to fix: Put a line of three hyphens, ---, after the front matter's last key");
  });

  it("turns a date it cannot read into a problem on the date's line", async () => {
    const found = await eleventyProblem("---\ntitle: A story\ndate: 26 November 2026\n---\nText.\n");
    expect(found).toMatch(/story\.md:3:date — "26 November 2026" is not a date\n {4}how to fix: Write the publication date as YYYY-MM-DD/);
  });
});
