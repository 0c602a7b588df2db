/**
 * The build's own cache entry: what a build was made from, and what it left in the output.
 * A build whose inputs are all as they were for the last build, into an output folder
 * that nobody has touched since, has nothing to do: `scripts/build.ts` keeps the output
 * and prints the last build's report. Any change, however small, runs the full build (which
 * itself does again only what changed: the figure, page, card and search caches).
 *
 * The inputs, by content: every file of the project's sources (the Eleventy input folder,
 * `generated/`, `data/`, the build's code in `scripts/`, `.eleventy.js`, the lockfile), the
 * settings that change the output (`SITE_URL`, `ATLAS_PREVIEW`), the options of the build,
 * the day in Seoul (stories dated after today are scheduled) and the git commit (the
 * datasets' revision pages read the history). The output, by each file's size, time and inode:
 * a file edited, added or removed in `_site/` makes the next build a full one.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { seoulToday } from "../../src/lib/calendar-date.ts";
import { type Entries, writeJsonAtomicSync } from "./json-pieces.ts";

/** What the last build was made from, what it wrote, and what it reported. */
export interface BuildStamp<Report = unknown> {
  /** sha256 of the build's inputs (see `buildInputsKey`). */
  key: string;
  /** Every file of the output: size, modification time (ms) and inode, by path relative to the output folder. */
  files: Record<string, [number, number, number]>;
  /** Pages written. */
  pages: number;
  /** The report, with only the pages whose weights the terminal's lines name. */
  report?: Report;
  /** The report's lines as the terminal printed them (without the data step's). */
  lines?: string[];
}

/** Folders of the project whose files are inputs of a build, relative to its root. */
const INPUT_DIRS = ["generated", "data"];
/** Single files that are inputs. */
const INPUT_FILES = [".eleventy.js", "package.json", "package-lock.json"];
/** Settings that change what a build writes. */
const SETTINGS = ["SITE_URL", "ATLAS_PREVIEW"];

const SKIP = (name: string) => name.startsWith(".") || name === "node_modules";

function walk(dir: string, into: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    if (SKIP(name)) continue;
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isDirectory()) walk(path, into);
    else if (stat.isFile()) into.push(path);
  }
}

function gitHead(root: string): string {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "no git";
  }
}

/**
 * sha256 of everything a build reads: `input` (the Eleventy input folder), `codeDirs` (the
 * build's code), the project's data and settings (see the module's comment), and `options`.
 */
export function buildInputsKey(root: string, input: string, codeDirs: string[], options: Record<string, unknown>): string {
  const hash = createHash("sha256");
  const files: string[] = [];
  for (const dir of [input, ...INPUT_DIRS.map((d) => join(root, d)), ...codeDirs]) walk(dir, files);
  for (const file of INPUT_FILES) if (existsSync(join(root, file))) files.push(join(root, file));
  for (const file of files) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  hash.update(JSON.stringify({ settings: SETTINGS.map((k) => process.env[k] ?? null), options, today: seoulToday(), git: gitHead(root) }));
  return hash.digest("hex");
}

/** Size, time and inode of every file under `outDir`. */
export function outputFiles(outDir: string): BuildStamp["files"] {
  const files: BuildStamp["files"] = {};
  for (const [path, file] of outputFileEntries(outDir)) files[path] = file;
  return files;
}

/** Every file of the output, one at a time (path relative to `outDir`, and size, time and inode): `outputFiles` without holding them. */
export function* outputFileEntries(outDir: string): Generator<[string, [number, number, number]]> {
  // Paths put together as the walk goes down (path.relative for each of 90,000 files took a third of the time).
  function* visit(dir: string, rel: string): Generator<[string, [number, number, number]]> {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = dir + sep + entry.name;
      const name = rel + entry.name;
      if (entry.isDirectory()) yield* visit(path, name + sep);
      else {
        const s = lstatSync(path);
        yield [name, [s.size, Math.round(s.mtimeMs), s.ino]];
      }
    }
  }
  if (existsSync(outDir)) yield* visit(outDir.replace(/[\\/]+$/, ""), "");
}

/** Whether the output (`now`, from `outputFiles`) holds exactly the files the stamp lists, each as it was. */
export function outputUnchanged(now: BuildStamp["files"], files: BuildStamp["files"]): boolean {
  const names = Object.keys(files);
  if (names.length === 0 || Object.keys(now).length !== names.length) return false;
  return names.every((name) => {
    const a = files[name]!;
    const b = now[name];
    return b !== undefined && a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
  });
}

/**
 * Files of the output (`now`, from `outputFiles`) edited in place since the stamp was taken: the same inode, another size
 * or time. The files of `_site/` are hard links into `.cache/`, so such an edit changed the
 * cached copy too, and a build that links it again would publish the edit.
 */
export function editedInPlace(now: BuildStamp["files"], files: BuildStamp["files"]): string[] {
  return Object.entries(files)
    .filter(([name, [size, mtime, ino]]) => {
      const b = now[name];
      return b !== undefined && b[2] === ino && (b[0] !== size || b[1] !== mtime);
    })
    .map(([name]) => name)
    .sort();
}

export function readStamp<Report>(file: string): BuildStamp<Report> | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as BuildStamp<Report>;
  } catch {
    return undefined;
  }
}

/**
 * Write the stamp (atomically). On a 10,000-story site it is about 24 MB of JSON (90,000
 * files, the report's stories, figures, datasets and warnings, the terminal's lines): made
 * as one string it added about 120 MB to the build's peak at its very end, so it is written
 * piece by piece (scripts/lib/json-pieces.ts). `files` may be the entries as they are read
 * (`outputFileEntries`), so the list is never held.
 */
export function writeStamp(file: string, stamp: Omit<BuildStamp, "files"> & { files: BuildStamp["files"] | Entries }): void {
  writeJsonAtomicSync(file, stamp, 4);
}
