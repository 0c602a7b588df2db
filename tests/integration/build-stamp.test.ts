/**
 * A build with nothing to do: when no source, data file, line of code or setting changed
 * since the last build, and nobody touched `_site/`, `npm run build` keeps `_site/` as it is
 * and prints the last build's report. Any change builds again, and the change shows.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { storyText } from "../../scripts/lib/new-story.ts";
import { scratchSite } from "../helpers/scratch-site.ts";

const STORY = storyText({ title: "A kept story", district: "gwanak-gu", districtName: "Gwanak-gu", date: "2026-11-20" });
const site = scratchSite("build-stamp", { stories: { "kept.md": STORY } });
afterAll(() => site.remove());

const NOTHING = /nothing changed since the last build/;
const page = () => join(site.site, "stories", "kept", "index.html");

describe("a build with nothing changed", () => {
  it("builds in full the first time, then keeps _site/ as it is and prints the report again", async () => {
    const first = await site.build();
    expect(first.output).not.toMatch(NOTHING);
    const inode = statSync(page()).ino;
    const second = await site.build();
    expect(second.output).toMatch(NOTHING);
    // The report's lines (page weights, warnings) are printed as the full build printed them.
    const weights = (out: string) => out.split("\n").find((l) => l.includes("page weight"));
    expect(weights(second.output)).toBeDefined();
    expect(weights(second.output)).toBe(weights(first.output));
    expect(statSync(page()).ino).toBe(inode);
  });

  it("builds again when a story changes, and the page shows the change", async () => {
    const file = join(site.root, "src", "stories", "kept.md");
    writeFileSync(file, `${readFileSync(file, "utf8")}\nA sentence added after the last build.\n`);
    const { output } = await site.build();
    expect(output).not.toMatch(NOTHING);
    expect(readFileSync(page(), "utf8")).toContain("A sentence added after the last build.");
    expect((await site.build()).output).toMatch(NOTHING);
  });

  it("builds again when a data file changes", async () => {
    const csv = join(site.root, "generated", "districts.csv");
    writeFileSync(csv, `${readFileSync(csv, "utf8")}\n`);
    expect((await site.build()).output).not.toMatch(NOTHING);
  });

  it("builds again when a file of _site/ was edited or removed since", async () => {
    // Replaced, not edited in place: the files of _site/ are hard links into .cache/ (docs/build.md).
    rmSync(page());
    writeFileSync(page(), "edited by hand");
    expect((await site.build()).output).not.toMatch(NOTHING);
    expect(readFileSync(page(), "utf8")).toContain("A sentence added after the last build.");
    rmSync(join(site.site, "about", "index.html"));
    expect((await site.build()).output).not.toMatch(NOTHING);
    expect(statSync(join(site.site, "about", "index.html")).isFile()).toBe(true);
  });

  it("mends a file of _site/ edited in place: it was a hard link into the cache, which is made again", async () => {
    const good = readFileSync(page(), "utf8");
    writeFileSync(page(), "edited in place by hand");
    const { output } = await site.build();
    expect(output).toMatch(/edited in place since the last build \(stories\/kept\/index\.html\)/);
    expect(readFileSync(page(), "utf8")).toBe(good);
  });

  it("builds again with another SITE_URL, or when asked to (ATLAS_FULL_BUILD=1)", async () => {
    const withEnv = async (env: Record<string, string>) => {
      const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
      Object.assign(process.env, env);
      try {
        return (await site.build()).output;
      } finally {
        for (const [k, v] of Object.entries(saved)) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
      }
    };
    // Not the address of the build before, whichever SITE_URL the tests run with (the publishing
    // workflow sets the site's own, which may be the documented example's).
    const other = "https://stamp-test.atlas.example.net";
    expect(process.env.SITE_URL).not.toBe(other);
    expect(await withEnv({ SITE_URL: other })).not.toMatch(NOTHING);
    expect(readFileSync(join(site.site, "feed.xml"), "utf8")).toContain(`${other}/stories/kept/`);
    expect(await withEnv({ SITE_URL: other })).toMatch(NOTHING);
    expect(await withEnv({ SITE_URL: other, ATLAS_FULL_BUILD: "1" })).not.toMatch(NOTHING);
  });
});
