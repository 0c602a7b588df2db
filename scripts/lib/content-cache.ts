/**
 * A content-addressed cache in `.cache/<kind>/`: an entry is named by the sha256 of
 * everything it was made from, so an entry is never stale — a change to any input makes a
 * new name — and a build that finds the name finds the work done. Entries are written
 * atomically (a temporary file renamed into place), so a build that dies leaves none
 * half-written. Used by the figures, the share cards, the feed entries, the font subsets,
 * the browser assets and the search index.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, readFileSync, rmSync } from "node:fs";
import { copyFile, link, mkdir, readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic, writeFileAtomicSync } from "./atomic.ts";

/** sha256 (hex) over the parts, each ended by a NUL so that ["ab", "c"] and ["a", "bc"] differ. */
export function contentKey(...parts: (string | Uint8Array)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

export class ContentCache {
  private made = false;

  constructor(readonly dir: string) {}

  /** Where the entry `key` with extension `ext` is (it may not exist). */
  path(key: string, ext: string): string {
    return join(this.dir, `${key}${ext}`);
  }

  has(key: string, ext: string): boolean {
    return existsSync(this.path(key, ext));
  }

  /** The entry's text, or undefined when there is none. */
  readText(key: string, ext: string): string | undefined {
    try {
      return readFileSync(this.path(key, ext), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      return undefined;
    }
  }

  /** `write`, blocking (see writeFileAtomicSync). */
  writeSync(key: string, ext: string, contents: string | Uint8Array): string {
    const path = this.path(key, ext);
    writeFileAtomicSync(path, contents);
    return path;
  }

  async write(key: string, ext: string, contents: string | Uint8Array): Promise<string> {
    if (!this.made) {
      await mkdir(this.dir, { recursive: true });
      this.made = true;
    }
    const path = this.path(key, ext);
    await writeFileAtomic(path, contents);
    return path;
  }
}

/** Hard-link `from` at `to` (replacing a file there), or copy it where links are refused (another file system). */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      await rm(to, { force: true });
      return linkOrCopy(from, to);
    }
    if (code === "ENOENT") throw error;
    await copyFile(from, to);
  }
}

/**
 * Remove the entries of `dir` that no output links to any more (one link left: the
 * cache's own) and that are older than `minAgeMs` (a build running beside this one may
 * have just written them) — only once the entries outnumber twice `inUse` (what the last
 * build linked), so that a build seldom spends time on it. Returns how many were removed.
 */
export async function pruneUnlinked(dir: string, inUse: number, minAgeMs = 10 * 60_000): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  if (names.length <= 2 * inUse) return 0;
  const now = Date.now();
  let removed = 0;
  for (const name of names) {
    const path = join(dir, name);
    const s = await stat(path).catch(() => undefined);
    if (s?.isFile() && s.nlink === 1 && now - s.mtimeMs > minAgeMs) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}

/** `linkOrCopy`, blocking. */
export function linkOrCopySync(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      rmSync(to, { force: true });
      linkOrCopySync(from, to);
    } else if (code === "ENOENT") throw error;
    else copyFileSync(from, to);
  }
}
