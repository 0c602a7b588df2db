/**
 * The front matter of a story, checked when the site is built (Eleventy's
 * `eleventyDataSchema`): the fields a story needs, the districts it names, and no key the
 * layouts would silently ignore (a typo such as `titel:`). Every mistake names the file,
 * the line and the key, and says what to write instead.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { parse as parseYaml } from "yaml";
import { type Problem, ProblemError } from "../../scripts/lib/problems.ts";
import type { DatasetStore } from "../figures/datasets.ts";
import { suggest } from "../figures/spec.ts";
import { frontMatterOf } from "../lib/front-matter.ts";

/** Keys a story's front matter may have: the story's own, and Eleventy's that a story may set. */
export const STORY_KEYS = ["title", "dek", "kicker", "byline", "date", "districts", "permalink", "tags", "eleventyExcludeFromCollections"];

interface StoryData {
  page: { inputPath: string };
  datasets: DatasetStore;
  [key: string]: unknown;
}

/**
 * The top-level keys of a front matter whose every line at the margin is `key: …` (the
 * others indented: list items, continued values); undefined when it is anything else.
 */
function simpleKeys(yaml: string): string[] | undefined {
  const keys: string[] = [];
  for (const line of yaml.split(/\r?\n/)) {
    if (line === "" || /^\s/.test(line)) continue;
    const m = /^([A-Za-z_][\w-]*):(\s|$)/.exec(line);
    if (!m) return undefined;
    keys.push(m[1]!);
  }
  return keys;
}

export function checkStoryData(data: StoryData): void {
  const path = data.page.inputPath;
  const file = relative(process.cwd(), path).split("\\").join("/");
  const text = readFileSync(path, "utf8");
  const { lines: fmLines, yaml, lineOf } = frontMatterOf(text);
  // Most stories pass: judged first from the values Eleventy read (a plain front matter's
  // keys are its lines), which spares a YAML parse per story on a large site. Any problem
  // is judged again from our own parse, which gives the messages.
  const keys = fmLines ? simpleKeys(yaml) : [];
  if (keys && !problemsOf(Object.fromEntries(keys.map((k) => [k, data[k]])), data, file, fmLines, lineOf).length) return;
  const own = fmLines ? (parseYaml(yaml) as Record<string, unknown> | null) : null;
  const problems = problemsOf(own, data, file, fmLines, lineOf);
  if (problems.length) throw new ProblemError(problems, `The front matter of ${file} has problems`);
}

function problemsOf(
  own: Record<string, unknown> | null,
  data: StoryData,
  file: string,
  fmLines: number,
  lineOf: (key: string) => number | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string, hint: string) =>
    problems.push({ code: "story-front-matter", file, line: lineOf(field) ?? (fmLines ? 1 : undefined), field, message, hint });

  for (const key of Object.keys(own ?? {})) {
    if (!STORY_KEYS.includes(key))
      add(key, `unknown key "${key}"`, `A story's keys: ${STORY_KEYS.slice(0, 6).join(", ")}.${suggest(key, STORY_KEYS)}`);
  }
  for (const key of ["title", "dek", "kicker", "byline"]) {
    const v = own?.[key];
    if (v !== undefined && v !== null && typeof v !== "string" && typeof v !== "number")
      add(key, `"${key}" must be text`, `Write it on one line after "${key}: ", in double quotes if it contains a colon.`);
  }
  if (typeof own?.title !== "string" || !own.title.trim())
    add("title", "the story has no title", 'Add a line "title: Your headline" to the front matter.');
  if (own?.date === undefined)
    add(
      "date",
      "the story has no date",
      "Add the publication date, e.g. date: 2026-11-26 (otherwise the file's own date is used, which changes when it is copied).",
    );

  const districts = own?.districts;
  if (districts !== undefined && districts !== "all" && data.datasets.info("districts")) {
    const known = data.datasets
      .get("districts")
      .rows.map((r) => String(r.slug))
      .sort();
    const list = Array.isArray(districts) ? districts : [districts];
    const bad = list.filter((d) => !known.includes(String(d)));
    if (!Array.isArray(districts) || bad.length) {
      add(
        "districts",
        bad.length
          ? `${bad.map((d) => `"${d}"`).join(", ")} ${bad.length === 1 ? "is not a district" : "are not districts"}`
          : "districts must be a list",
        `Write "all" or a list of districts, e.g. districts: [gwanak-gu, gangbuk-gu].${bad.length === 1 ? suggest(String(bad[0]), known) : ""} The districts: ${known.join(", ")}.`,
      );
    }
  }
  return problems;
}
