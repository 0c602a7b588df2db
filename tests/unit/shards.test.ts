/** How a build is split into shards of stories (scripts/lib/shards.ts) and what the site's shard reads back (src/site/shard-results.ts). */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { largestNode, nodeTreeRss } from "../../scripts/bench/build.bench.ts";
import { DEFAULT_SHARD_SIZE, isStoryFile, planShards, shardIncludes, shardSize } from "../../scripts/lib/shards.ts";
import { sortLikeEleventy, stubItems } from "../../src/site/shard-results.ts";

const input = mkdtempSync(join(tmpdir(), "shards-"));
const write = (path: string) => {
  mkdirSync(join(input, path, ".."), { recursive: true });
  writeFileSync(join(input, path), "---\ntitle: x\n---\n");
};
for (const slug of ["e", "a", "d", "c", "b"]) write(`stories/${slug}.md`);
write("ko/stories/b.md");
write("ko/stories/d.md");
write("stories/stories.11tydata.ts");
write("styleguide/index.md");
write("index.11ty.ts");

afterAll(() => rmSync(input, { recursive: true, force: true }));

describe("planShards", () => {
  it("builds in one process while the stories fit in one shard", () => {
    expect(planShards(input, "/tmp/x", 5)).toBeUndefined();
  });

  it("splits the stories by file name, a story and its Korean version in the same shard", () => {
    const plan = planShards(input, "/tmp/x", 2)!;
    const names = plan.shards.map((s) => s.map((f) => f.slice(input.length + 1)).sort());
    expect(names).toEqual([
      ["ko/stories/b.md", "stories/a.md", "stories/b.md"],
      ["ko/stories/d.md", "stories/c.md", "stories/d.md"],
      ["stories/e.md"],
    ]);
    expect(plan.dir).toBe("/tmp/x");
  });

  it("gives each shard its own stories and the site's shard every other page", () => {
    const plan = planShards(input, "/tmp/x", 2)!;
    const second = shardIncludes({ plan, index: 1, kind: "stories" }, input);
    expect(second(join(input, "stories/c.md"))).toBe(true);
    expect(second(join(input, "stories/a.md"))).toBe(false);
    expect(second(join(input, "index.11ty.ts"))).toBe(false);
    const site = shardIncludes({ plan, index: 3, kind: "site" }, input);
    expect(site(join(input, "index.11ty.ts"))).toBe(true);
    expect(site(join(input, "styleguide/index.md"))).toBe(true);
    expect(site(join(input, "stories/a.md"))).toBe(false);
    expect(site(join(input, "ko/stories/d.md"))).toBe(false);
    expect(shardIncludes(undefined, input)(join(input, "stories/a.md"))).toBe(true);
  });

  it("counts as stories only Markdown directly in stories/ or ko/stories/", () => {
    expect(isStoryFile(input, join(input, "stories/a.md"))).toBe(true);
    expect(isStoryFile(input, join(input, "ko/stories/a.md"))).toBe(true);
    expect(isStoryFile(input, join(input, "stories/stories.11tydata.ts"))).toBe(false);
    expect(isStoryFile(input, join(input, "styleguide/index.md"))).toBe(false);
    expect(isStoryFile(input, join(input, "stories/drafts/a.md"))).toBe(false);
  });
});

describe("ATLAS_SHARD_SIZE", () => {
  it("defaults to a thousand stories and takes a whole number", () => {
    expect(shardSize({})).toBe(DEFAULT_SHARD_SIZE);
    expect(DEFAULT_SHARD_SIZE).toBe(1000);
    expect(shardSize({ ATLAS_SHARD_SIZE: "250" })).toBe(250);
  });

  it("refuses anything else, saying what to write", () => {
    for (const bad of ["0", "-3", "2.5", "many"]) expect(() => shardSize({ ATLAS_SHARD_SIZE: bad })).toThrow(/a whole number from 1/);
  });
});

describe("the other shards' stories in the site's lists", () => {
  const result = (stories: { url: string; date: string; content?: string }[]) => ({
    pages: [],
    figures: [],
    measured: { weights: [], problems: [] },
    made: { figuresDrawn: 0, pagesWritten: 0, pagesLinked: 0, cardsDrawn: 0, cards: 0, steps: {} },
    stories: stories.map((s) => ({
      ...s,
      inputPath: `./src${s.url.slice(0, -1)}.md`,
      fileSlug: "x",
      outputPath: false as const,
      data: { title: s.url },
    })),
  });

  it("are collection items with dates, in Eleventy's order", () => {
    const items = sortLikeEleventy(
      stubItems([
        result([{ url: "/stories/b/", date: "2026-02-01T00:00:00.000Z" }]),
        result([{ url: "/stories/a/", date: "2026-01-01T00:00:00.000Z" }]),
      ]),
    );
    expect(items.map((i) => i.url)).toEqual(["/stories/a/", "/stories/b/"]);
    expect(items[0]!.date).toBeInstanceOf(Date);
  });

  it("keep the text of the feed's stories, and refuse to make up the others'", () => {
    const [kept, dropped] = stubItems([
      result([
        { url: "/stories/a/", date: "2026-01-01T00:00:00.000Z", content: "<p>A</p>" },
        { url: "/stories/b/", date: "2026-01-01T00:00:00.000Z" },
      ]),
    ]);
    expect(kept!.content).toBe("<p>A</p>");
    expect(() => dropped!.content).toThrow(/not kept by its shard/);
  });
});

describe("the build benchmark's peak memory", () => {
  it("takes the largest peak among the build's Node processes (the build's own, or a shard's)", () => {
    const line = (pid: number, maxRSS: number) => JSON.stringify({ pid, ppid: 1, maxRSS });
    expect(largestNode(`${[line(11, 400_000), line(12, 650_000), line(10, 90_000)].join("\n")}\n`)).toBe(650_000);
  });

  it("adds up the Node processes running at once: this test's own process and a child", async () => {
    const child = spawn(process.execPath, ["-e", "const a = Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => a.length, 5000)"], {
      stdio: "ignore",
    });
    try {
      // The child's 200 MB are resident once it has filled them.
      let kb = 0;
      for (let i = 0; i < 50 && kb < 200 * 1024; i++) {
        await new Promise((r) => setTimeout(r, 100));
        kb = nodeTreeRss(child.pid!);
      }
      expect(kb).toBeGreaterThan(200 * 1024);
      // This process's own memory and its child's (20 MB of slack for what moved between the readings).
      expect(nodeTreeRss(process.pid)).toBeGreaterThan(process.memoryUsage.rss() / 1024 + kb - 20 * 1024);
    } finally {
      child.kill();
    }
  });
});

describe("what a build says it made", () => {
  it("says files taken from the cache were in it already, not that they are unchanged (a page edited in the preview is)", async () => {
    const { madeLines } = await import("../../scripts/lib/shard-run.ts");
    const [cache, steps] = madeLines({
      figuresDrawn: 1,
      pagesWritten: 2,
      pagesLinked: 240,
      cardsDrawn: 0,
      cards: 5,
      steps: { figures: 1200, pages: 300 },
    });
    expect(cache).toBe(
      "cache: 1 figure drawn, 2 of 242 files made anew (the others were in the cache, from an earlier build or the preview), 0 of 5 share cards drawn",
    );
    expect(steps).toBe("steps: figures 1.2 s, pages 0.3 s");
  });
});
