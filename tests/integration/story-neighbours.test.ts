/**
 * Where a story calls districts neighbours, they share a border in the boundary file (the
 * `neighbours` field of `districts`, derived from the KOSTAT polygons):
 * - districts named right after "neighbouring" / "neighbours" (prose, headline, dek, figure
 *   text) must border one of the story's districts;
 * - a figure whose text counts "N neighbouring districts" or "N neighbours" must show rows of
 *   exactly N districts that border the story's districts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DatasetStore } from "../../src/figures/datasets.ts";
import { figureBlocks } from "../../src/figures/site-figures.ts";
import { applyFilters } from "../../src/figures/where.ts";
import { frontMatterOf } from "../../src/lib/front-matter.ts";
import { GENERATED, ROOT } from "../helpers/paths.ts";

const store = new DatasetStore(GENERATED);
const districts = store.get("districts").rows;
const codeOf = new Map(
  districts.flatMap((d) => [[String(d.name_en), String(d.code)] as const, [String(d.name_ko), String(d.code)] as const]),
);
const slugToCode = new Map(districts.map((d) => [String(d.slug), String(d.code)]));
const bordersOf = new Map(districts.map((d) => [String(d.code), new Set(d.neighbours as string[])]));
const nameOf = new Map(districts.map((d) => [String(d.code), String(d.name_en)]));

const NAME = String.raw`(?:[A-Z][a-z]+-gu|\p{Script=Hangul}+구)`;
/** District names that follow "neighbour…" directly, as a list: "neighbouring Guro-gu", "its neighbours A-gu and B-gu". */
const NAMED = new RegExp(String.raw`neighbou?r(?:s|ing)?\s+((?:${NAME}(?:,\s*|\s+and\s+)?)+)`, "gu");
const COUNTS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const COUNTED = /\b(one|two|three|four|five|six|\d+)\s+neighbou?r(?:ing districts|s)\b/gi;

const STORIES = join(ROOT, "src", "stories");
const stories = readdirSync(STORIES)
  .filter((f) => f.endsWith(".md"))
  .map((file) => {
    const source = readFileSync(join(STORIES, file), "utf8");
    const front = parse(frontMatterOf(source).yaml) as { districts?: string | string[] };
    const own = front.districts === "all" || !front.districts ? [] : [front.districts].flat().map((s) => slugToCode.get(s)!);
    return { file: `src/stories/${file}`, source, own };
  });

const bordersStory = (own: string[], code: string) => own.some((o) => bordersOf.get(o)?.has(code));

describe("districts called neighbours share a border", () => {
  it.each(stories.map((s) => [s.file, s] as const))("%s: named neighbours", (_, story) => {
    const wrong: string[] = [];
    for (const m of story.source.matchAll(NAMED)) {
      for (const name of m[1]!.match(new RegExp(NAME, "gu")) ?? []) {
        const code = codeOf.get(name);
        if (!code || !bordersStory(story.own, code))
          wrong.push(
            `"${m[0].trim()}": ${name} does not border ${story.own.map((c) => nameOf.get(c)).join(" or ") || "the story's districts"}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(stories.map((s) => [s.file, s] as const))("%s: figures that count neighbours show that many", (_, story) => {
    const wrong: string[] = [];
    for (const block of figureBlocks(story.source, story.file, "check")) {
      const spec = parse(block.body) as {
        dataset: string;
        title?: string;
        subtitle?: string;
        notes?: string;
        where?: never;
        exclude?: never;
      };
      const text = [spec.title, spec.subtitle, spec.notes].join(" ");
      for (const m of text.matchAll(COUNTED)) {
        const said = COUNTS[m[1]!.toLowerCase()] ?? Number(m[1]);
        const rows = applyFilters(store.get(spec.dataset).rows, spec);
        const shown = new Set(rows.flatMap((r) => [r.gu_code, r.gu_codes].flat()).filter((c): c is string => typeof c === "string"));
        const bordering = [...shown].filter((c) => !story.own.includes(c) && bordersStory(story.own, c));
        if (bordering.length !== said)
          wrong.push(
            `${story.file}:${block.fenceLine} "${m[0]}", but the figure shows ${bordering.length}: ${bordering.map((c) => nameOf.get(c)).join(", ")}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });
});
