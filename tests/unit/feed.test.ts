import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FEED_ENTRIES, render } from "../../src/feed.11ty.ts";
import type { CollectionItem, PageData } from "../../src/site/types.ts";

let dir = "";
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function story(n: number): CollectionItem {
  const day = String((n % 28) + 1).padStart(2, "0");
  const month = String(Math.floor(n / 28) + 1).padStart(2, "0");
  return {
    url: `/stories/s-${n}/`,
    date: new Date(`2026-${month}-${day}T00:00:00Z`),
    inputPath: `./src/stories/s-${n}.md`,
    fileSlug: `s-${n}`,
    data: { title: `Story <${n}>` },
    content: `<p>Text of story ${n} with <a href="/districts/gwanak-gu/">a link</a>.</p>`,
  };
}

describe("the Atom feed", () => {
  it(`holds the ${FEED_ENTRIES} newest stories, newest first, with escaped titles and absolute links`, async () => {
    dir = mkdtempSync(join(tmpdir(), "feed-"));
    vi.spyOn(process, "cwd").mockReturnValue(dir);
    const stories = Array.from({ length: FEED_ENTRIES + 10 }, (_, i) => story(i));
    const site = { title: "Atlas", title_ko: "", description: "d", lang: "en", url: "https://atlas.example", author: "desk", nav: [] };
    const data = { site, collections: { all: stories, story: stories } } as unknown as PageData;
    const feed = new XMLParser({ ignoreAttributes: false }).parse(await render(data)).feed;
    const entries = [feed.entry].flat();
    expect(entries).toHaveLength(FEED_ENTRIES);
    // Stories 0…59 are dated in increasing order, so the newest is the last one.
    expect(entries[0].title).toBe(`Story <${FEED_ENTRIES + 9}>`);
    expect(entries.at(-1).title).toBe("Story <10>");
    expect(feed.updated).toBe(entries[0].updated);
    expect(entries[0].content["#text"] ?? entries[0].content).toContain("https://atlas.example/districts/gwanak-gu/");
  });
});
