/**
 * The page writer measures each page's gzip size and characters once per content and keeps
 * them beside the page store (docs/build.md). A build split by stories runs one writer per
 * shard: each must find its own pages' facts on the next build, whatever the other shards did.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ContentCache } from "../../scripts/lib/content-cache.ts";
import { pageFactsFile } from "../../scripts/lib/shards.ts";
import type { SiteFigures } from "../../src/figures/site-figures.ts";
import { PageWriter } from "../../src/site/page-writer.ts";
import type { SiteData } from "../../src/site/types.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Pages without figures: the writer only fills in placeholders, of which there are none. */
const figures = { expand: (html: string) => html } as unknown as SiteFigures;
const page = (n: number) => `<!doctype html><html lang="en"><body><p>Story number ${n}</p></body></html>`;

async function build(cache: string, out: string, shard: number, pages: number[]): Promise<PageWriter> {
  const writer = new PageWriter({
    figures,
    site: {} as SiteData,
    store: new ContentCache(join(cache, "pages")),
    factsFile: pageFactsFile(shard),
  });
  writer.reset(out);
  for (const n of pages)
    await writer.write(page(n), {
      url: `/s/${n}/`,
      inputPath: `./src/stories/${n}.md`,
      outputPath: join(out, "s", String(n), "index.html"),
    });
  await writer.finish();
  return writer;
}

describe("page facts in a build split by stories", () => {
  it("keeps each shard's facts when a smaller shard saves its own, so the next build measures nothing again", async () => {
    const root = mkdtempSync(join(tmpdir(), "atlas-facts-"));
    dirs.push(root);
    const cache = join(root, ".cache");
    const big = Array.from({ length: 1100 }, (_, i) => i);
    await build(cache, join(root, "out1"), 0, big);
    await build(cache, join(root, "out1"), 1, [5000, 5001]);
    const file = join(cache, "pages.facts.0.json");
    const before = statSync(file).mtimeMs;
    // The same pages again (as a full build from warm caches renders them): every fact is found.
    const again = await build(cache, join(root, "out2"), 0, big);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(Object.keys(JSON.parse(readFileSync(file, "utf8")) as object)).toHaveLength(1100);
    // And what the build report gets of each page: its gzip size, found, not measured.
    const first = again.all().find((p) => p.url === "/s/0/");
    expect(first?.refs?.htmlBytes).toBeGreaterThan(40);
  });
});
