import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fetchBoundaries, RAW_DIR, readLock } from "../../scripts/lib/boundaries.ts";
import { ProblemError } from "../../scripts/lib/problems.ts";
import { type FixtureProject, fixtureProject } from "../helpers/fixture-project.ts";
import { ROOT } from "../helpers/paths.ts";

let project: FixtureProject | undefined;
afterEach(() => project?.remove());

/** A mirror folder laid out like southkorea/seoul-maps, made from the fetched raw files. */
function mirrorFrom(root: string): string {
  const mirror = join(root, "mirror");
  cpSync(join(ROOT, RAW_DIR), mirror, { recursive: true });
  return mirror;
}

describe("fetching the pinned boundary files", () => {
  it("copies every locked file from a mirror and verifies it", async () => {
    project = fixtureProject({ withRaw: false });
    const mirror = mirrorFrom(project.root);
    const result = await fetchBoundaries({ root: project.root, mirror });
    const lock = await readLock(project.root);
    expect(result.written.sort()).toEqual(lock.files.map((f) => f.path).sort());
    for (const f of lock.files) expect(existsSync(join(project.root, RAW_DIR, f.path))).toBe(true);
  });

  it("does not fetch files that are already present and valid", async () => {
    project = fixtureProject({ withRaw: true });
    let calls = 0;
    const result = await fetchBoundaries({
      root: project.root,
      fetch: async () => {
        calls++;
        throw new Error("network used");
      },
    });
    expect(calls).toBe(0);
    expect(result.written).toEqual([]);
    expect(result.kept.length).toBeGreaterThanOrEqual(2);
  });

  it("stops on a checksum mismatch, names the file and URL, and writes nothing", async () => {
    project = fixtureProject({ withRaw: false });
    const mirror = mirrorFrom(project.root);
    const tampered = join(mirror, "kostat/2013/json/seoul_municipalities_geo_simple.json");
    writeFileSync(tampered, readFileSync(tampered, "utf8").replace("강동구", "강동군"));
    const error = await fetchBoundaries({ root: project.root, mirror }).catch((e) => e);
    expect(error).toBeInstanceOf(ProblemError);
    const problem = (error as ProblemError).problems.find((p) => p.code === "boundary-checksum")!;
    expect(problem.file).toBe("data/raw/seoul-maps/kostat/2013/json/seoul_municipalities_geo_simple.json");
    expect(problem.message).toContain("https://raw.githubusercontent.com/southkorea/seoul-maps/dbb1dcde2e3c9937684c5a44ab9301888ad63ee6/");
    expect(problem.hint).toMatch(/unmodified copy/);
    // Not even the files that were fine: a bad mirror never leaves a mix behind.
    expect(existsSync(join(project.root, RAW_DIR))).toBe(false);
  });

  it("names the missing file and the mirror when the mirror lacks a file", async () => {
    project = fixtureProject({ withRaw: false });
    const mirror = mirrorFrom(project.root);
    rmSync(join(mirror, "kostat/2013/json/seoul_submunicipalities_geo_simple.json"));
    const error = (await fetchBoundaries({ root: project.root, mirror }).catch((e) => e)) as ProblemError;
    expect(error.message).toMatch(/seoul_submunicipalities_geo_simple\.json — not found in the mirror BOUNDARIES_MIRROR=/);
    expect(existsSync(join(project.root, RAW_DIR))).toBe(false);
  });

  it("reports a failed download with the URL and what to do", async () => {
    project = fixtureProject({ withRaw: false });
    const error = (await fetchBoundaries({
      root: project.root,
      fetch: async () => ({ ok: false, status: 503, arrayBuffer: async () => new ArrayBuffer(0) }),
    }).catch((e) => e)) as ProblemError;
    expect(error.problems.every((p) => p.code === "boundary-download")).toBe(true);
    expect(error.message).toContain("HTTP 503");
    expect(error.message).toContain("BOUNDARIES_MIRROR");
  });

  it("downloads over the network when no mirror is set", async () => {
    project = fixtureProject({ withRaw: false });
    const urls: string[] = [];
    await fetchBoundaries({
      root: project.root,
      fetch: async (url) => {
        urls.push(url);
        const path = url.split("/dbb1dcde2e3c9937684c5a44ab9301888ad63ee6/")[1]!;
        const bytes = readFileSync(join(ROOT, RAW_DIR, path));
        return {
          ok: true,
          status: 200,
          arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
        };
      },
    });
    expect(urls.length).toBe((await readLock(project.root)).files.length);
  });
});
