/**
 * The revision log of a data file, read from git when the site is built: every commit that
 * changed the file (date, message), with the rows it added, removed and changed — changed
 * rows cell by cell, rows matched by their key. The diff of two versions is a pure
 * function (`diffTables`); the history comes from `git log --follow` and `git show`.
 *
 * Where the build has no git history (a copy without .git, or git missing), the log says
 * so instead; in a shallow clone it says that older revisions are not shown.
 *
 * Reading the history takes a few git processes per revision (about 1 s for the atlas's
 * datasets on a quiet machine, 18 s at a load of 40), so each log is kept in
 * .cache/revisions/, keyed by the commit checked out, the file and its current bytes.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

export interface CellChange {
  column: string;
  from: string;
  to: string;
}

export interface TableDiff {
  /** Columns of the newer version. */
  columns: string[];
  added: Record<string, string>[];
  removed: Record<string, string>[];
  changed: { key: string; cells: CellChange[] }[];
  /** Columns added to or removed from the header. */
  columnsAdded: string[];
  columnsRemoved: string[];
}

export interface Revision {
  commit: string;
  /** Committer date, YYYY-MM-DD. */
  date: string;
  message: string;
  diff: TableDiff;
}

export type RevisionLog =
  | { available: true; shallow: boolean; revisions: Revision[]; uncommitted?: TableDiff }
  | { available: false; reason: string };

function rowsOf(text: string): { columns: string[]; rows: Record<string, string>[] } {
  if (!text.trim()) return { columns: [], rows: [] };
  let columns: string[] = [];
  const rows = parse(text, {
    bom: true,
    columns: (header: string[]) => (columns = header.map((h) => h.trim())),
    skip_empty_lines: true,
    relax_column_count: true,
  }) as Record<string, string>[];
  return { columns, rows };
}

/**
 * What changed from one version of a CSV to the next: rows are matched by `key` (or, when a
 * version lacks that column, by their first column); a row whose key appears in only one
 * version was added or removed, and a row in both is changed where any shared cell differs.
 */
export function diffTables(before: string, after: string, key: string): TableDiff {
  const a = rowsOf(before);
  const b = rowsOf(after);
  const keyOf = (columns: string[]) => (columns.includes(key) ? key : columns[0]!);
  const index = (t: { columns: string[]; rows: Record<string, string>[] }) => {
    const k = keyOf(t.columns);
    return new Map(t.rows.map((r) => [String(r[k] ?? "").trim(), r]));
  };
  const old = a.columns.length ? index(a) : new Map<string, Record<string, string>>();
  const now = b.columns.length ? index(b) : new Map<string, Record<string, string>>();
  const shared = b.columns.filter((c) => a.columns.includes(c));
  const changed: TableDiff["changed"] = [];
  for (const [k, row] of now) {
    const was = old.get(k);
    if (!was) continue;
    const cells = shared.filter((c) => (was[c] ?? "") !== (row[c] ?? "")).map((c) => ({ column: c, from: was[c] ?? "", to: row[c] ?? "" }));
    if (cells.length) changed.push({ key: k, cells });
  }
  return {
    columns: b.columns,
    added: [...now].filter(([k]) => !old.has(k)).map(([, r]) => r),
    removed: [...old].filter(([k]) => !now.has(k)).map(([, r]) => r),
    changed,
    columnsAdded: a.columns.length ? b.columns.filter((c) => !a.columns.includes(c)) : [],
    columnsRemoved: a.columns.filter((c) => !b.columns.includes(c)),
  };
}

function git(root: string, args: string[]): string {
  return execFileSync("git", args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
}

/** The repository of `root`: its top folder, whether it is shallow, and the commit checked out (asked at most every 10 s). */
const repositories = new Map<string, { at: number; repo: { top: string; shallow: boolean; head: string } | undefined }>();
function repositoryOf(root: string): { top: string; shallow: boolean; head: string } | undefined {
  const known = repositories.get(root);
  if (known && Date.now() - known.at < 10_000) return known.repo;
  let repo: { top: string; shallow: boolean; head: string } | undefined;
  try {
    const [top, shallow, head] = git(root, ["rev-parse", "--show-toplevel", "--is-shallow-repository", "HEAD"]).trim().split("\n");
    repo = { top: top!, shallow: shallow === "true", head: head! };
  } catch {
    repo = undefined;
  }
  repositories.set(root, { at: Date.now(), repo });
  return repo;
}

/** The revisions of `file` (relative to `root`), newest first, with their row-by-row diffs; cached in .cache/revisions/. */
export function revisionLog(root: string, file: string, key: string): RevisionLog {
  const repo = repositoryOf(root);
  if (!repo) return { available: false, reason: "no-git" };
  const current = existsSync(join(root, file)) ? readFileSync(join(root, file)) : Buffer.alloc(0);
  const id = createHash("sha256").update(`${repo.head}\0${file}\0${key}\0`).update(current).digest("hex");
  const cached = join(root, ".cache", "revisions", `${id}.json`);
  if (existsSync(cached)) {
    try {
      return JSON.parse(readFileSync(cached, "utf8")) as RevisionLog;
    } catch {
      /* a damaged cache entry: read the history again */
    }
  }
  const log = readRevisionLog(root, file, key, repo);
  mkdirSync(join(root, ".cache", "revisions"), { recursive: true });
  writeFileSync(`${cached}.tmp-${process.pid}`, JSON.stringify(log));
  renameSync(`${cached}.tmp-${process.pid}`, cached);
  return log;
}

function readRevisionLog(root: string, file: string, key: string, repo: { top: string; shallow: boolean }): RevisionLog {
  const { top, shallow } = repo;
  let log: string;
  try {
    // Records separated by RS: hash, committer date and subject, then the file's path at that commit.
    log = git(root, ["log", "--follow", "--format=%x1e%H%x00%cs%x00%s", "--name-only", "--", file]);
  } catch {
    return { available: false, reason: "no-git" };
  }
  const entries = log
    .split("\x1e")
    .filter((e) => e.trim())
    .map((e) => {
      const [head, ...rest] = e.split("\n");
      const [commit, date, message] = head!.split("\0");
      const path = rest.map((l) => l.trim()).find(Boolean) ?? file;
      return { commit: commit!, date: date!, message: message!, path };
    });
  if (entries.length === 0) return { available: false, reason: "untracked" };
  const show = (commit: string, path: string) => {
    try {
      return git(top, ["show", `${commit}:${path}`]);
    } catch {
      return "";
    }
  };
  const versions = entries.map((e) => show(e.commit, e.path));
  const revisions = entries.map((e, i) => ({
    commit: e.commit,
    date: e.date,
    message: e.message,
    // The oldest version shown is compared with nothing (the file was added), unless the clone is shallow.
    diff: diffTables(versions[i + 1] ?? "", versions[i]!, key),
  }));
  if (shallow && revisions.length) revisions.pop();
  let uncommitted: TableDiff | undefined;
  try {
    const current = readFileSync(join(root, file), "utf8");
    if (current !== versions[0]) uncommitted = diffTables(versions[0] ?? "", current, key);
  } catch {
    /* the file is gone from the working tree: nothing to compare */
  }
  return { available: true, shallow, revisions, ...(uncommitted ? { uncommitted } : {}) };
}
