/**
 * Share cards are drawn beside the build: while its thread draws figures and renders pages
 * (busy, its file and message events waiting), a process of their own draws and writes the
 * cards; a card queued before its page is written (`prefetch`) is drawn once and linked
 * beside the page when the page asks for it.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ShareCards } from "../../src/site/share-card.ts";

const dir = mkdtempSync(join(tmpdir(), "card-pool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pngs = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith(".png")) : []);
const page = (name: string) => {
  mkdirSync(join(dir, "site", name), { recursive: true });
  return join(dir, "site", name, "index.html");
};

/** Keep this thread busy (no event of it runs, as while a page renders) until `done`, at most 90 s; whether it came. */
function busyUntil(done: () => boolean): boolean {
  const until = Date.now() + 90_000;
  while (!done()) {
    if (Date.now() > until) return false;
    const spin = Date.now() + 50;
    while (Date.now() < spin);
  }
  return true;
}

describe("share cards drawn beside the build", () => {
  it("are drawn and written while the build's thread is busy, as it is while Eleventy renders pages", async () => {
    const cacheDir = join(dir, "busy");
    const cards = new ShareCards({ cacheDir });
    // One batch of cards, queued as the page writer queues them.
    for (let n = 1; n <= 48; n++)
      cards.add({ card: { site: "Atlas", title: `Story ${n}`, dek: "A dek." }, outputPath: page(`story-${n}`) });
    expect(busyUntil(() => pngs(cacheDir).length === 48)).toBe(true);
    await cards.finish();
    expect(readdirSync(join(dir, "site", "story-7"))).toContain("share.png");
  }, 180_000);

  it("draws a prefetched card before its page asks for it, once, and links it beside the page", async () => {
    const cacheDir = join(dir, "prefetch");
    const cards = new ShareCards({ cacheDir });
    const card = { site: "Atlas", title: "관악S밸리 2.0", dek: "Gwanak-gu's startup plan." };
    // A batch of cards queued from the stories' front matter, before any page is rendered.
    cards.prefetch({ card });
    for (let n = 1; n < 48; n++) cards.prefetch({ card: { ...card, title: `Story ${n}` } });
    expect(busyUntil(() => pngs(cacheDir).length === 48)).toBe(true);
    const target = cards.add({ card, outputPath: page("gwanak") });
    // A page whose card came out otherwise than its prefetch: drawn for the page.
    const other = cards.add({ card: { ...card, title: "관악S밸리" }, outputPath: page("gwanak-other") });
    await cards.finish();
    expect(cards.stats).toEqual({ cards: 2, drawn: 49 });
    expect(pngs(cacheDir)).toHaveLength(49);
    expect(pngs(cacheDir).map((f) => readFileSync(join(cacheDir, f)))).toContainEqual(readFileSync(target));
    expect(readFileSync(other)).not.toEqual(readFileSync(target));
    // The typeface was cut into this build's own cache folder.
    expect(readdirSync(join(cacheDir, "fonts")).filter((f) => f.endsWith(".otf")).length).toBeGreaterThan(0);
  }, 180_000);
});
