/**
 * The share cards' typeface (Pretendard, regular and bold) cut down to the characters the
 * cards to be drawn use. resvg reads the fonts afresh for every card, and reading a whole
 * 1.5 MB OpenType font took about 40 ms of the 60 ms a card took; with a subset it takes
 * about 2 ms, and the glyphs, metrics and kerning of the characters kept are the same, so
 * the cards are the same (tests/unit/share-card.test.ts compares them byte for byte).
 * Subsets are cached by content: the font's bytes and the characters.
 */
import { createHash, type Hash } from "node:crypto";
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

type SubsetFont = (font: Buffer, text: string, options: { targetFormat: "sfnt" }) => Promise<Buffer>;

/** The characters a subset of `text` keeps: the printable ones of `text` and ALWAYS, each once, sorted. */
export function characters(text: string): string {
  const set = new Set(ALWAYS);
  for (const ch of text) if (ch >= " ") set.add(ch);
  return [...set].sort().join("");
}

/**
 * Cuts the typeface for the batches of one build: the fonts are read and hashed once (they
 * were read again for every batch of 48 cards), and a batch with the characters of the
 * one before reuses its subset.
 */
export class CardFonts {
  /** The subsetter and the fonts, each with its hash so far (its bytes and a separator). */
  private loaded?: Promise<{ subset: SubsetFont; fonts: { base: Hash; bytes: Buffer }[] }>;
  private last?: { chars: string; paths: string[] };

  constructor(private readonly cacheDir: string) {}

  /** Paths of the fonts cut to `text` (every character it contains), written to the cache folder once. */
  async cut(text: string): Promise<string[]> {
    this.loaded ??= (async () => {
      const { default: subset } = (await import("subset-font")) as unknown as { default: SubsetFont };
      const fonts = await Promise.all(CARD_FONT_FILES.map((f) => readFile(f)));
      return { subset, fonts: fonts.map((bytes) => ({ base: createHash("sha256").update(bytes).update("\0"), bytes })) };
    })();
    const { subset, fonts } = await this.loaded;
    const chars = characters(text);
    if (this.last?.chars === chars) return this.last.paths;
    const paths: string[] = [];
    for (const font of fonts) {
      const key = font.base.copy().update(chars).digest("hex").slice(0, 20);
      const path = join(this.cacheDir, `${key}.otf`);
      if (!existsSync(path)) await writeFileAtomic(path, await subset(font.bytes, chars, { targetFormat: "sfnt" }));
      paths.push(path);
    }
    this.last = { chars, paths };
    return paths;
  }
}

/** Paths of the fonts subset to `text` (every character it contains), written to `cacheDir` once. */
export function cardFonts(text: string, cacheDir: string): Promise<string[]> {
  return new CardFonts(cacheDir).cut(text);
}
