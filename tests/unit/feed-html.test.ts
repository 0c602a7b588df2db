import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { feedHtml } from "../../src/site/feed-html.ts";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("feed entries", () => {
  it("make every URL absolute, and give the same HTML from the cache on the next build", async () => {
    dir = mkdtempSync(join(tmpdir(), "feed-"));
    const story = '<p>See <a href="/districts/gwanak-gu/">Gwanak</a> and <a href="notes/">the notes</a>.</p><img src="chart.png" alt="">';
    const first = await feedHtml(story, "https://atlas.example/stories/a/", dir);
    expect(first).toContain('href="https://atlas.example/districts/gwanak-gu/"');
    expect(first).toContain('href="https://atlas.example/stories/a/notes/"');
    expect(first).toContain('src="https://atlas.example/stories/a/chart.png"');
    expect(await feedHtml(story, "https://atlas.example/stories/a/", dir)).toBe(first);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it("convert a story again when its HTML or its address changes", async () => {
    dir = mkdtempSync(join(tmpdir(), "feed-"));
    const story = '<p><a href="notes/">the notes</a></p>';
    await feedHtml(story, "https://atlas.example/stories/a/", dir);
    expect(await feedHtml(story, "https://atlas.example/stories/b/", dir)).toContain('href="https://atlas.example/stories/b/notes/"');
    expect(await feedHtml(`${story}<p><a href="/">home</a></p>`, "https://atlas.example/stories/b/", dir)).toContain(
      'href="https://atlas.example/"',
    );
    expect(readdirSync(dir)).toHaveLength(3);
  });
});
