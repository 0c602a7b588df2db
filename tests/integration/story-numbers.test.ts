/**
 * Honest data, checked: every number a story's text gives (headline, dek and body, outside
 * its figure blocks) must stand in a generated dataset or in the bibliography. A number
 * typed from memory, rounded by hand or invented fails here with the story and line.
 *
 * Korean stories (src/ko/stories/) write numbers as Korean newsrooms do — "1,400억 원",
 * "1천400억원", "3,100명", "40%" — so they are read with the Korean number reader, and a
 * value counts as known when the data holds it either as written or in the unit of its
 * field or row ("140" in billion KRW is 1,400억 원). A number the reader cannot read for
 * certain ("14,00억") fails as malformed.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { koreanNumbers } from "../../src/lib/korean-numbers.ts";
import type { Manifest } from "../../src/lib/manifest.ts";
import { GENERATED, ROOT } from "../helpers/paths.ts";

const STORIES = join(ROOT, "src", "stories");
const KO_STORIES = join(ROOT, "src", "ko", "stories");

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

/** "billion KRW" → 1e9: the scale a unit's first word gives its values. */
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
/** Values in their unit's scale: "140" with unit "billion KRW" is also known as 140000000000. */
const knownScaled = new Set<number>();
const manifest = JSON.parse(readFileSync(join(GENERATED, "manifest.json"), "utf8")) as Manifest;
for (const info of Object.values(manifest.datasets)) {
  const rows = parse(readFileSync(join(GENERATED, info.files.csv.path), "utf8"), { columns: true }) as Record<string, string>[];
  for (const row of rows) {
    for (const field of info.fields) {
      const value = Number(row[field.name]);
      const unit = field.unit ?? row.unit;
      const scale = SCALES[unit?.split(" ")[0] ?? ""];
      if (row[field.name] && Number.isFinite(value) && scale) knownScaled.add(Number((value * scale).toPrecision(12)));
    }
  }
}

/** A number read from Korean prose stands in the data, as written or in its unit's scale. */
function knownKo(value: number): boolean {
  return known.has(canonical(String(value))) || knownScaled.has(value);
}

/**
 * The lines of a ```scrolly block's step texts (prose a reader reads, inside the block's
 * YAML), by their line in the block: `steps[i].text`, and each line its value spans.
 */
function scrollyTextLines(body: string): number[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(body, { lineCounter });
  const steps = doc.get("steps");
  const lines: number[] = [];
  if (!isSeq(steps)) return lines;
  for (const step of steps.items) {
    const text = isMap(step) ? step.get("text", true) : undefined;
    if (!isScalar(text) || !text.range) continue;
    const from = lineCounter.linePos(text.range[0]).line;
    const to = lineCounter.linePos(text.range[1]).line;
    for (let l = from; l <= to; l++) lines.push(l);
  }
  return lines;
}

/** The text of a story a reader sees as prose, with the line each piece is on: a scrolly's step texts too. */
function proseLines(source: string): { line: number; text: string }[] {
  const lines = source.split("\n");
  const out: { line: number; text: string }[] = [];
  let inFront = lines[0] === "---";
  let fence: { info: string; start: number } | undefined;
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
      if (!fence) fence = { info: text.slice(3).trim(), start: i + 1 };
      else {
        if (fence.info === "scrolly") {
          const body = lines.slice(fence.start, i).join("\n");
          for (const l of scrollyTextLines(body)) {
            const at = fence.start + l - 1;
            if (at < i) out.push({ line: at + 1, text: lines[at]!.replace(/^\s*(- )?text:/, "") });
          }
        }
        fence = undefined;
      }
      return;
    }
    if (!fence) out.push({ line: i + 1, text });
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

  const koStories = existsSync(KO_STORIES) ? readdirSync(KO_STORIES).filter((f) => f.endsWith(".md")) : [];
  for (const story of koStories) {
    it(`every number in ko/${story} stands in the data`, () => {
      const missing: string[] = [];
      for (const { line, text } of proseLines(readFileSync(join(KO_STORIES, story), "utf8"))) {
        for (const n of koreanNumbers(text)) {
          if (n.value === null) missing.push(`src/ko/stories/${story}:${line} — "${n.text}" cannot be read as a number`);
          else if (!knownKo(n.value)) missing.push(`src/ko/stories/${story}:${line} — ${n.text} (${n.value})`);
        }
      }
      expect(missing).toEqual([]);
    });
  }

  it("reads Korean numbers against the data in its units, and would catch one that is not there", () => {
    // 140 billion KRW (s-valley-metrics) is written 1,400억 원 in Korean; 1,500억 원 is in no row.
    expect(knownKo(koreanNumbers("1,400억 원")[0]!.value!)).toBe(true);
    expect(knownKo(koreanNumbers("1천400억원")[0]!.value!)).toBe(true);
    expect(knownKo(koreanNumbers("1,500억 원")[0]!.value!)).toBe(false);
    expect(knownKo(koreanNumbers("3,100명")[0]!.value!)).toBe(true);
    expect(knownKo(koreanNumbers("3,200명")[0]!.value!)).toBe(false);
  });

  it("reads the texts of a scrolly's steps as prose, and not its spec", () => {
    const story = [
      "---",
      "title: T",
      "---",
      "",
      "```scrolly",
      "kind: choropleth",
      "classes: 7",
      "steps:",
      "  - text: |",
      "      It counted 123,456,789 people.",
      "    highlight: [a]",
      "```",
    ].join("\n");
    expect(proseLines(story).filter((l) => numbersIn(l.text).length)).toEqual([{ line: 10, text: "      It counted 123,456,789 people." }]);
  });

  it("would catch a number that is not in the data", () => {
    expect(known.has("26147")).toBe(true);
    expect(known.has("26000")).toBe(false);
    expect(numbersIn("about 26,000 people, 0.67 km² and 56.5 billion")).toEqual(["26000", "0.67", "56.5"]);
  });
});
