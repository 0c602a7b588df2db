/** `npm run new:story -- --lang ko --translation-of <slug>`: a Korean story paired with its English one, reusing its figures. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { newTranslation } from "../../scripts/lib/new-story.ts";
import { ProblemError } from "../../scripts/lib/problems.ts";
import { ROOT } from "../helpers/paths.ts";

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function project(): string {
  dir = mkdtempSync(join(tmpdir(), "atlas-new-translation-"));
  mkdirSync(join(dir, "data"));
  mkdirSync(join(dir, "src", "stories"), { recursive: true });
  cpSync(join(ROOT, "data", "districts.csv"), join(dir, "data", "districts.csv"));
  cpSync(join(ROOT, "src", "stories", "seoul-at-a-glance.md"), join(dir, "src", "stories", "seoul-at-a-glance.md"));
  cpSync(join(ROOT, "src", "stories", "gwanak-s-valley.md"), join(dir, "src", "stories", "gwanak-s-valley.md"));
  return dir;
}

describe("npm run new:story -- --lang ko", () => {
  it("writes src/ko/stories/<slug>.md with the translation key, Korean placeholders and the English figures as use: fences", async () => {
    const root = project();
    const { file } = await newTranslation({ root, translationOf: "seoul-at-a-glance", date: "2026-12-02" });
    expect(file).toBe("src/ko/stories/seoul-at-a-glance.md");
    const text = readFileSync(join(root, file), "utf8");
    const front = parse(text.split(/^---$/m)[1]!);
    expect(front).toMatchObject({ translation_key: "seoul-at-a-glance", districts: "all", date: "2026-12-02" });
    expect(front.title).toMatch(/[가-힣]/);
    // The English story's scrolly (three steps) and its chart, in order, by the ids the renderer gives them.
    expect(text).toContain("```scrolly\nuse: seoul-at-a-glance-1\nsteps:\n");
    expect(text.match(/ {2}- text: \|/g)).toHaveLength(3);
    expect(text).toContain("```figure\nuse: seoul-at-a-glance-2\n```");
  });

  it("uses a figure's own id and names the districts in Korean", async () => {
    const root = project();
    const { file } = await newTranslation({ root, translationOf: "gwanak-s-valley", date: "2026-12-02" });
    const text = readFileSync(join(root, file), "utf8");
    expect(parse(text.split(/^---$/m)[1]!).kicker).toBe("관악구");
    expect(text).toContain("use: gwanak-promotion-districts");
  });

  it("refuses an English story that does not exist, and never overwrites a translation", async () => {
    const root = project();
    await expect(newTranslation({ root, translationOf: "no-such-story" })).rejects.toThrow(ProblemError);
    mkdirSync(join(root, "src", "ko", "stories"), { recursive: true });
    writeFileSync(join(root, "src", "ko", "stories", "gwanak-s-valley.md"), "mine");
    await expect(newTranslation({ root, translationOf: "gwanak-s-valley" })).rejects.toThrow(/already has a Korean version/);
    expect(readFileSync(join(root, "src", "ko", "stories", "gwanak-s-valley.md"), "utf8")).toBe("mine");
  });
});
