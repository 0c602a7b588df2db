/**
 * The build in shards (docs/build.md, "Large archives: the build in shards"): an archive of more stories
 * than one shard holds is built by one process per shard of stories, one after the other,
 * and a last process for the pages that are not stories (home, districts, feeds, sitemap,
 * data catalogue…), the search index and the build report. Each process holds only its
 * own stories' pages in Eleventy, so the build's memory follows the shard, not the archive.
 *
 * A story and its Korean version (the same file name in stories/ and ko/stories/) go to
 * the same shard, so that each story page's language switch finds its counterpart.
 * The shards write into one staging folder; what the last process needs of the others
 * (their pages' facts, their stories as the lists show them) is left in `dir` as JSON.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";

/** Stories a shard holds unless ATLAS_SHARD_SIZE says otherwise: a 1,000-story site is built in one process. */
export const DEFAULT_SHARD_SIZE = 1000;

/**
 * The page writer's facts file (gzip size and characters of each page, src/site/page-writer.ts)
 * in `.cache/`: one per shard of a build in shards (`shard`: its index), one for a build in one process.
 */
export const pageFactsFile = (shard?: number) => `pages.facts${shard === undefined ? "" : `.${shard}`}.json`;

/** Whether a file name is one `pageFactsFile` gives. */
export const isPageFactsFile = (name: string) => /^pages\.facts(\.\d+)?\.json$/.test(name);

/** The story folders under the input folder, by edition. */
const STORY_DIRS = ["stories", join("ko", "stories")];

/** The files a build in shards leaves in the plan's folder (`ShardPlan.dir`). */
export const shardFiles = {
  plan: (dir: string) => join(dir, "plan.json"),
  /** What shard `index` leaves for the site's shard (src/site/shard-results.ts). */
  result: (dir: string, index: number) => join(dir, `${index}.json`),
  /** What the build prints of shard `index`. */
  summary: (dir: string, index: number) => join(dir, `${index}.summary.json`),
  /** The problems that stopped shard `index` (runCli's --error-file). */
  error: (dir: string, index: number) => join(dir, `${index}.error.json`),
  /** The assets the first shard built into the shared output (src/site/build-assets.ts, shardAssets), for the others. */
  assets: (dir: string) => join(dir, "assets.json"),
  /** The build report's summary, from the site's shard. */
  report: (dir: string) => join(dir, "report.json"),
};

export interface ShardPlan {
  /** Folder for what the shards leave for the last one. */
  dir: string;
  /** Each shard's story files (absolute paths). The last process, the site's, has none. */
  shards: string[][];
}

/** The shard a build process renders (ATLAS_SHARD_PLAN and ATLAS_SHARD_INDEX, set by scripts/build.ts). */
export interface Shard {
  plan: ShardPlan;
  index: number;
  /** `stories`: the stories of shards[index]; `site`: every page that is not a story. */
  kind: "stories" | "site";
}

/** Every story file of the input folder (Markdown directly in stories/ or ko/stories/), as absolute paths. */
export function storyFiles(input: string): string[] {
  const files: string[] = [];
  for (const dir of STORY_DIRS) {
    const path = join(input, dir);
    if (!existsSync(path)) continue;
    for (const entry of readdirSync(path, { withFileTypes: true }))
      if (entry.isFile() && entry.name.endsWith(".md")) files.push(resolve(path, entry.name));
  }
  return files;
}

/** Whether `path` (absolute, or relative to the working folder as Eleventy gives it) is a story of `input`. */
export function isStoryFile(input: string, path: string): boolean {
  const rel = relative(resolve(input), resolve(path));
  return rel.endsWith(".md") && STORY_DIRS.includes(dirname(rel));
}

/** The number of stories a shard holds: ATLAS_SHARD_SIZE, or the default. */
export function shardSize(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ATLAS_SHARD_SIZE;
  if (raw === undefined || raw === "") return DEFAULT_SHARD_SIZE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(
      `ATLAS_SHARD_SIZE is "${raw}": give the number of stories a shard holds, a whole number from 1 (default ${DEFAULT_SHARD_SIZE}).`,
    );
  return n;
}

/**
 * The shards of the stories in `input`, `size` stories (file names) each, in file-name
 * order; undefined when they fit in one, and the build runs in one process as before.
 */
export function planShards(input: string, dir: string, size: number): ShardPlan | undefined {
  const bySlug = new Map<string, string[]>();
  for (const file of storyFiles(input)) {
    const slug = basename(file, ".md");
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), file]);
  }
  if (bySlug.size <= size) return undefined;
  const slugs = [...bySlug.keys()].sort();
  const shards: string[][] = [];
  for (let i = 0; i < slugs.length; i += size) shards.push(slugs.slice(i, i + size).flatMap((s) => bySlug.get(s)!));
  return { dir, shards };
}

let current: Shard | null | undefined;

/** The shard this process renders, or undefined for a build in one process. */
export function currentShard(env: NodeJS.ProcessEnv = process.env): Shard | undefined {
  if (current !== undefined) return current ?? undefined;
  const file = env.ATLAS_SHARD_PLAN;
  if (!file) {
    current = null;
    return undefined;
  }
  const plan = JSON.parse(readFileSync(file, "utf8")) as ShardPlan;
  const index = Number(env.ATLAS_SHARD_INDEX);
  current = { plan, index, kind: index < plan.shards.length ? "stories" : "site" };
  return current;
}

/**
 * Which files a shard renders (absolute paths, or relative to the working folder as
 * Eleventy gives them): a stories shard, its own stories and no other page; the site's,
 * every page but the stories. Without a shard, every file.
 */
export function shardIncludes(shard: Shard | undefined, input: string): (path: string) => boolean {
  if (!shard) return () => true;
  if (shard.kind === "site") return (path) => !isStoryFile(input, path);
  const mine = new Set(shard.plan.shards[shard.index]);
  return (path) => mine.has(resolve(path));
}
