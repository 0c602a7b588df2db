/**
 * Figures in the Korean edition: one spec, drawn in the page's language. Korean titles from
 * the spec's `_ko` keys, Korean labels, units, names, numbers and dates from the data's
 * Korean fields; a text the spec lacks in Korean shown in English, marked lang="en", with a
 * warning at its line; `use:` on a Korean page drawing an English story's figure.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import MarkdownIt from "markdown-it";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { isProblemError, type Problem } from "../../scripts/lib/problems.ts";
import { figurePlugin } from "../../src/figures/markdown.ts";
import { type RenderedFigure, renderFigure } from "../../src/figures/render.ts";
import { formatAmount } from "../../src/figures/rows.ts";
import { SiteFigures } from "../../src/figures/site-figures.ts";
import { axisMax, formatTick, formatValue } from "../../src/lib/format.ts";
import { FIGURE_STRINGS } from "../../src/lib/i18n/figures.ts";
import type { Lang } from "../../src/lib/i18n/index.ts";
import { fixtureStore } from "../helpers/figure-fixtures.ts";
import { ROOT } from "../helpers/paths.ts";

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

const fx = fixtureStore();
afterAll(() => fx.remove());

const STORY = "src/stories/test.md";
const FENCE = 10;
const draw = (body: string, lang: Lang) =>
  renderFigure({ body, file: STORY, fenceLine: FENCE, pageSlug: "test", index: 1, lang }, fx.store);
const $of = (figure: RenderedFigure) => cheerio.load(figure.html.value, null, false);
/** The line in the story of the spec line that starts with `key` (the fence is line FENCE). */
const lineOf = (body: string, key: string) => FENCE + 1 + body.split("\n").findIndex((l) => l.trimStart().startsWith(key));

const BAR = `kind: bar
dataset: areas
value: value
highlight: [area-5]
title: Residents by area
title_ko: 지역별 주민
subtitle: Counted in 2020
subtitle_ko: 2020년 집계
notes: A note.
notes_ko: 참고할 내용.
`;

describe("a figure on a Korean page", () => {
  const ko = draw(BAR, "ko");
  const $ = $of(ko);

  it("shows the spec's Korean title, subtitle and note, with nothing marked as English", () => {
    expect($(".figure__title").text()).toBe("지역별 주민");
    expect($(".figure__subtitle").text()).toBe("2020년 집계");
    expect($(".figure__notes").first().text()).toBe("참고: 참고할 내용.");
    expect($("[lang=en]")).toHaveLength(0);
    expect(ko.warnings).toEqual([]);
  });

  it("names the rows, the field and its unit in Korean in the legend, the table and the tooltips", () => {
    expect($(".legend").text()).toContain("에코구");
    expect($(".legend").text()).toContain("그 밖의 항목");
    expect(
      $("thead th")
        .map((_, th) => $(th).text())
        .get(),
    ).toEqual(["지역", "주민 (명)"]);
    const echo = $("tbody tr").filter((_, tr) => $(tr).find("th").text() === "에코구");
    expect(echo.find("td").text()).toBe("1,600");
    // The tooltip of a bar: the value with its Korean unit attached.
    expect($('[data-key="A5"]').attr("data-value")).toBe("1,600명");
    expect($('[data-key="A5"]').attr("data-name")).toBe("에코구");
  });

  it("says 'no data' in Korean where a row has none", () => {
    expect($("svg").text()).toContain("자료 없음");
    expect($('[data-key="A6"]').attr("data-value")).toBe("자료 없음");
  });

  it("words its furniture in Korean, and its embed code points to /ko/embed/", () => {
    expect($(".figure__table summary").text()).toBe("데이터 표 (6행)");
    expect($(".figure__downloads .label").text()).toBe("데이터 받기:");
    expect($(".figure__source .label").text()).toBe("출처:");
    expect($(".figure__embed summary").text()).toBe("이 그래픽 퍼가기");
    expect($(".embed-code").text()).toContain('src="/ko/embed/test-1/"');
    expect($('a[href="/ko/embed/test-1/"]').text()).toBe("그래픽만 따로 보기");
  });

  it("is the English figure on an English page: the Korean keys show nowhere", () => {
    const en = draw(BAR, "en");
    const $en = $of(en);
    expect($en(".figure__title").text()).toBe("Residents by area");
    expect($en("thead th").last().text()).toBe("Residents (people)");
    expect($en('[data-key="A5"]').attr("data-value")).toBe("1,600\u00a0people");
    expect($en(".embed-code").text()).toContain('src="/embed/test-1/"');
    expect(en.html.value).not.toContain("지역별 주민");
    expect(en.html.value).not.toContain("그 밖의 항목");
  });
});

describe("notes under a Korean figure", () => {
  // The notes the figure writes itself sit in one block with the dataset's notes, which are
  // news prose (-다); a mix of -다 and -습니다 in one block is what a copy editor strikes out.
  const generated = [
    "barLimit",
    "lineBreaks",
    "pointsMore",
    "pointsNotDrawn",
    "pointsNotDrawnOne",
    "timelineUndated",
    "timelineUndatedOne",
  ] as const;

  it.each(generated)("%s ends in the plain style of the dataset notes", (key) => {
    expect(FIGURE_STRINGS.ko[key]).toMatch(/다(: \{names\})?\.$/);
    expect(FIGURE_STRINGS.ko[key]).not.toMatch(/니다/);
  });

  it("the dataset notes and descriptions in data/ are plain style too", () => {
    // Every `notes_ko` and `description_ko` in the descriptors, at any depth (a field's description too).
    const found = (value: unknown, where: string): string[] =>
      Array.isArray(value)
        ? value.flatMap((v) => found(v, where))
        : value && typeof value === "object"
          ? Object.entries(value).flatMap(([k, v]) =>
              k === "notes_ko" || k === "description_ko" ? [v].flat().map((t) => `${where}: ${t}`) : found(v, where),
            )
          : [];
    const texts = walk(join(ROOT, "data"))
      .filter((f) => f.endsWith(".resource.yaml"))
      .flatMap((f) => found(parseYaml(readFileSync(f, "utf8")), f));
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((t) => /니다/.test(t))).toEqual([]);
  });
});

describe("a text the spec lacks in Korean", () => {
  const body = BAR.replace(/^title_ko: .*\n/m, "").replace(/^notes_ko: .*\n/m, "");
  const figure = draw(body, "ko");
  const $ = $of(figure);

  it("is shown in English, marked lang=en on its element", () => {
    expect($(".figure__title [lang=en]").text()).toBe("Residents by area");
    expect($(".figure__notes [lang=en]").text()).toBe("A note.");
    expect($("caption [lang=en]").text()).toBe("Residents by area");
    // The texts it has stay Korean, unmarked.
    expect($(".figure__subtitle").text()).toBe("2020년 집계");
    expect($(".figure__subtitle [lang]")).toHaveLength(0);
  });

  it("is a build warning naming the spec's file and line, and the key to add", () => {
    expect(figure.warnings.map((w) => [w.code, w.file, w.line, w.field])).toEqual([
      ["figure-missing-korean", STORY, lineOf(body, "title:"), "title_ko"],
      ["figure-missing-korean", STORY, lineOf(body, "notes:"), "notes_ko"],
    ]);
    expect(figure.warnings[0]!.hint).toContain("title_ko");
  });

  it("is no warning on an English page", () => {
    expect(draw(body, "en").warnings).toEqual([]);
  });

  it("is no warning for a spec written on a Korean page, whose plain texts are Korean", () => {
    const own = renderFigure(
      {
        body: BAR.replace(/^.*_ko: .*\n/gm, "").replace("Residents by area", "한국어판의 주민"),
        file: "src/ko/stories/test.md",
        fenceLine: FENCE,
        pageSlug: "test",
        index: 1,
        lang: "ko",
      },
      fx.store,
    );
    expect(own.warnings).toEqual([]);
    expect($of(own)(".figure__title").html()).toBe("한국어판의 주민");
  });

  it("nested (a line's target label) falls back and warns at its own line", () => {
    const line = `kind: line
dataset: series
x: year
y: total
where: { status: inventory }
target:
  dataset: targets
  x: year
  y: value
  label: Goal
title: Emissions
title_ko: 배출량
`;
    const fallback = draw(line, "ko");
    expect(fallback.warnings.map((w) => [w.field, w.line])).toEqual([["target.label_ko", lineOf(line, "label:")]]);
    expect($of(fallback)(".legend [lang=en]").text()).toBe("Goal");
    const translated = draw(line.replace("  label: Goal\n", "  label: Goal\n  label_ko: 목표치\n"), "ko");
    expect(translated.warnings).toEqual([]);
    expect($of(translated)(".legend").text()).toContain("목표치");
  });
});

describe("dates and statuses of a timeline on a Korean page", () => {
  const $ = $of(
    draw(
      `kind: timeline
dataset: milestones
date: date
status: status
title: Steps
title_ko: 추진 단계
`,
      "ko",
    ),
  );

  it("writes each date as Korean prints it, at the precision the data gives", () => {
    const dates = $(".milestone-date")
      .map((_, d) => $(d).text())
      .get();
    expect(dates).toContain("2023년 3월");
    expect(dates).toContain("2023년 3월 15일");
    expect(dates).toContain("2024년");
    const cells = $("tbody th")
      .map((_, th) => $(th).text())
      .get();
    expect(cells.slice(0, 2)).toEqual(["2023년 3월 15일", "2023년 3월"]);
  });

  it("names the statuses in Korean in the legend, the drawing and the table", () => {
    expect(
      $(".legend li")
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual(["완료", "계획", "미상"]);
    expect($(".milestone-status").first().text()).toBe("완료");
    expect(
      $("thead th")
        .map((_, th) => $(th).text())
        .get(),
    ).toEqual(["날짜", "단계", "상태"]);
    expect($(".figure__notes").text()).toContain("날짜가 없는 단계 1개는 표에만 실었다.");
  });
});

describe("numbers as Korean prints them", () => {
  it("attaches Korean counters and symbols, keeps a space before a Latin unit, and writes won in 억/조", () => {
    expect(formatValue(3100, "명", 0, "ko")).toBe("3,100명");
    expect(formatValue(40, "%", 0, "ko")).toBe("40%");
    expect(formatValue(0.67, "㎢", 2, "ko")).toBe("0.67㎢");
    expect(formatValue(120, "m", 0, "ko")).toBe("120\u00a0m");
    expect(formatAmount(140_000_000_000, "원", 0, "ko")).toBe("1,400억 원");
    expect(formatAmount(3100, "명", 0, "ko")).toBe("3,100명");
    expect(formatValue(null, "명", 0, "ko")).toBe("자료 없음");
    expect(formatValue(3100, "people", 0)).toBe("3,100\u00a0people");
  });

  it("shortens axis ticks by 만 and 억", () => {
    expect(formatTick(44_000, "ko")).toBe("4.4만");
    expect(formatTick(600_000, "ko")).toBe("60만");
    expect(formatTick(150_000_000, "ko")).toBe("1.5억");
    expect(formatTick(44_000)).toBe("44k");
  });

  it("writes an English axis's ticks all one way: '0, 400, 800, 1,200' and '0, 5k, 10k, 15k', never '800, 1k'", () => {
    const axis = (ticks: number[]) => ticks.map((t) => formatTick(t, "en", axisMax(ticks)));
    expect(axis([0, 400, 800, 1200])).toEqual(["0", "400", "800", "1,200"]);
    expect(axis([0, 5000, 10000, 15000])).toEqual(["0", "5k", "10k", "15k"]);
    expect(axis([0, 500_000, 1_000_000, 1_500_000])).toEqual(["0", "0.5M", "1M", "1.5M"]);
  });
});

describe("use: on a Korean page", () => {
  const root = mkdtempSync(join(tmpdir(), "atlas-use-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
    return join(root, path);
  };
  write(
    "src/stories/a.md",
    `---
title: A
---

Text.

\`\`\`figure
id: residents
kind: bar
dataset: areas
value: value
title: Residents by area
title_ko: 지역별 주민
\`\`\`

\`\`\`scrolly
kind: choropleth
dataset: areas
value: value
title: Areas
title_ko: 지역
steps:
  - text: First.
  - text: Second.
    highlight: [area-1]
\`\`\`
`,
  );
  const koPage = `---
title: 가
---

본문.

\`\`\`figure
use: residents
\`\`\`

\`\`\`scrolly
use: a-2
steps:
  - text: 첫째.
  - text: 둘째.
\`\`\`
`;
  const ko = write("src/ko/stories/a.md", koPage);
  const figures = () => new SiteFigures(fx.store, root);
  const problemsOf = (path: string): Problem[] => {
    try {
      figures().ofPage(path);
    } catch (error) {
      if (isProblemError(error)) return error.problems;
      throw error;
    }
    throw new Error("the page built without a problem");
  };
  const lineIn = (text: string, start: string) => 1 + text.split("\n").findIndex((l) => l.startsWith(start));

  /** The page markup of the figures of a page (the site keeps each figure's markup in its cache). */
  const markupOf = (path: string) => {
    const site = figures();
    return site.ofPage(path).map((f) => site.markup(f.key, "html"));
  };

  it("draws the English story's figure with its Korean texts, under the same id", () => {
    const [figure] = markupOf(ko);
    const $ = cheerio.load(figure!, null, false);
    expect($("figure").attr("id")).toBe("residents");
    expect($(".figure__title").text()).toBe("지역별 주민");
    expect($("thead th").last().text()).toBe("주민 (명)");
  });

  it("puts the Korean page's step texts on the English scrolly's states", () => {
    const [, scrolly] = markupOf(ko);
    const $ = cheerio.load(scrolly!, null, false);
    expect($("figure").attr("id")).toBe("a-2");
    expect(
      $(".scrolly__text")
        .map((_, t) => $(t).text().trim())
        .get(),
    ).toEqual(["첫째.", "둘째."]);
    expect($(".scrolly__state").last().text()).toBe("2단계 중 2단계: 지도: 주민. 강조한 곳: 알파구.");
    expect(scrolly).not.toContain("First.");
  });

  it("renders through the Markdown fence in the language of the page's data", () => {
    const md = new MarkdownIt();
    figurePlugin(md, { figures: figures() });
    const html = md.render(koPage.split("---\n").slice(2).join("---\n"), { page: { inputPath: ko }, lang: "ko" });
    expect(cheerio.load(html)("figure#residents .figure__title").text()).toBe("지역별 주민");
  });

  it("stops the build at the line of an unknown id, listing the ids there are", () => {
    write("src/stories/b.md", "---\ntitle: B\n---\n\nText.\n");
    const text = "---\ntitle: 나\n---\n\n```figure\nuse: resident\n```\n";
    const [p] = problemsOf(write("src/ko/stories/b.md", text));
    expect([p!.code, p!.file, p!.line]).toEqual(["figure-use-unknown", "src/ko/stories/b.md", lineIn(text, "use:")]);
    expect(p!.hint).toContain('Did you mean "residents"?');
  });

  it("names the English story when the one a Korean page translates is missing (deleted or renamed)", () => {
    const text = "---\ntitle: 라\n---\n\n```figure\nuse: c-1\n```\n";
    const [p] = problemsOf(write("src/ko/stories/c.md", text));
    expect([p!.code, p!.file, p!.line]).toEqual(["figure-use-unknown", "src/ko/stories/c.md", lineIn(text, "use:")]);
    expect(p!.message).toContain("the English story this page translates, src/stories/c.md, is missing");
    expect(p!.hint).toContain("Restore src/stories/c.md");
  });

  it("stops the build when a scrolly's steps do not match the English ones, one for one", () => {
    const text = "---\ntitle: 다\n---\n\n```scrolly\nuse: a-2\nsteps:\n  - text: 하나뿐.\n```\n";
    const [p] = problemsOf(write("src/ko/stories/c.md", text));
    expect([p!.code, p!.file, p!.line]).toEqual(["scrolly-use-steps", "src/ko/stories/c.md", lineIn(text, "steps:")]);
    expect(p!.message).toContain("has 2");
  });

  it("is refused on an English page", () => {
    const text = "---\ntitle: D\n---\n\n```figure\nuse: residents\n```\n";
    const [p] = problemsOf(write("src/stories/d.md", text));
    expect([p!.code, p!.line]).toEqual(["figure-use-english", lineIn(text, "use:")]);
  });

  it("keys the cache by language: the site's Korean figures are drawings of their own, one per id", () => {
    const site = figures();
    const include = (path: string) => !/[bcd]\.md$/.test(path);
    const en = site.all(join(root, "src"), include);
    const kos = site.all(join(root, "src"), include, "ko");
    expect(en.map((f) => [f.id, f.lang, f.title])).toEqual([
      ["residents", "en", "Residents by area"],
      ["a-2", "en", "Areas"],
    ]);
    expect(kos.map((f) => [f.id, f.lang, f.title])).toEqual([
      ["residents", "ko", "지역별 주민"],
      ["a-2", "ko", "지역"],
    ]);
  });
});
