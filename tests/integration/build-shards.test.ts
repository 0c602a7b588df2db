/**
 * The build in shards (scripts/lib/shards.ts): a site built two stories per process must be
 * the site built in one process, file for file — the lists, feeds, sitemap, district pages,
 * data catalogue, search index and build report included — and a problem in a story of a
 * later shard, or between stories of two shards, must stop the build as it does in one
 * process, leaving _site/ as it was.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchStory, storyFile } from "../../scripts/bench/bench-site.ts";
import { runBuild, type ScratchSite, scratchSite } from "../helpers/scratch-site.ts";

/** A month from today: a story dated then is scheduled. */
const LATER = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** Bench stories with districts (the district pages list them) and one date in the future (scheduled: left out). */
function story(n: number): string {
  const districts = ["[gwanak-gu]", "[geumcheon-gu, gwanak-gu]", "all", "[gangbuk-gu]", "[gwanak-gu]", "[mapo-gu]", "[jongno-gu]"][n - 1];
  const text = benchStory(n).replace(/^date: .*$/m, `date: 2026-0${n}-1${n}\ndistricts: ${districts}\nbyline: Desk ${n}`);
  return n === 6 ? text.replace(/^date: .*$/m, `date: ${LATER}`) : text;
}

/** The Korean version of story 2, with a figure of its own story and one of story 7 (another shard: both write its embed page). */
const KOREAN = `---
title: "벤치마크 기사 2"
dek: 빌드 벤치마크를 위해 만든 기사의 한국어판이다.
date: 2026-02-13
districts: [geumcheon-gu, gwanak-gu]
translation_key: story-00002
---

벤치마크를 위해 만든 한국어 기사다.

\`\`\`figure
use: story-00002-1
\`\`\`

다른 기사의 그래픽도 함께 싣는다.

\`\`\`figure
use: story-00007-2
\`\`\`
`;

/** Every file under `dir`, by path, its bytes as latin1 text (the build report without the minute it was built). */
function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, "latin1").replace(/Built \d{4}-\d\d-\d\d \d\d:\d\d UTC/, "Built …"));
    }
  };
  walk(dir);
  return out;
}

describe("the build in shards", () => {
  let site: ScratchSite;
  let whole: Map<string, string>;
  let sharded: Map<string, string>;
  let shardedOutput: string;
  const env = { ...process.env };

  beforeAll(async () => {
    const stories: Record<string, string> = {};
    for (let n = 1; n <= 7; n++) stories[storyFile(n)] = story(n);
    site = scratchSite("shards", { stories });
    writeFileSync(join(site.root, "src", "ko", "stories", storyFile(2)), KOREAN);
    await runBuild(site.root);
    whole = files(site.site);
    cpSync(site.site, join(site.root, "_site.whole"), { recursive: true });
    process.env.ATLAS_SHARD_SIZE = "2";
    process.env.ATLAS_FULL_BUILD = "1";
    shardedOutput = (await runBuild(site.root)).output;
    sharded = files(site.site);
  }, 300_000);

  afterAll(() => {
    process.env = env;
    site?.remove();
  });

  it("runs one process per two stories, then builds the other pages in its own", () => {
    // Seven English stories and one Korean (with its English story): four shards, then the site's.
    expect(shardedOutput).toContain("8 story files in 4 shards of at most 3 files, one process each, then the other pages in this one");
    expect(shardedOutput).toMatch(/shard 5 of 5 \(the other pages, search index and build report\)/);
    // Each shard keeps its pages' facts in its own file (a shared one lost them: every build measured every page again),
    // and the file of the build in one process before it is gone.
    const facts = readdirSync(join(site.root, ".cache")).filter((f) => f.startsWith("pages.facts"));
    expect(facts.sort()).toEqual([0, 1, 2, 3, 4].map((i) => `pages.facts.${i}.json`));
  });

  it("writes the same site as a build in one process, file for file", () => {
    expect([...sharded.keys()].sort()).toEqual([...whole.keys()].sort());
    const differ = [...whole].filter(([path, text]) => sharded.get(path) !== text).map(([path]) => path);
    expect(differ).toEqual([]);
    // What that covers: the lists of the site's shard name stories rendered by the others.
    const text = (path: string) => Buffer.from(whole.get(path) ?? "", "latin1").toString("utf8");
    const home = text("index.html");
    for (const n of [1, 2, 3, 4, 5, 7]) expect(home).toContain(`Benchmark story ${n}<`);
    expect(home).not.toContain("Benchmark story 6<");
    expect(text(join("districts", "gwanak-gu", "index.html"))).toContain("Benchmark story 5<");
    expect(text("feed.xml")).toContain("Paragraph text for benchmark story 7");
    expect(text(join("ko", "feed.xml"))).toContain("벤치마크를 위해 만든 한국어 기사다.");
    expect(text("sitemap.xml")).toContain("/ko/stories/story-00002/");
    expect(text("build-report.html")).toContain("story-00006.md");
    // An embed page credits its figure's own story, whichever page (and shard) placed it first:
    // story 7's figure, shown on story 2's Korean page, leads to story 7, in English (it has no Korean page).
    const credit = (path: string) => /<p class="embed-credit">(.*)<\/p>/.exec(text(join(...path.split("/"), "index.html")))?.[1];
    expect(credit("ko/embed/story-00007-2")).toContain('<a href="/stories/story-00007/#story-00007-2" hreflang="en">영문 기사 보기</a>');
    expect(credit("ko/embed/story-00002-1")).toContain('<a href="/ko/stories/story-00002/#story-00002-1">기사 보기</a>');
    expect(credit("embed/story-00007-2")).toContain('<a href="/stories/story-00007/#story-00007-2">Read the story</a>');
  });

  it("stops at a problem in a later shard's story, with its file and line, and keeps _site/ as it was", async () => {
    const file = join(site.root, "src", "stories", storyFile(7));
    writeFileSync(file, story(7).replace("districts: [jongno-gu]", "districts: [jongno-goo]"));
    const failed = await runBuild(site.root).then(
      () => "",
      (error: Error) => error.message,
    );
    expect(failed).toMatch(/src\/stories\/story-00007\.md:\d+/);
    expect(failed).toContain("jongno-goo");
    expect(files(site.site)).toEqual(sharded);
    writeFileSync(file, story(7));
  }, 300_000);

  it("finds two stories of different shards that give a figure the same id", async () => {
    const first = join(site.root, "src", "stories", storyFile(1));
    const last = join(site.root, "src", "stories", storyFile(7));
    const withId = (n: number) => story(n).replace(`title: Density map ${n}`, `title: Density map ${n}\nid: shared-map`);
    writeFileSync(first, withId(1));
    writeFileSync(last, withId(7));
    const failed = await runBuild(site.root).then(
      () => "",
      (error: Error) => error.message,
    );
    expect(failed).toMatch(
      /src\/stories\/story-0000[17]\.md:\d+:id — the figure id "shared-map" is already used by the figure at src\/stories\/story-0000[17]\.md:\d+/,
    );
    expect(files(site.site)).toEqual(sharded);
    writeFileSync(first, story(1));
    writeFileSync(last, story(7));
    rmSync(join(site.root, "_site.whole"), { recursive: true, force: true });
  }, 300_000);
});
