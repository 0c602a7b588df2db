/**
 * Hostile or careless sources, checked without a build: front matter (dates that are not
 * days, permalinks, control characters), story file names, where and how a page may be
 * written, files published as they are (src/static/, SVGs), the corrections log and the
 * schedule of stories dated after today. The builds that show the same refusals end to end
 * are in tests/e2e/site-hostile-sources.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem, type Problem, ProblemError } from "../../scripts/lib/problems.ts";
import { parseCorrections } from "../../src/_data/corrections.ts";
import { DatasetStore } from "../../src/figures/datasets.ts";
import { calendarDateProblem, latestDate, seoulToday } from "../../src/lib/calendar-date.ts";
import { controlCharProblems, hasControlChars, printable } from "../../src/lib/control-chars.ts";
import { checkCorrectionPages } from "../../src/site/correction-pages.ts";
import { checkOutputsInside, layoutProblem, pageOutputProblems } from "../../src/site/output-guard.ts";
import { sourceFileProblems, svgProblems } from "../../src/site/source-files.ts";
import { checkStoryData, storyFileNameProblem } from "../../src/site/story-front-matter.ts";
import { StorySchedule } from "../../src/site/story-schedule.ts";
import { GENERATED, SITE } from "../helpers/paths.ts";

const dir = mkdtempSync(join(tmpdir(), "atlas-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const datasets = new DatasetStore(GENERATED);

const problemsOf = (run: () => void): Problem[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemError) return error.problems;
    throw error;
  }
  return [];
};

function frontMatterProblems(fm: string, name = "story.md"): Problem[] {
  const path = join(dir, "stories", name);
  mkdirSync(join(dir, "stories"), { recursive: true });
  writeFileSync(path, `---\ntitle: A story\n${fm}\n---\nText.\n`);
  return problemsOf(() => checkStoryData({ page: { inputPath: path }, datasets }));
}

/** A day `days` after today in Seoul, as YYYY-MM-DD. */
const dayAfterToday = (days: number) => new Date(Date.parse(`${seoulToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("dates are real days from 1900 to one year ahead", () => {
  it.each([
    ["2026-02-30", /February 2026 has 28 days/],
    ["2024-02-30", /February 2024 has 29 days/],
    ["2026-13-01", /there is no month 13/],
    ["2026-00-10", /there is no month 0/],
    ["0001-01-01", /before 1900-01-01/],
    ["1899-12-31", /before 1900-01-01/],
    ["9999-12-31", /more than a year ahead/],
    ["26 November 2026", /YYYY-MM-DD/],
    ["2026-1-5", /YYYY-MM-DD/],
  ])("%s is refused", (date, why) => {
    expect(calendarDateProblem(date, "2026-12-02")).toMatch(why);
  });

  it("accepts real days up to one year after today", () => {
    for (const d of ["1900-01-01", "2024-02-29", "2026-12-02", "2027-12-02"]) expect(calendarDateProblem(d, "2026-12-02")).toBeUndefined();
    expect(calendarDateProblem("2027-12-03", "2026-12-02")).toMatch(/ahead/);
    expect(latestDate("2028-02-29")).toBe("2029-02-28");
  });

  it("in a story's front matter, at the date's line (Eleventy itself would have made 2026-02-30 into 2 March)", () => {
    const [p] = frontMatterProblems("date: 2026-02-30");
    expect(formatProblem({ ...p!, file: "x.md" })).toMatch(/^x\.md:3:date — "2026-02-30" is not a date: February 2026 has 28 days\n/);
    expect(frontMatterProblems("date: 9999-12-31")[0]?.message).toMatch(/more than a year ahead/);
    expect(frontMatterProblems("date: 0001-01-01")[0]?.message).toMatch(/before 1900/);
  });

  it("in data/corrections.yaml", () => {
    const entry = (date: string) => `- date: ${date}\n  type: correction\n  page: /about/\n  wrong: x\n  now: Fixed.\n`;
    expect(() => parseCorrections(entry("2026-02-30"))).toThrow(
      /corrections.yaml:1:date — "2026-02-30" is not a date: February 2026 has 28 days/,
    );
    expect(() => parseCorrections(entry("2026-13-01"))).toThrow(/there is no month 13/);
    expect(parseCorrections(entry("2026-02-28"))).toHaveLength(1);
  });
});

describe("a story's address is its file name", () => {
  it.each([
    ['permalink: "../x/demo.pth"', "../x/demo.pth"],
    ["permalink: /assets/fonts/atlas-sans-400.woff2", "/assets/fonts/atlas-sans-400.woff2"],
    ["permalink: false", "false"],
    ['permalink: "/x/\\n/*\\n  X-Evil: 1"', "X-Evil"],
  ])("%s is refused at its line", (fm, shown) => {
    const problems = frontMatterProblems(`date: 2026-01-05\n${fm}`);
    expect(problems).toEqual([expect.objectContaining({ field: "permalink", line: 4 })]);
    expect(problems[0]!.message).toContain(shown);
    expect(problems[0]!.hint).toContain("/stories/story/");
  });

  it("its own address may be written out", () => {
    expect(frontMatterProblems("date: 2026-01-05\npermalink: /stories/story/")).toEqual([]);
  });

  it("other keys that move a page (permalinkBypassOutputDir, layout, eleventyComputed) are unknown keys", () => {
    for (const key of ["permalinkBypassOutputDir: true", "layout: layouts/base.11ty.ts", "eleventyComputed: {}"])
      expect(frontMatterProblems(`date: 2026-01-05\n${key}`)[0]?.message).toMatch(/unknown key/);
  });

  it.each([
    ['My "best" story.md', "my-best-story"],
    ["Gwanak's startup sites.md", "gwanak-s-startup-sites"],
    ["UPPER.md", "upper"],
    ["a--b.md", "a-b"],
  ])("the file name %s is refused with the name to use", (name, slug) => {
    const p = storyFileNameProblem(`src/stories/${name}`);
    expect(p?.hint).toContain(`src/stories/${slug}.md`);
  });

  it("an unknown key's hint lists the keys a story may have, translation_key included", () => {
    const hint = frontMatterProblems("date: 2026-01-05\ntranslaton_key: x")[0]?.hint;
    expect(hint).toContain("title, dek, kicker, byline, date, districts, translation_key.");
    expect(hint).toContain('Did you mean "translation_key"?');
  });

  it("a slug file name passes", () => {
    expect(storyFileNameProblem("src/stories/gwanak-s-valley-2.md")).toBeUndefined();
  });
});

describe("control characters", () => {
  it("in a story's front matter, written as YAML escapes", () => {
    const problems = frontMatterProblems('date: 2026-01-05\ndek: "Ring \\u0007 the bell"');
    expect(problems).toEqual([expect.objectContaining({ code: "story-front-matter", field: "dek", line: 4 })]);
    expect(problems[0]!.message).toContain("BEL (U+0007)");
  });

  it("in a file, with line and column, CR LF line ends allowed", () => {
    expect(controlCharProblems("title: a\r\nb: ok\r\n", "x.md")).toEqual([]);
    const found = controlCharProblems("ok\nred \u001b[31m here\nbell\u0007 and a lone \r return\n", "x.md");
    expect(found.map((p) => [p.line, p.message])).toEqual([
      [2, "an invisible control character: ESC (U+001B) at column 5"],
      [3, "an invisible control character: BEL (U+0007) at column 5, CR (U+000D) at column 18"],
    ]);
  });

  it("never reach the terminal: a problem quoting one prints it escaped", () => {
    const text = formatProblem({ code: "x", file: "a.md", message: 'title "\u001b[2J\u0007"', hint: "h" });
    expect(text).toContain('title "\\x1B[2J\\x07"');
    expect(hasControlChars(text)).toBe(false);
    expect(printable("tab\tand\nline")).toBe("tab\tand\nline");
  });

  it("in data/corrections.yaml, in the file or as escapes", () => {
    expect(() => parseCorrections("- date: 2026-01-05\n  type: correction\n  page: /about/\n  wrong: a \u001b b\n  now: Fixed.\n")).toThrow(
      /corrections.yaml:4 — an invisible control character: ESC/,
    );
    expect(() =>
      parseCorrections('- date: 2026-01-05\n  type: correction\n  page: /about/\n  wrong: "a \\u0007 b"\n  now: Fixed.\n'),
    ).toThrow(/wrong — an invisible control character, BEL/);
  });
});

describe("the corrections log names pages of the site", () => {
  const write = (page: string) => {
    mkdirSync(join(dir, "log", "data"), { recursive: true });
    writeFileSync(
      join(dir, "log", "data", "corrections.yaml"),
      `- date: 2026-01-05\n  type: correction\n  page: ${page}\n  wrong: x\n  now: Fixed.\n`,
    );
    return problemsOf(() => checkCorrectionPages(join(dir, "log"), ["/", "/about/", "/corrections/", "/stories/gwanak-s-valley/"]));
  };
  it.each([
    ['"/\\\\evil.example/phish"', "a path that browsers read as another site"],
    ["/stories/gwanak-s-vally/", "a typo"],
    ["/stories/", "a folder without a page"],
  ])("%s (%s) is refused at its line", (page) => {
    const problems = write(page);
    expect(problems).toEqual([expect.objectContaining({ file: "data/corrections.yaml", line: 3, field: "page" })]);
  });
  it("a page the site builds passes, with or without an anchor", () => {
    expect(write("/stories/gwanak-s-valley/")).toEqual([]);
    expect(write("/about/#sources")).toEqual([]);
  });
  it("a build that does not publish the log (a test fixture of a few templates) does not check it", () => {
    write("/stories/not-in-this-fixture/");
    expect(problemsOf(() => checkCorrectionPages(join(dir, "log"), ["/", "/stories/fixture/"]))).toEqual([]);
  });
  it('"/\\evil.example/phish" is also refused by the log\'s own check, before any build', () => {
    expect(() =>
      parseCorrections('- date: 2026-01-05\n  type: correction\n  page: "/\\\\evil.example/phish"\n  wrong: x\n  now: Fixed.\n'),
    ).toThrow(/page — a site path/);
  });
});

describe("where a page may be written", () => {
  const out = "/site/_site.staging-1-2";
  const page = (
    file: string,
    url: string | false,
    outputPath: string | false,
    content = readFileSync(join(SITE, "about", "index.html"), "utf8"),
  ) => pageOutputProblems({ file, url, outputPath, content }, out);

  it("the built pages pass", () => {
    expect(page("src/about.11ty.ts", "/about/", `${out}/about/index.html`)).toEqual([]);
    expect(page("src/stories/gwanak-s-valley.md", "/stories/gwanak-s-valley/", `${out}/stories/gwanak-s-valley/index.html`)).toEqual([]);
    expect(page("src/feed.11ty.ts", "/feed.xml", `${out}/feed.xml`, "<?xml?>")).toEqual([]);
    expect(page("src/draft.md", false, false, "")).toEqual([]);
  });

  it.each([
    ["outside the folder", "src/page.md", "/../x/demo.pth", `${out}/../x/demo.pth`, /outside the site's folder/],
    ["outside, by permalinkBypassOutputDir", "src/page.md", "/x/demo.pth", "/site/x/demo.pth", /outside the site's folder/],
    [
      "a font replaced by a page",
      "src/page.md",
      "/assets/fonts/atlas-sans-400.woff2",
      `${out}/assets/fonts/atlas-sans-400.woff2`,
      /which the build fills itself/,
    ],
    [
      "a data download replaced by a page",
      "src/page.md",
      "/data/districts/",
      `${out}/data/districts/index.html`,
      /which the build fills itself/,
    ],
    ["an address with a line break", "src/x.11ty.ts", "/x/\n/*\n  X-Evil: 1", `${out}/x/\n/*\n  X-Evil: 1`, /not a plain site path/],
    ["an address with spaces and quotes", "src/x.11ty.ts", '/my "x" page/', `${out}/my "x" page/index.html`, /not a plain site path/],
    ["a story elsewhere", "src/stories/a.md", "/a/", `${out}/a/index.html`, /published at \/stories\/a\//],
    ["a page among the stories", "src/page.md", "/stories/page/", `${out}/stories/page/index.html`, /where only stories are/],
    ["a Markdown page as a script", "src/page.md", "/x.js", `${out}/x.js`, /must be an HTML page/],
  ])("%s is refused", (_, file, url, outputPath, message) => {
    expect(
      page(file, url, outputPath)
        .map((p) => p.message)
        .join("; "),
    ).toMatch(message);
  });

  it("an HTML page without the base layout is refused: no doctype, no language, no policy", () => {
    const good = readFileSync(join(SITE, "index.html"), "utf8");
    expect(layoutProblem(good)).toBeUndefined();
    expect(layoutProblem("<p>hi</p><script>alert(1)</script>")).toMatch(/no doctype/);
    expect(layoutProblem("<!doctype html><html><head></head>")).toMatch(/language/);
    expect(layoutProblem('<!doctype html>\n<html lang="en">\n<head>\n<title>x</title>')).toMatch(/Content-Security-Policy/);
    expect(layoutProblem(good.replace("object-src &#39;none&#39;", "object-src *"))).toMatch(/not the site's/);
    expect(page("src/loose.md", "/loose/", `${out}/loose/index.html`, "<p>hi</p>")).toEqual([
      expect.objectContaining({ code: "page-layout" }),
    ]);
  });

  it("after the build, every file it wrote lies in its folder", () => {
    expect(() =>
      checkOutputsInside(out, [{ inputPath: "src/a.md", outputPath: `${out}/a/index.html` }, { outputPath: false }]),
    ).not.toThrow();
    expect(() => checkOutputsInside(out, [{ inputPath: "src/a.md", outputPath: "/site/demo.pth" }])).toThrow(
      /src\/a\.md — wrote \/site\/demo\.pth/,
    );
  });
});

describe("files published as they are", () => {
  it.each([
    ["a script", '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>', 2, /<script>/],
    ["an event handler", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 1, /onload/],
    [
      "a javascript: link",
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n<a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
      2,
      /a link that runs code/,
    ],
    [
      "embedded HTML",
      '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><body xmlns="http://www.w3.org/1999/xhtml"/></foreignObject></svg>',
      1,
      /foreignObject/,
    ],
    [
      "an animation that rewrites a link",
      '<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>',
      1,
      /animation|runs code/,
    ],
    [
      "an entity-encoded javascript: link",
      '<svg xmlns="http://www.w3.org/2000/svg"><a href="&#106;avascript:alert(1)"/></svg>',
      1,
      /runs code/,
    ],
  ])("an SVG with %s is refused at its line", (_, svg, line, message) => {
    const problems = svgProblems(svg, "src/static/x.svg");
    expect(problems[0]).toMatchObject({ code: "svg-script", file: "src/static/x.svg", line });
    expect(problems.map((p) => p.message).join("; ")).toMatch(message);
  });

  it("the site's own favicon passes", () => {
    expect(svgProblems(readFileSync(join(process.cwd(), "src", "static", "favicon.svg"), "utf8"), "favicon.svg")).toEqual([]);
  });

  it("src/static/ holds no page, no symlink; SVGs anywhere under src/ are checked", () => {
    const src = join(dir, "src");
    mkdirSync(join(src, "static", "icons"), { recursive: true });
    mkdirSync(join(src, "assets"), { recursive: true });
    writeFileSync(join(src, "static", "evil.html"), "<script>alert(1)</script>");
    writeFileSync(join(src, "static", "icons", "page.xhtml"), "<html/>");
    writeFileSync(join(src, "static", "ok.png"), "");
    symlinkSync("/etc/passwd", join(src, "static", "passwd.txt"));
    writeFileSync(join(src, "assets", "icon.svg"), '<svg xmlns="http://www.w3.org/2000/svg" onclick="x"/>');
    const found = sourceFileProblems(dir, src).map((p) => `${p.file}: ${p.code}`);
    expect(found).toEqual([
      "src/assets/icon.svg: svg-script",
      "src/static/evil.html: static-file",
      "src/static/icons/page.xhtml: static-file",
      "src/static/passwd.txt: static-file",
    ]);
  });
});

describe("stories dated after today are scheduled", () => {
  it("are found from their front matter; today's, past, and broken dates are not", () => {
    const root = join(dir, "schedule");
    mkdirSync(join(root, "src", "stories"), { recursive: true });
    const story = (name: string, date: string) =>
      writeFileSync(join(root, "src", "stories", name), `---\ntitle: ${name}\ndate: ${date}\n---\n`);
    story("tomorrow.md", dayAfterToday(1));
    story("today.md", seoulToday());
    story("past.md", "2020-01-01");
    story("broken.md", "2026-02-30");
    story("far.md", "9999-12-31");
    const schedule = new StorySchedule(root);
    for (const name of ["tomorrow.md", "today.md", "past.md", "broken.md", "far.md"])
      schedule.scheduled(join(root, "src", "stories", name));
    expect(schedule.list()).toEqual([{ file: "src/stories/tomorrow.md", line: 3, date: dayAfterToday(1), title: "tomorrow.md" }]);
  });
});
