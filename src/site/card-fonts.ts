/**
 * The share cards' typeface (Pretendard, regular and bold) cut down to the characters the
 * cards to be drawn use. resvg reads the fonts afresh for every card, and reading a whole
 * 1.5 MB OpenType font took about 40 ms of the 60 ms a card took; with a subset it takes
 * about 2 ms, and the glyphs, metrics and kerning of the characters kept are the same, so
 * the cards are the same (tests/unit/share-card.test.ts compares them byte for byte).
 * Subsets are cached by content: the font's bytes and the characters.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { writeFileAtomic } from "../../scripts/lib/atomic.ts";
import { PRETENDARD_OTF } from "./assets-manifest.ts";

const require = createRequire(import.meta.url);

/** The full fonts, regular then bold. */
export const CARD_FONT_FILES = [PRETENDARD_OTF.regular, PRETENDARD_OTF.bold].map((f) => require.resolve(f));

/** Printable ASCII, the five characters markup escapes, and the ellipsis of wrapped titles: always kept. */
const ALWAYS = `${Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join("")}…`;

/** Paths of the fonts subset to `text` (every character it contains), written to `cacheDir` once. */
export async function cardFonts(text: string, cacheDir: string): Promise<string[]> {
  const chars = [...new Set(`${ALWAYS}${text}`)].filter((ch) => ch >= " ").sort();
  const { default: subsetFont } = await import("subset-font");
  const paths: string[] = [];
  for (const file of CARD_FONT_FILES) {
    const font = await readFile(file);
    const key = createHash("sha256").update(font).update("\0").update(chars.join("")).digest("hex").slice(0, 20);
    const path = join(cacheDir, `${key}.otf`);
    if (!existsSync(path)) await writeFileAtomic(path, await subsetFont(font, chars.join(""), { targetFormat: "sfnt" }));
    paths.push(path);
  }
  return paths;
}
