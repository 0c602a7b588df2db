import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { afterEach, describe, expect, it, vi } from "vitest";
import { newStory, newTranslation, storySlug } from "../../scripts/lib/new-story.ts";
import { ProblemError } from "../../scripts/lib/problems.ts";
import { DatasetStore } from "../../src/figures/datasets.ts";
import { figurePlugin } from "../../src/figures/markdown.ts";
import { GENERATED, ROOT } from "../helpers/paths.ts";

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function project(): string {
  dir = mkdtempSync(join(tmpdir(), "atlas-new-story-"));
  mkdirSync(join(dir, "data"));
  cpSync(join(ROOT, "data", "districts.csv"), join(dir, "data", "districts.csv"));
  return dir;
}

describe("npm run new:story", () => {
  it("dates a story by Seoul's day, the day the site publishes by, not the machine's UTC day", async () => {
    const root = project();
    // 23:50 UTC on 4 December is 08:50 on 5 December in Seoul.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-04T23:50:00Z") });
    try {
      const { file } = await newStory({ root, title: "A late story", district: "gwanak-gu" });
      expect(readFileSync(join(root, file), "utf8")).toContain("date: 2026-12-05");
    } finally {
      vi.useRealTimers();
    }
  });

  it("writes a story with complete front matter whose example figure builds", async () => {
    const root = project();
    const { file } = await newStory({ root, title: "Gwanak's startup plan, 2023", district: "gwanak-gu", date: "2026-11-26" });
    expect(file).toBe("src/stories/gwanaks-startup-plan-2023.md");
    const text = readFileSync(join(root, file), "utf8");
    const front = text.split("---")[1]!;
    for (const key of ["title:", "dek:", "kicker: Gwanak-gu", "byline:", "date: 2026-11-26", "districts:"]) expect(front).toContain(key);
    // Render the body as the site does: the example figure must come out as a figure.
    const md = new MarkdownIt();
    figurePlugin(md, { store: new DatasetStore(GENERATED), root });
    const body = text.split(/^---$/m).slice(2).join("---");
    const out = md.render(body, { page: { inputPath: join(root, file), fileSlug: "gwanaks-startup-plan-2023" } });
    expect(out).toContain('data-figure="choropleth"');
    expect(out.match(/<path class="mark area"/g)).toHaveLength(25);
  });

  it("refuses to overwrite an existing story and leaves it unchanged", async () => {
    const root = project();
    mkdirSync(join(root, "src", "stories"), { recursive: true });
    const existing = join(root, "src", "stories", "my-story.md");
    writeFileSync(existing, "keep me");
    const error = await newStory({ root, title: "My story", district: "gwanak-gu" }).catch((e) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).message).toContain("src/stories/my-story.md — a story with this file name already exists");
    expect(readFileSync(existing, "utf8")).toBe("keep me");
  });

  it("names the allowed districts when the district is unknown", async () => {
    const error = (await newStory({ root: project(), title: "X", district: "gwanak" }).catch((e) => e)) as ProblemError;
    expect(error.message).toMatch(/--district — "gwanak" is not a district/);
    expect(error.message).toContain('Did you mean "gwanak-gu"?');
    expect(error.message).toContain("gwanak-gu");
  });

  it("names the English story a translation was probably meant for", async () => {
    const root = project();
    const { file } = await newStory({ root, title: "Dobong-gu's energy footprint", district: "dobong-gu", date: "2026-11-26" });
    expect(file).toBe("src/stories/dobong-gus-energy-footprint.md");
    for (const [given, meant] of [
      ["dobong-gus-energy-footprnt", "dobong-gus-energy-footprint"],
      ["dobong-energy-footprint", "dobong-gus-energy-footprint"],
    ]) {
      const error = (await newTranslation({ root, translationOf: given! }).catch((e) => e)) as ProblemError;
      expect(error.message).toContain(`--translation-of — there is no English story src/stories/${given}.md`);
      expect(error.message).toContain(`Did you mean "${meant}"?`);
    }
  });

  it("makes file names from titles", () => {
    expect(storySlug("Seoul's 25 districts — at a glance!")).toBe("seouls-25-districts-at-a-glance");
    expect(storySlug("관악구")).toBe("");
  });
});
