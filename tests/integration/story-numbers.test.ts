/**
 * Honest data, checked: every number a story's text gives (headline, dek and body, outside
 * its figure blocks) must stand in a generated dataset or in the bibliography. A number
 * typed from memory, rounded by hand or invented fails here with the story and line.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATED, ROOT } from "../helpers/paths.ts";

const STORIES = join(ROOT, "src", "stories");

/**
 * Numbers in a text: "9,631,482" → "9631482", "0.67" → "0.67", "56.5" → "56.5". A comma
 * counts as a thousands separator only before exactly three digits, so CSV fields such as
 * "151069,74331" stay two numbers.
 */
function numbersIn(text: string): string[] {
  return [...text.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?/g)].map((m) => canonical(m[0].replace(/,/g, "")));
}

function canonical(n: string): string {
  return n.includes(".") ? String(Number(n)) : n.replace(/^0+(?=\d)/, "");
}

const known = new Set<string>();
for (const file of readdirSync(GENERATED)) {
  if (/\.(csv|json)$/.test(file)) for (const n of numbersIn(readFileSync(join(GENERATED, file), "utf8"))) known.add(n);
}

/** The text of a story a reader sees as prose, with the line each piece is on. */
function proseLines(source: string): { line: number; text: string }[] {
  const lines = source.split("\n");
  const out: { line: number; text: string }[] = [];
  let inFront = lines[0] === "---";
  let inFence = false;
  lines.forEach((text, i) => {
    if (i > 0 && inFront && text === "---") {
      inFront = false;
      return;
    }
    if (inFront) {
      if (/^(title|dek|kicker):/.test(text)) out.push({ line: i + 1, text });
      return;
    }
    if (/^```/.test(text)) {
      inFence = !inFence;
      return;
    }
    if (!inFence) out.push({ line: i + 1, text });
  });
  return out;
}

describe("numbers in stories", () => {
  const stories = readdirSync(STORIES).filter((f) => f.endsWith(".md"));

  it("finds the stories", () => {
    expect(stories.length).toBeGreaterThanOrEqual(5);
  });

  for (const story of stories) {
    it(`every number in ${story} stands in the data`, () => {
      const missing: string[] = [];
      for (const { line, text } of proseLines(readFileSync(join(STORIES, story), "utf8"))) {
        for (const n of numbersIn(text)) if (!known.has(n)) missing.push(`src/stories/${story}:${line} — ${n}`);
      }
      expect(missing).toEqual([]);
    });
  }

  it("would catch a number that is not in the data", () => {
    expect(known.has("26147")).toBe(true);
    expect(known.has("26000")).toBe(false);
    expect(numbersIn("about 26,000 people, 0.67 km² and 56.5 billion")).toEqual(["26000", "0.67", "56.5"]);
  });
});
