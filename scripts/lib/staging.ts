/**
 * Staging folders left behind. A build writes `<target>.staging-<pid>-<time>` and swaps it
 * in through `<target>.old-<pid>-<time>` (scripts/lib/atomic.ts). A build that fails removes
 * its staging folder; but a build killed by a signal or by running out of memory runs no
 * clean-up, and a writer still in flight when a build fails (a passthrough copy) can add
 * files after the folder was removed. So:
 * - before a build writes, every staging or old folder of the same target whose process is
 *   gone (or that is more than a day old) is removed;
 * - a build removes its own staging folder once more when its process exits, also on
 *   Ctrl+C or a kill by the preview server.
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const DAY_MS = 24 * 60 * 60 * 1000;
const owned = new Set<string>();

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Staging and old folders of `target` that no running build owns; removed, and their names returned. */
export function removeStaleStaging(target: string, now = Date.now()): string[] {
  const dir = dirname(target);
  const pattern = new RegExp(`^${basename(target).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(staging|old)-(\\d+)-(\\d+)$`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    const [pid, time] = [Number(m[2]), Number(m[3])];
    if (owned.has(path) || (alive(pid) && now - time < DAY_MS)) continue;
    // A build that died between its two renames left the previous site only in its old folder: keep it.
    if (m[1] === "old" && !existsSync(target)) continue;
    rmSync(path, { recursive: true, force: true, maxRetries: 5 });
    removed.push(name);
  }
  return removed;
}

let hooked = false;

function removeOwned(): void {
  for (const path of owned) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Nothing more can be done while the process exits; the next build removes it.
    }
  }
  owned.clear();
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on("exit", removeOwned);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      removeOwned();
      // Then die of the signal, as the process would have without this handler.
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/** Remove `path` when the process exits (also on SIGINT, SIGTERM, SIGHUP) unless released first. */
export function removeOnExit(path: string): { release(): void } {
  hookExit();
  owned.add(path);
  return { release: () => owned.delete(path) };
}

/** True when `reason` (or an error it wraps) names a path inside `dir`. */
function mentions(reason: unknown, dir: string): boolean {
  for (
    let e = reason as { path?: unknown; message?: unknown; originalError?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 10;
    i++
  ) {
    if ((typeof e.path === "string" && e.path.startsWith(dir)) || (typeof e.message === "string" && e.message.includes(dir))) return true;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return false;
}

/**
 * After a build failed and its staging folder was removed, a writer still in flight (an
 * Eleventy passthrough copy, which its build no longer awaits) fails to write into the
 * removed folder, and its rejection would crash the process with a trace that hides the
 * problem that stopped the build. Such failures, and only those, are ignored.
 */
export function ignoreLateWriteFailures(staging: string): void {
  process.on("unhandledRejection", (reason) => {
    if (mentions(reason, staging)) return;
    throw reason;
  });
}
