import { spawn } from "node:child_process";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ignoreLateWriteFailures, removeOnExit, removeStaleStaging } from "./staging.ts";

/**
 * Replace a whole directory with new contents so that readers only ever see the old
 * directory or the complete new one: the files are written to a sibling staging folder,
 * then swapped in with two renames. If anything fails before the swap, the staging folder
 * is removed and `target` is untouched. Staging folders of builds that died are removed
 * first, and this one again when the process exits (scripts/lib/staging.ts).
 */
export async function replaceDirectory(
  target: string,
  fill: (staging: string) => Promise<void>,
  /**
   * `background`: the replaced folder is removed by a detached process, so the caller need
   * not wait for it (a 1,000-story site's 7,000 files took 2.4 s to delete). A remover that
   * dies leaves `<target>.old-…`, which the next replacement removes (staging.ts).
   */
  options: { background?: boolean } = {},
): Promise<void> {
  removeStaleStaging(target);
  const staging = `${target}.staging-${process.pid}-${Date.now()}`;
  const old = `${target}.old-${process.pid}-${Date.now()}`;
  const cleanUp = removeOnExit(staging);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    await fill(staging);
  } catch (error) {
    // Another writer (e.g. a passthrough copy still in flight) may add files while we
    // remove the folder: retry, and never let clean-up hide the error that matters. The
    // folder stays registered, so what a late writer adds is removed when the process exits.
    ignoreLateWriteFailures(staging);
    await rm(staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }).catch(() => {});
    throw error;
  }
  let moved = false;
  try {
    await rename(target, old);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await rename(staging, target);
  cleanUp.release();
  if (!moved) return;
  if (options.background) removeDetached(old);
  else await rm(old, { recursive: true, force: true });
}

/** Remove `path` in a process of its own that outlives this one. */
/**
 * Remove `path` in a detached process: `rm -rf` where there is one (a few MB, where a Node
 * process takes about 60 MB beside the build), else Node; here, blocking, if neither starts.
 */
function removeDetached(path: string): void {
  const [command, args] =
    process.platform === "win32"
      ? [process.execPath, ["-e", 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 5 })', path]]
      : ["rm", ["-rf", "--", path]];
  const child = spawn(command, args, { detached: true, stdio: "ignore" });
  child.on("error", () => rmSync(path, { recursive: true, force: true }));
  child.unref();
}

/** Write files (path relative to `dir` → contents) into `dir`, creating folders as needed. */
export async function writeFiles(dir: string, files: Map<string, string | Uint8Array>): Promise<void> {
  for (const [rel, contents] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const path = join(dir, rel);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, contents);
  }
}

/** Write one file atomically: to a temporary sibling, then rename over the target. */
export async function writeFileAtomic(path: string, contents: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  try {
    await writeFile(tmp, contents);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** `writeFileAtomic`, blocking: for a writer that must not run ahead of the disk. */
export function writeFileAtomicSync(path: string, contents: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  try {
    writeFileSync(tmp, contents);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
