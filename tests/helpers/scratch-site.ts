/**
 * A throw-away copy of the site's source (src/, scripts/lib/ and .eleventy.js) in a git-ignored folder
 * inside the repository (tests/.tmp/), with its own stories and its own generated/ data,
 * built by the real `scripts/build.ts` without the data pipeline. Being inside the
 * repository lets Node find node_modules. Used by the hostile-data test and the build
 * benchmark; nothing here reaches _site/.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SYNTHETIC_MARKER } from "../../src/site/story-numbers.ts";
import { GENERATED, ROOT } from "./paths.ts";

export interface ScratchSite {
  root: string;
  /** Where the build writes: <root>/_site. */
  site: string;
  /** `npm run build` in the scratch folder (pages only); rejects with the build's output on failure. */
  build(): Promise<{ ms: number; output: string }>;
  remove(): void;
}

export interface ScratchOptions {
  /** Markdown stories by file name (written to src/stories/, replacing the real ones). */
  stories: Record<string, string>;
  /** Change the copy of generated/ (e.g. make its labels hostile). */
  editGenerated?: (dir: string) => void;
  /** Copy the fetched boundary files too (data/raw/), so the data pipeline can run in the copy (the preview's data edits). */
  boundaries?: boolean;
}

export const SCRATCH_DIR = join(ROOT, "tests", ".tmp");

export function scratchSite(name: string, options: ScratchOptions): ScratchSite {
  const root = join(SCRATCH_DIR, `${name}-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(join(ROOT, ".eleventy.js"), join(root, ".eleventy.js"));
  cpSync(join(ROOT, "src"), join(root, "src"), {
    recursive: true,
    // The real stories of both editions stay out: the Korean ones `use:` the real English figures.
    filter: (src) => !/[\\/]src[\\/](ko[\\/])?stories[\\/][^\\/]+\.md$/.test(src),
  });
  // The site's code imports the pipeline's modules (problems, atomic writes).
  cpSync(join(ROOT, "scripts", "lib"), join(root, "scripts", "lib"), { recursive: true });
  cpSync(GENERATED, join(root, "generated"), { recursive: true });
  // Site pages read a few edited files directly (the corrections log).
  cpSync(join(ROOT, "data"), join(root, "data"), {
    recursive: true,
    filter: (src) => options.boundaries === true || !/[\\/]data[\\/]raw([\\/]|$)/.test(src),
  });
  // The real log corrects the real stories, which a scratch site replaces with its own: the
  // build refuses a correction of a page it does not have, so the scratch log starts empty.
  writeFileSync(join(root, "data", "corrections.yaml"), "[]\n");
  // Its stories are placeholder text with story numbers: the build does not look for them in the data.
  writeFileSync(join(root, SYNTHETIC_MARKER), "Generated stories (tests, benchmarks): their numbers are not checked against the data.\n");
  options.editGenerated?.(join(root, "generated"));
  for (const [file, text] of Object.entries(options.stories)) writeFileSync(join(root, "src", "stories", file), text);
  return {
    root,
    site: join(root, "_site"),
    build: () => runBuild(root),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Build the site in `root` in its own Node process (as `npm run build` does, pipeline skipped). */
export function runBuild(root: string, script = join(ROOT, "scripts", "build.ts")): Promise<{ ms: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      cwd: root,
      env: { ...process.env, ATLAS_SKIP_DATA: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve({ ms: performance.now() - started, output })
        : reject(new Error(`build in ${root} failed (exit ${code}):\n${output}`)),
    );
  });
}
