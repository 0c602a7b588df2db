/**
 * The raw boundary files: pinned in data/boundaries.lock.json by URL and sha256, fetched
 * into a git-ignored folder (data/raw/seoul-maps/), never committed. A local mirror laid
 * out like the upstream repository (BOUNDARIES_MIRROR) replaces the network, for CI and
 * offline machines. Files already present with the right checksum are left alone.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "./atomic.ts";
import { sha256 } from "./hash.ts";
import { ProblemList } from "./problems.ts";

export const LOCK_FILE = "data/boundaries.lock.json";
export const RAW_DIR = "data/raw/seoul-maps";

const LockEntry = z.object({
  path: z.string().regex(/^[\w./-]+$/, "a relative path inside the repository"),
  url: z.url({ protocol: /^https$/ }),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "64 lowercase hex digits"),
  bytes: z.number().int().positive(),
  licence: z.string().min(1),
  what: z.string().min(1),
});
const Lock = z.object({
  repository: z.url(),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  licence: z.string(),
  attribution: z.string(),
  files: z.array(LockEntry).min(1),
});
export type BoundaryLock = z.infer<typeof Lock>;
export type BoundaryLockEntry = z.infer<typeof LockEntry>;

export async function readLock(root: string): Promise<BoundaryLock> {
  const text = await readFile(join(root, LOCK_FILE), "utf8");
  const parsed = Lock.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const problems = new ProblemList();
    for (const issue of parsed.error.issues) {
      problems.add({
        code: "lock-invalid",
        file: LOCK_FILE,
        field: issue.path.join("."),
        message: issue.message,
        hint: "Each entry needs path, url (https), sha256 (64 hex), bytes, licence and what.",
      });
    }
    problems.throwIfAny("The boundary lock file is not valid");
  }
  return parsed.data!;
}

export interface FetchOptions {
  root: string;
  /** A folder laid out like the upstream repository; replaces the network when set. */
  mirror?: string | undefined;
  fetch?: (url: string) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;
  log?: (line: string) => void;
}

export interface FetchResult {
  /** Lock paths that were already present and valid. */
  kept: string[];
  /** Lock paths written by this run. */
  written: string[];
}

/** Path of a locked file on disk. */
export function rawPath(root: string, entry: Pick<BoundaryLockEntry, "path">): string {
  return join(root, RAW_DIR, entry.path);
}

/** True when every locked file is on disk with the right checksum. */
export async function boundariesPresent(root: string, lock?: BoundaryLock): Promise<boolean> {
  const l = lock ?? (await readLock(root));
  for (const entry of l.files) {
    const path = rawPath(root, entry);
    if (!existsSync(path) || sha256(await readFile(path)) !== entry.sha256) return false;
  }
  return true;
}

export async function fetchBoundaries(options: FetchOptions): Promise<FetchResult> {
  const { root, log = () => {} } = options;
  const doFetch = options.fetch ?? ((url: string) => fetch(url));
  const mirror = options.mirror ? resolve(options.mirror) : undefined;
  const lock = await readLock(root);
  const problems = new ProblemList();
  const result: FetchResult = { kept: [], written: [] };
  // Read and verify every file first; write only when all of them are good, so a bad
  // mirror or a changed upstream file never leaves a mix of old and new files behind.
  const toWrite: { entry: BoundaryLockEntry; bytes: Uint8Array }[] = [];

  for (const entry of lock.files) {
    const target = rawPath(root, entry);
    const shown = relative(root, target);
    if (existsSync(target) && sha256(await readFile(target)) === entry.sha256) {
      result.kept.push(entry.path);
      continue;
    }
    let bytes: Uint8Array;
    let from: string;
    if (mirror) {
      from = join(mirror, entry.path);
      if (!existsSync(from)) {
        problems.add({
          code: "boundary-missing",
          file: shown,
          message: `not found in the mirror BOUNDARIES_MIRROR=${options.mirror} (looked for ${from}); upstream: ${entry.url}`,
          hint: "Point BOUNDARIES_MIRROR at a folder laid out like southkorea/seoul-maps (e.g. ../shared/data/seoul-maps), or unset it to download.",
        });
        continue;
      }
      bytes = await readFile(from);
    } else {
      from = entry.url;
      try {
        const response = await doFetch(entry.url);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        bytes = new Uint8Array(await response.arrayBuffer());
      } catch (error) {
        problems.add({
          code: "boundary-download",
          file: shown,
          message: `download failed from ${entry.url}: ${(error as Error).message}`,
          hint: "Check the network, or set BOUNDARIES_MIRROR to a local copy of southkorea/seoul-maps and run again.",
        });
        continue;
      }
    }
    const actual = sha256(bytes);
    if (actual !== entry.sha256) {
      problems.add({
        code: "boundary-checksum",
        file: shown,
        field: "sha256",
        message: `${from} has sha256 ${actual}, but ${LOCK_FILE} pins ${entry.sha256} (${entry.url})`,
        hint: "The copy differs from the pinned commit: use an unmodified copy of that commit. Change the lock only if you mean to move to other boundaries, and review the data it produces.",
      });
      continue;
    }
    toWrite.push({ entry, bytes });
  }
  problems.throwIfAny("The boundary files could not be fetched; nothing was written");
  for (const { entry, bytes } of toWrite) {
    await writeFileAtomic(rawPath(root, entry), bytes);
    result.written.push(entry.path);
    log(`fetched ${entry.path} (${bytes.byteLength.toLocaleString("en")} bytes) from ${mirror ? "mirror" : "network"}`);
  }
  return result;
}
