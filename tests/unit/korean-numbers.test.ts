/** Korean numbers: written as newsrooms write them, and read back for the story-number check. */
import { describe, expect, it } from "vitest";
import { formatWonKo, koreanNumbers, scaledAmountKo } from "../../src/lib/korean-numbers.ts";

const read = (text: string) => koreanNumbers(text).map((n) => [n.text, n.value]);

describe("scaledAmountKo: a figure in a scaled unit (십억 원) written out as Korean news writes it", () => {
  it.each([
    [6, "십억 원", "60억 원"],
    [50, "백만 원", "5,000만 원"],
    [1.92, "백만 ㎡", "192만㎡"],
    [3.3, "십억 달러", "33억 달러"],
    [960, "천 t CO₂eq(출처 표기)", "96만 t CO₂eq(출처 표기)"],
    [14, "조 원", "14조 원"],
  ])("%s %s → %s", (value, unit, text) => {
    expect(scaledAmountKo(value, unit)).toBe(text);
  });

  it("leaves a unit that is not scaled, or an amount below 만, as it is", () => {
    expect(scaledAmountKo(3100, "명")).toBeUndefined();
    expect(scaledAmountKo(9, "천 원")).toBeUndefined();
  });
});

describe("formatWonKo", () => {
  it.each([
    [140e9, "1,400억 원"],
    [56.5e9, "565억 원"],
    [6e9, "60억 원"],
    [824e6, "8억 2,400만 원"],
    [14e12, "14조 원"],
    [50e6, "5,000만 원"],
    [9000, "9,000원"],
    [-2e8, "−2억 원"],
  ])("%d won → %s", (won, text) => {
    expect(formatWonKo(won)).toBe(text);
  });
});

describe("koreanNumbers", () => {
  it.each([
    ["1,400억 원", 140e9],
    ["1400억원", 140e9],
    ["1천400억원", 140e9],
    ["8억2400만 원", 824e6],
    ["8억 2,400만 원", 824e6],
    ["1억 2천만 원", 120e6],
    ["5천만원", 50e6],
    ["14조 원", 14e12],
    ["1.5조 원", 1.5e12],
    ["7만3000㎡", 73000],
    ["7만3천㎡", 73000],
    ["4546만2000t", 45_462_000],
    ["4,944만 5,000t", 49_445_000],
    ["3,100명", 3100],
    ["46개", 46],
    ["40%", 40],
    ["0.67㎢", 0.67],
  ])("reads %s as %d", (text, value) => {
    expect(read(text)).toEqual([[text.replace(/\s?(원|㎡|t|명|개|%|㎢)$/, ""), value]]);
  });

  it("reads each number of a sentence apart", () => {
    expect(read("2023년 3월 15일 450개 기업과 3,100명 일자리, 1,400억 원 투자를 목표로 했다")).toEqual([
      ["2023", 2023],
      ["3", 3],
      ["15", 15],
      ["450", 450],
      ["3,100", 3100],
      ["1,400억", 140e9],
    ]);
  });

  it("does not join two amounts whose units do not continue each other", () => {
    expect(read("60억 원과 2023년")).toEqual([
      ["60억", 6e9],
      ["2023", 2023],
    ]);
    expect(read("60억 2023년")).toEqual([
      ["60억", 6e9],
      ["2023", 2023],
    ]);
    expect(read("3억 5억")).toEqual([
      ["3억", 3e8],
      ["5억", 5e8],
    ]);
  });

  it.each(["14,00억", "1,40억 원", "5만3억", "3억2억", "3.1천"])("rejects %s as malformed", (text) => {
    expect(koreanNumbers(text)[0]!.value).toBeNull();
  });
});

describe("Korean dates", () => {
  it("keep the precision of the data", async () => {
    const { formatPartialDate, parsePartialDate } = await import("../../src/lib/dates.ts");
    const ko = (v: string) => formatPartialDate(parsePartialDate(v)!, "ko");
    expect([ko("2023"), ko("2023-03"), ko("2023-03-15")]).toEqual(["2023년", "2023년 3월", "2023년 3월 15일"]);
    // Node's ICU agrees for a full date.
    expect(new Intl.DateTimeFormat("ko-KR", { dateStyle: "long", timeZone: "UTC" }).format(new Date("2023-03-15"))).toBe(ko("2023-03-15"));
  });
});
