/**
 * What a shard of the build (scripts/lib/shards.ts) leaves for the others: the facts of the
 * pages it wrote (for the search index and the build report) and its stories as the site's
 * lists read them (home page, district pages, feed, sitemap, data catalogue), with the
 * text of the newest ones for the feed. The site's shard reads them back as collection
 * items beside its own.
 */
import { readFileSync } from "node:fs";
import { writeFileAtomicSync } from "../../scripts/lib/atomic.ts";
import type { PageLoad } from "../../scripts/lib/page-weight.ts";
import type { Problem } from "../../scripts/lib/problems.ts";
import { type Shard, shardFiles } from "../../scripts/lib/shards.ts";
import { FEED_ENTRIES } from "../feed.11ty.ts";
import type { PlacedFigures } from "../figures/site-figures.ts";
import { LANGS } from "../lib/i18n/index.ts";
import type { WrittenPage } from "./page-writer.ts";
import { STORY_KEYS } from "./story-front-matter.ts";
import { type CollectionItem, type StoryData, storiesNewestFirst } from "./types.ts";

/** A story of another shard, as the lists read it. */
export interface StoryStub {
  url: string;
  /** ISO date. */
  date: string;
  inputPath: string;
  fileSlug: string;
  outputPath: string | false;
  /** The story's front matter and edition. */
  data: Record<string, unknown>;
  /** The story's HTML without layout: kept only for the newest stories of each edition (the feed's). */
  content?: string;
}

/** What a build (or a shard of one) drew, wrote and found in the cache. */
export interface BuildMade {
  figuresDrawn: number;
  pagesWritten: number;
  pagesLinked: number;
  cardsDrawn: number;
  cards: number;
  /** Milliseconds of each step of the last build. */
  steps: Record<string, number>;
}

export interface ShardResult {
  /** The pages it wrote, without what each loads (that is in `measured`). */
  pages: Omit<WrittenPage, "refs">[];
  /**
   * What its pages load, as far as the build report names them (build-report.ts,
   * `reportedWeights`), and the characters on them their fonts lack.
   */
  measured: { weights: PageLoad[]; problems: Problem[] };
  stories: StoryStub[];
  /** The figures of its story files, as it placed them (the site's shard does not place them again). */
  figures: PlacedFigures[];
  /** What the shard drew, wrote and found in the cache, and its steps. */
  made: BuildMade;
}

/** What the build prints of a shard (scripts/lib/shard-run.ts), without the pages' facts. */
export interface ShardSummary {
  /** Files the shard wrote. */
  files: number;
  /** The site's shard: the files of the whole build (a figure placed in two shards has its embed page written by both). */
  total?: number;
  /** Peak resident memory of the shard's process when it was done, MB. */
  peakMb: number;
  made: BuildMade;
}

export function writeShardResult(shard: Shard, result: ShardResult): void {
  // A written page's facts only (the writer's record may hold more, such as Eleventy's page object).
  const pages = result.pages.map(({ url, inputPath, outputPath, searchable, digest, figures }) => ({
    url,
    inputPath,
    outputPath,
    searchable,
    digest,
    figures,
  }));
  writeFileAtomicSync(shardFiles.result(shard.plan.dir, shard.index), JSON.stringify({ ...result, pages }));
  writeShardSummary(shard, { files: pages.length, made: result.made });
}

/** What the build prints of this shard, with the process's peak memory so far. */
export function writeShardSummary(shard: Shard, summary: Omit<ShardSummary, "peakMb">): void {
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  writeFileAtomicSync(shardFiles.summary(shard.plan.dir, shard.index), JSON.stringify({ ...summary, peakMb }));
}

/** What the shards before `shard` left. */
export function loadShardResults(shard: Shard): ShardResult[] {
  return Array.from(
    { length: shard.index },
    (_, i) => JSON.parse(readFileSync(shardFiles.result(shard.plan.dir, i), "utf8")) as ShardResult,
  );
}

/** The front matter the lists read, as JSON (a date becomes its ISO string). */
const DATA_KEYS = [...STORY_KEYS.filter((k) => k !== "permalink"), "lang"];

/** A shard's stories as the lists read them; the text of each edition's newest FEED_ENTRIES. */
export function storyStubs(items: CollectionItem[]): StoryStub[] {
  const withText = new Set(LANGS.flatMap((lang) => storiesNewestFirst({ all: [], story: items }, lang).slice(0, FEED_ENTRIES)));
  return items.map((item) => {
    const source = item.data as unknown as Record<string, unknown>;
    const data: Record<string, unknown> = {};
    for (const key of DATA_KEYS) if (source[key] !== undefined) data[key] = source[key];
    const page = item as unknown as { outputPath: string | false };
    return {
      url: item.url,
      date: item.date.toISOString(),
      inputPath: item.inputPath,
      fileSlug: item.fileSlug,
      outputPath: page.outputPath,
      data,
      content: withText.has(item) ? item.content : undefined,
    };
  });
}

/** The other shards' stories as collection items. Reading the text of one the feed does not show is a bug, and throws. */
export function stubItems(results: ShardResult[]): CollectionItem[] {
  return results.flatMap((r) =>
    r.stories.map((stub) => {
      const { content, ...rest } = stub;
      const item = {
        ...rest,
        date: new Date(stub.date),
        data: stub.data as unknown as StoryData,
        page: { url: stub.url, inputPath: stub.inputPath },
      };
      Object.defineProperty(item, "content", {
        enumerable: true,
        get() {
          if (content === undefined)
            throw new Error(
              `The text of ${stub.inputPath} is not kept by its shard of the build (only the newest ${FEED_ENTRIES} stories' are, for the feed).`,
            );
          return content;
        },
      });
      return item as unknown as CollectionItem;
    }),
  );
}

/** Items in Eleventy's order for collections: by date, then input path. */
export function sortLikeEleventy<T extends { date: Date; inputPath: string }>(items: T[]): T[] {
  return items.sort((a, b) => a.date.getTime() - b.date.getTime() || (a.inputPath > b.inputPath ? 1 : a.inputPath < b.inputPath ? -1 : 0));
}
