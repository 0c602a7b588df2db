/**
 * No staging folder is left behind by a build that fails, is killed, or runs out of memory:
 * each case runs scripts/lib/atomic.ts's replaceDirectory in a child process that dies
 * inside its fill step, then the next replaceDirectory (the next build) finds the target
 * and nothing else.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { replaceDirectory } from "../../scripts/lib/atomic.ts";
import { removeStaleStaging } from "../../scripts/lib/staging.ts";
import { ROOT } from "../helpers/paths.ts";
import { SCRATCH_DIR } from "../helpers/scratch-site.ts";

const dir = join(SCRATCH_DIR, `staging-${process.pid}`);
const target = join(dir, "_site");
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Run `body` (TypeScript, inside the fill step of replaceDirectory(target, async (staging) => { … })) in a child process. */
function dieInside(
  body: string,
  nodeArgs: string[] = [],
): { status: number | null; signal: string | null; left: string[]; stderr: string } {
  mkdirSync(dir, { recursive: true });
  const script = join(dir, "child.ts");
  writeFileSync(
    script,
    `import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { replaceDirectory } from ${JSON.stringify(join(ROOT, "scripts", "lib", "atomic.ts"))};
// As scripts/lib/cli.ts does: the error is printed, and the process lives on while writers are in flight.
try {
  await replaceDirectory(${JSON.stringify(target)}, async (staging) => {
    writeFileSync(join(staging, "index.html"), "half a site");
    ${body}
  });
} catch (error) {
  console.error(String(error));
  process.exitCode = 1;
}
`,
  );
  const run = spawnSync(process.execPath, [...nodeArgs, "--import", "tsx", script], { cwd: ROOT, encoding: "utf8" });
  // Wait for the child's late writers: it exits when they are done.
  return { status: run.status, signal: run.signal, left: readdirSync(dir).filter((n) => n !== "child.ts"), stderr: run.stderr };
}

describe("staging folders", () => {
  it("a build that throws while a copy is still writing leaves no staging folder once its process exits", () => {
    const run = dieInside(`setTimeout(() => { try { writeFileSync(join(staging, "late.css"), "a late passthrough copy"); } catch {} }, 50);
  throw new Error("a passthrough copy crashed");`);
    expect(run.status).toBe(1);
    expect(run.left).toEqual([]);
  });

  it("a copy that fails after the build failed (into the removed folder) does not crash the process or hide the build's error", () => {
    const run = dieInside(`setTimeout(() => import("node:fs/promises").then((fs) => fs.mkdir(join(staging, "data"))), 300);
  await new Promise((r) => setTimeout(r, 50));
  throw new Error("the figure cannot be built");`);
    expect(run.status).toBe(1);
    expect(run.left).toEqual([]);
    expect(run.stderr).toContain("the figure cannot be built");
    expect(run.stderr).not.toMatch(/ENOENT/);
  });

  it("a build that exits in the middle (process.exit) leaves no staging folder", () => {
    expect(dieInside("process.exit(3);")).toMatchObject({ status: 3, left: [] });
  });

  it("a build stopped by SIGTERM (the preview server's kill) or Ctrl+C removes its staging folder and dies of the signal", () => {
    expect(dieInside(`process.kill(process.pid, "SIGTERM"); await new Promise((r) => setTimeout(r, 1000));`)).toMatchObject({
      signal: "SIGTERM",
      left: [],
    });
    expect(dieInside(`process.kill(process.pid, "SIGINT"); await new Promise((r) => setTimeout(r, 1000));`)).toMatchObject({
      signal: "SIGINT",
      left: [],
    });
  });

  it("a build killed outright (SIGKILL) or out of memory leaves its folder, and the next build removes it", async () => {
    const killed = dieInside(`process.kill(process.pid, "SIGKILL");`);
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.left).toEqual([expect.stringMatching(/^_site\.staging-\d+-\d+$/)]);
    // A heap that fills up kills Node with a fatal error: no exit handler runs.
    const oom = dieInside(`const hoard: number[][] = []; for (;;) hoard.push(new Array(1e6).fill(1));`, ["--max-old-space-size=48"]);
    expect(oom.status ?? oom.signal, "the child should die of its heap limit").not.toBe(0);
    // It removed the killed build's folder when it started, and left its own.
    expect(oom.left).toEqual([expect.stringMatching(/^_site\.staging-\d+-\d+$/)]);
    expect(oom.left).not.toEqual(killed.left);

    await replaceDirectory(target, async (staging) => writeFileSync(join(staging, "index.html"), "the whole site"));
    expect(readdirSync(dir).filter((n) => n !== "child.ts")).toEqual(["_site"]);
    expect(readFileSync(join(target, "index.html"), "utf8")).toBe("the whole site");
  });

  it("swaps the new site in at once and leaves the old one to a process of its own, which removes it", async () => {
    mkdirSync(target, { recursive: true });
    for (let i = 0; i < 200; i++) writeFileSync(join(target, `old-${i}.html`), "the last build");
    await replaceDirectory(target, async (staging) => writeFileSync(join(staging, "index.html"), "the new build"), { background: true });
    expect(readdirSync(target)).toEqual(["index.html"]);
    const others = () => readdirSync(dir).filter((n) => n !== "_site");
    for (let i = 0; i < 100 && others().length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(others()).toEqual([]);
  });

  it("keeps the staging folder of a build that is still running", () => {
    mkdirSync(dir, { recursive: true });
    const running = join(dir, `_site.staging-${process.ppid}-${Date.now()}`);
    mkdirSync(running);
    expect(removeStaleStaging(target)).toEqual([]);
    expect(existsSync(running)).toBe(true);
  });
});
