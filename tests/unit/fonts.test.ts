/**
 * The site font cut per edition (src/site/fonts.ts): which characters go in which file,
 * which files a page downloads, the build's refusal of a character Pretendard lacks, the
 * share cards' font covering Korean titles, and pages over a budget failing the build.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUDGETS, KB, type PageLoad } from "../../scripts/lib/page-weight.ts";
import type { Manifest } from "../../src/lib/manifest.ts";
import { briefReport, collectBuildReport, reportedWeights } from "../../src/site/build-report.ts";
import { listedWeights } from "../../src/site/build-report-page.ts";
import { cardFonts } from "../../src/site/card-fonts.ts";
import {
  cmapOf,
  type FontFace,
  type FontManifest,
  fontPlan,
  HANGUL_FIRST,
  pageFontProblems,
  pageFonts,
  pageText,
  type SiteCharacters,
  splitKorean,
  unicodeRange,
} from "../../src/site/fonts.ts";

const tmp = mkdtempSync(join(tmpdir(), "atlas-fonts-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const counts = (text: string, n = 1) => new Map([...new Set(text)].map((c) => [c, n]));
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)).join("");

/** Sources: the layouts show the site's Korean title; English pages show district names; the Korean edition has prose of its own. */
const SITE: SiteCharacters = {
  both: new Map([...counts(ASCII, 9), ...counts("서울 자치구 아틀라스", 9), ...counts("관악구 금천구", 3)]),
  ko: counts("골목경제지원센터는 문을 열었다"),
  everyPage: new Set("서울 자치구 아틀라스"),
};

/** A manifest from the plan, as buildFonts writes it (bytes made up: one per character). */
function manifestOf(chars: SiteCharacters): FontManifest {
  const plan = fontPlan(chars);
  const faces = (lang: "en" | "ko"): FontFace[] =>
    [400, 700].flatMap((weight) =>
      plan[lang].map((p) => ({
        weight: weight as 400 | 700,
        name: p.name,
        url: `/assets/fonts/${p.name}-${weight}.woff2`,
        range: p.range,
        chars: p.chars.join(""),
        bytes: p.chars.length,
      })),
    );
  return { faces: { en: faces("en"), ko: faces("ko") } };
}

describe("cutting the font", () => {
  it("writes unicode-ranges with runs merged", () => {
    expect(unicodeRange([0x41, 0x42, 0x43, 0xb7, 0xac00])).toBe("U+41-43,U+B7,U+AC00");
  });

  it("tells Korean-only text apart: `_ko` prose, the Korean half of interface strings; names stay in both editions", () => {
    const yaml = splitKorean("x.yaml", "title: Alleys\ntitle_ko: 골목\nname_ko: 관악구\ndescription_ko: |\n  긴 설명\nunit: won\n");
    expect(yaml.ko).toContain("골목");
    expect(yaml.ko).toContain("긴 설명");
    expect(yaml.both).toContain("관악구");
    expect(yaml.both).not.toContain("골목");
    const ts = splitKorean("x.ts", 'export const S = strings({ a: "Map" }, { a: "지도 {n}" });\nconst other = "구청";');
    expect(ts.ko).toContain("지도");
    expect(ts.both).toContain("Map");
    expect(ts.both).toContain("구청");
    expect(ts.both).not.toContain("지도");
    const json = splitKorean("x.json", JSON.stringify({ title_ko: "제목", gu_name_ko: "금천구", rows: [{ note_ko: "메모" }] }));
    expect(json.ko).toContain("제목");
    expect(json.ko).toContain("메모");
    expect(json.both).toContain("금천구");
  });

  it("gives the English edition its own Hangul, the layouts' syllables apart, and the Korean edition chunks by use", () => {
    const plan = fontPlan(SITE);
    const en = Object.fromEntries(plan.en.map((p) => [p.name, p.chars.join("")]));
    expect(en.latin).toContain("A");
    expect(en.latin).not.toMatch(/[가-힣]/);
    expect(en["hangul-en"]).toContain("관");
    expect(en["hangul-en"]).not.toContain("골"); // Korean-only prose
    expect([...en["hangul-en-common"]!].sort().join("")).toBe([..."서울자치구아틀라스"].sort().join(""));
    const ko = plan.ko.filter((p) => p.name.startsWith("hangul-ko-"));
    expect(ko[0]!.range).toContain("U+AC00-D7A3");
    expect(ko[0]!.chars).toContain("골");
    // Many syllables: the rarest go in later chunks that list their characters.
    const many = [...Array(HANGUL_FIRST + 30)].map((_, i) => String.fromCodePoint(0xac00 + i * 3)).join("");
    const big = fontPlan({ ...SITE, ko: new Map([...counts(many), ["골", 50]]) });
    const chunks = big.ko.filter((p) => p.name.startsWith("hangul-ko-"));
    expect(chunks).toHaveLength(2);
    expect(chunks[0]!.chars).toContain("골");
    expect(chunks[1]!.range).not.toContain("D7A3");
    expect(chunks[1]!.chars.length).toBeGreaterThan(0);
    // The most used (the layouts' title, a name on every page) are in the first chunk.
    for (const ch of "서울골") expect(chunks[1]!.chars).not.toContain(ch);
  });

  it("leaves out characters Pretendard does not have", () => {
    const plan = fontPlan({ ...SITE, both: new Map([...SITE.both, ["𓀀", 5], ["漢", 5]]) });
    expect(plan.en[0]!.chars).not.toContain("𓀀");
    expect(plan.en[0]!.chars).not.toContain("漢");
  });
});

describe("what a page downloads", () => {
  const manifest = manifestOf(SITE);
  const names = (text: string, lang: "en" | "ko") =>
    pageFonts(text, lang, manifest)
      .faces.map((f) => `${f.name}-${f.weight}`)
      .sort();

  it("an English page with only the site's Korean title loads the Latin files and the layouts' few syllables", () => {
    expect(names("Seoul District Atlas 서울 자치구 아틀라스", "en")).toEqual([
      "hangul-en-common-400",
      "hangul-en-common-700",
      "latin-400",
      "latin-700",
    ]);
  });

  it("an English page with district names loads the English Hangul file; a Korean page the Korean one", () => {
    expect(names("Gwanak-gu 관악구", "en")).toContain("hangul-en-400");
    expect(names("골목경제지원센터 2023", "ko")).toEqual(["hangul-ko-0-400", "hangul-ko-0-700", "latin-400", "latin-700"]);
    expect(names("Gwanak-gu 관악구", "en")).not.toContain("hangul-ko-0-400");
  });

  it("reads a page's text, not its markup, scripts or styles", () => {
    const text = pageText(
      '<html lang="en"><head><style>a{content:"꿻"}</style><script>"뷁"</script></head><p title="x">A&amp;B &#xAC00;</p><input placeholder="찾기">',
    );
    expect(text).toContain("A&B");
    expect(text).toContain("가");
    expect(text).toContain("찾기");
    expect(text).not.toMatch(/[꿻뷁]/);
  });

  it("fails a page that shows a character Pretendard lacks, naming the page, the code point and the character", () => {
    const problems = pageFontProblems(
      [
        { url: "/stories/odd/", lang: "en", html: "<p>An odd sign: 𓀀, and 漢.</p>" },
        { url: "/stories/fine/", lang: "en", html: "<p>Fine 서울</p>" },
      ],
      manifest,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "character-not-in-font", file: "/stories/odd/" });
    expect(problems[0]!.message).toContain("U+13000 “𓀀”");
    expect(problems[0]!.message).toContain("U+6F22 “漢”");
    expect(problems[0]!.hint).toMatch(/another way/);
  });

  it("names a character Pretendard has but the files lack (text the font's scan missed)", () => {
    const problems = pageFontProblems([{ url: "/ko/x/", lang: "ko", html: "<p>뷁</p>" }], manifest);
    expect(problems.map((p) => p.code)).toEqual(["character-not-in-subset"]);
    expect(problems[0]!.message).toContain("U+BDC1 “뷁”");
  });
});

describe("share cards", () => {
  it("cut their font with the Hangul of a Korean card", async () => {
    const [regular, bold] = await cardFonts("관악S밸리 골목경제지원센터 1,400억 원", tmp);
    for (const file of [regular!, bold!]) {
      const cmap = cmapOf(await readFile(file));
      for (const ch of "관악밸리골목경제지원센터억원") expect(cmap.has(ch.codePointAt(0)!), ch).toBe(true);
    }
  });
});

describe("budgets", () => {
  const manifest = { schema: 1, inputs_sha256: "", datasets: {}, outputs: [] } as unknown as Manifest;
  const page = (url: string, htmlBytes: number, lang: "en" | "ko", fontBytes = 0): PageLoad => ({
    url,
    html: { path: url, bytes: htmlBytes },
    js: [],
    css: [],
    data: [],
    lang,
    fonts: fontBytes ? [{ path: "/assets/fonts/x.woff2", bytes: fontBytes }] : [],
  });
  const weights = [
    page("/stories/heavy/", 30 * KB, "en"),
    page("/ko/stories/fonts/", 5 * KB, "ko", 160 * KB),
    page("/stories/light/", 5 * KB, "en", 90 * KB),
  ];

  it("fail the build: a page over the first-view budget or over its edition's font budget is an error", () => {
    const report = collectBuildReport({ root: process.cwd(), manifest, figures: [], results: [], weights, siteUrl: "https://x.example" });
    expect(report.errors.map((e) => `${e.code} ${e.file}`).sort()).toEqual([
      "page-fonts-over-budget /ko/stories/fonts/",
      "page-over-budget /stories/heavy/",
    ]);
    expect(report.errors.find((e) => e.code === "page-over-budget")!.message).toContain(`budget ${(BUDGETS.firstView / KB).toFixed(1)} KB`);
    expect(report.errors.find((e) => e.code === "page-fonts-over-budget")!.message).toContain("Korean edition");
  });

  it("name a story over a budget by the file its writer edits, and its address in the message", () => {
    // Real story files (the report reads their front matter), at the addresses of the weights above.
    const results = [
      { inputPath: "./src/stories/gwanak-s-valley.md", url: "/stories/heavy/", outputPath: "_site/stories/heavy/index.html" },
      { inputPath: "./src/ko/stories/gwanak-s-valley.md", url: "/ko/stories/fonts/", outputPath: "_site/ko/stories/fonts/index.html" },
    ];
    const report = collectBuildReport({ root: process.cwd(), manifest, figures: [], results, weights, siteUrl: "https://x.example" });
    const first = report.errors.find((e) => e.code === "page-over-budget")!;
    expect(first.file).toBe("src/stories/gwanak-s-valley.md");
    expect(first.message).toMatch(/^its page, \/stories\/heavy\/, loads a first view of 30\.0 KB/);
    expect(first.hint).toContain("shorten the text");
    expect(report.errors.find((e) => e.code === "page-fonts-over-budget")!.file).toBe("src/ko/stories/gwanak-s-valley.md");
  });

  it("list on the report page every story's weights and every other page over a budget, and no other page", () => {
    const more = [...weights, page("/about/", 30 * KB, "en"), page("/data/", 5 * KB, "en")];
    const report = collectBuildReport({ root: process.cwd(), manifest, figures: [], results: [], weights: more, preview: true });
    expect(
      listedWeights(report)
        .map((w) => w.url)
        .sort(),
    ).toEqual(["/about/", "/ko/stories/fonts/", "/stories/heavy/", "/stories/light/"]);
  });

  it("reach the site's shard of a large build as what the report names, and give the same report", () => {
    // Two shards' pages: stories, embed pages (one the heaviest in JavaScript), an over-budget page, light pages.
    const heavyJs = { ...page("/embed/b-1/", 3 * KB, "en"), js: [{ path: "/assets/x.js", bytes: 9 * KB }] };
    const shards = [
      [...weights, page("/embed/a-1/", 4 * KB, "en"), page("/embed/a-2/", 4 * KB, "en")],
      [page("/stories/b/", 6 * KB, "en"), heavyJs, page("/about/", 30 * KB, "en"), page("/ko/embed/b-1/", 2 * KB, "ko", 20 * KB)],
    ];
    const all = shards.flat();
    const kept = shards.flatMap(reportedWeights);
    expect(kept.map((w) => w.url)).not.toContain("/embed/a-2/");
    const report = (w: PageLoad[]) =>
      collectBuildReport({ root: process.cwd(), manifest, figures: [], results: [], weights: w, preview: true });
    expect(listedWeights(report(kept))).toEqual(listedWeights(report(all)));
    expect(report(kept).warnings).toEqual(report(all).warnings);
    expect(briefReport(report(kept)).weights).toEqual(briefReport(report(all)).weights);
  });

  it("are warnings in a preview", () => {
    const report = collectBuildReport({ root: process.cwd(), manifest, figures: [], results: [], weights, preview: true });
    expect(report.errors).toEqual([]);
    expect(report.warnings.filter((w) => /over-budget/.test(w.code))).toHaveLength(2);
  });
});
