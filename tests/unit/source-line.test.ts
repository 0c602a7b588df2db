/**
 * A figure's source line in each edition: a Korean page prints the bibliography's Korean
 * words for a source where it has them (a description such as "Third-party code file" or
 * "headline not recorded" is the atlas's, not the source's, and is written in the reader's
 * language), and an undated source says so in that language.
 */
import { describe, expect, it } from "vitest";
import type { Source } from "../../src/figures/datasets.ts";
import { sourceLine } from "../../src/figures/furniture.ts";

const code: Source = {
  id: "code-x",
  publisher: "Third-party code file (repository not known)",
  title: "Gu-office address list",
  // No address: a third-party code file has none.
  url: undefined as unknown as string,
  published: "n.d.",
  language: "ko",
  licence: "unknown (third-party code file), cited as a source",
  type: "CODE",
  publisher_ko: "제3자 코드 파일(저장소 미상)",
  title_ko: "구청 주소 목록",
};
const news: Source = {
  id: "news-x",
  publisher: "The Korea Times",
  title: "Seoul's 2021 greenhouse gas emissions",
  url: "https://www.koreatimes.co.kr/x",
  published: "2022-05-10",
  language: "en",
  licence: "© The Korea Times, cited as a source",
  type: "NEWS",
};

describe("a figure's source line", () => {
  it("is in Korean words on a Korean page, where the bibliography gives them, and keeps a headline as printed", () => {
    const ko = sourceLine([code, news], "ko").value;
    expect(ko).toContain("출처:</span> 제3자 코드 파일(저장소 미상), 구청 주소 목록 (날짜 미상)");
    expect(ko).toContain(">The Korea Times</a>, Seoul&#39;s 2021 greenhouse gas emissions (2022)");
    expect(ko).not.toContain("Third-party");
    // A source without an address is named, not linked (an empty href would lead back to the page).
    expect(ko).not.toContain('href=""');
  });

  it("is in English on an English page", () => {
    const en = sourceLine([code], "en").value;
    expect(en).toContain("Third-party code file (repository not known), Gu-office address list (n.d.)");
  });
});
