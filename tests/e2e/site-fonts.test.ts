/**
 * The font check on a real build (a scratch copy of the site, tests/helpers/scratch-site.ts):
 * a story with a character the site font (Pretendard) does not have stops the build, which
 * names the page, the code point and the character, and says how to fix it.
 */
import { afterAll, expect, it } from "vitest";
import { scratchSite } from "../helpers/scratch-site.ts";

const STORY = `---
title: A story with a hieroglyph
dek: One character of it is in no font the site ships.
date: 2026-01-01
---

The sign 𓀀 is not in Pretendard; Seoul (서울) and Gwanak-gu (관악구) are.
`;

const fixture = scratchSite("fonts", { stories: { "odd-sign.md": STORY } });
afterAll(() => fixture.remove());

it("stops the build on a character the font lacks, naming the page and the character", async () => {
  const failure = await fixture.build().then(
    () => "",
    (error: Error) => error.message,
  );
  expect(failure).toContain("/stories/odd-sign/");
  expect(failure).toContain("U+13000 “𓀀”");
  expect(failure).toContain("[character-not-in-font]");
  expect(failure).toMatch(/how to fix: Write it another way/);
  // Only that character: the Hangul and Latin of the page are in the font.
  expect(failure).not.toMatch(/U\+(C11C|AD00)/);
}, 300_000);
