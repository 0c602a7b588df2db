/**
 * The Pagefind full-text index of a built site, in <outDir>/pagefind/. Pagefind runs in its
 * own process (the other processor works while this one draws share cards). The index is
 * kept in the content-addressed cache, named by Pagefind's version and the content of
 * every searchable page: a build whose searchable pages did not change links the index
 * from the cache instead of indexing a thousand pages again.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import * as pagefind from "pagefind";
import { contentKey, linkOrCopy } from "../../scripts/lib/content-cache.ts";
import { Limiter } from "../../scripts/lib/limiter.ts";

/** A page the build wrote: where, and whether Pagefind should read it (or its HTML, to tell). */
export interface BuiltPage {
  outputPath: string;
  url?: string;
  searchable?: boolean;
  content?: unknown;
  /** Names the page's content (the page writer's digest). */
  digest?: string;
}

const isSearchable = (p: BuiltPage) =>
  p.outputPath.endsWith(".html") && (p.searchable ?? (typeof p.content === "string" && p.content.includes("data-pagefind-body")));

/** Pagefind's glob syntax (wax): these characters are escaped in a literal path. */
const GLOB_SPECIAL = /[\\?*$:<>()[\]{},!]/g;

/**
 * The glob that makes Pagefind read only the parts of the site that hold searchable pages.
 * When any page has `data-pagefind-body`, Pagefind leaves every page without it out of the
 * index, yet still reads and parses each one (the 2,000 embed pages of a 1,000-story site
 * cost it as much as the stories). So the glob names each top-level folder (or root file)
 * that holds at least one searchable page, and the index comes out byte-identical while
 * Pagefind reads a fraction of the files. With no searchable page at all, Pagefind's
 * default (every HTML file) is kept.
 */
export function searchGlob(outDir: string, pages: BuiltPage[]): string | undefined {
  const tops = new Set<string>();
  for (const p of pages) {
    if (!isSearchable(p)) continue;
    const parts = relative(outDir, p.outputPath).split(/[\\/]/);
    const top = parts[0]!.replace(GLOB_SPECIAL, "\\$&");
    tops.add(parts.length > 1 ? `${top}/**/*.html` : top);
  }
  return tops.size ? `{${[...tops].sort().join(",")}}` : undefined;
}

export async function buildSearchIndex(outDir: string, options: { glob?: string } = {}): Promise<{ pages: number }> {
  // One index per language, read from each page's <html lang> (en, ko): a search page loads
  // the index of its own language, so a Korean query finds Korean pages and an English one English.
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: outDir, ...(options.glob ? { glob: options.glob } : {}) });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

/** Pagefind's version, from its package.json (which its exports do not name: looked up in the module folders). */
function pagefindVersion(): string {
  for (const dir of createRequire(import.meta.url).resolve.paths("pagefind") ?? []) {
    const manifest = join(dir, "pagefind", "package.json");
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
  }
  return "unknown";
}

/** Files under `dir`, relative to it. */
async function filesUnder(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path, base)));
    else out.push(relative(base, path));
  }
  return out;
}

/** Put every file of `from` into `to` as a hard link (a copy where links are refused). */
async function linkTree(from: string, to: string): Promise<void> {
  const limiter = new Limiter(16);
  const made = new Set<string>();
  await Promise.all(
    (await filesUnder(from)).map((file) =>
      limiter.run(async () => {
        const target = join(to, file);
        const dir = dirname(target);
        if (!made.has(dir)) {
          await mkdir(dir, { recursive: true });
          made.add(dir);
        }
        await linkOrCopy(join(from, file), target);
      }),
    ),
  );
}

/** Indexes kept in the cache: the newest few (an index of 1,000 stories is about 5 MB). */
const KEEP = 3;

/**
 * The search index of the pages written to `outDir`: linked from the cache when every
 * searchable page is as it was when the cached index was made, else built by Pagefind and
 * kept. Pages need `digest` (what names their content).
 */
export async function searchIndex(outDir: string, pages: BuiltPage[], cacheDir: string): Promise<{ pages: number; cached: boolean }> {
  const searchable = pages.filter(isSearchable).sort((a, b) => a.outputPath.localeCompare(b.outputPath));
  const glob = searchGlob(outDir, pages);
  const key = contentKey(
    "pagefind",
    pagefindVersion(),
    glob ?? "",
    ...searchable.flatMap((p) => [relative(outDir, p.outputPath), p.digest ?? String(p.content)]),
  ).slice(0, 32);
  const entry = join(cacheDir, key);
  const target = join(outDir, "pagefind");
  if (existsSync(entry)) {
    const now = new Date();
    await utimes(entry, now, now); // the newest are kept
    await linkTree(entry, target);
    return { pages: searchable.length, cached: true };
  }
  const built = await buildSearchIndex(outDir, { glob });
  const staging = `${entry}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await linkTree(target, staging);
  // Another build may have kept the same index meanwhile: then ours is not needed.
  await rename(staging, entry).catch(() => rm(staging, { recursive: true, force: true }));
  await prune(cacheDir);
  return { pages: built.pages, cached: false };
}

async function prune(cacheDir: string): Promise<void> {
  const entries = await Promise.all(
    (await readdir(cacheDir)).map(async (name) => ({ name, mtime: (await stat(join(cacheDir, name))).mtimeMs })),
  );
  entries.sort((a, b) => b.mtime - a.mtime);
  for (const old of entries.slice(KEEP)) await rm(join(cacheDir, old.name), { recursive: true, force: true });
}
