/**
 * The front matter of a story, checked when the site is built (Eleventy's
 * `eleventyDataSchema`): the fields a story needs, the districts it names, and no key the
 * layouts would silently ignore (a typo such as `titel:`). Every mistake names the file,
 * the line and the key, and says what to write instead.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import { type Problem, ProblemError } from "../../scripts/lib/problems.ts";
import type { DatasetStore } from "../figures/datasets.ts";
import { slugify } from "../figures/render.ts";
import { suggest } from "../figures/spec.ts";
import { calendarDateProblem } from "../lib/calendar-date.ts";
import { CONTROL_CHAR_HINT, controlCharsInValues, controlName } from "../lib/control-chars.ts";
import { frontMatterOf } from "../lib/front-matter.ts";
import { type KnownNumbers, knownNumbers, storyNumberProblems, syntheticStories } from "./story-numbers.ts";

/** Keys a story's front matter may have: the story's own, and Eleventy's that a story may set (`permalink` only as its own address). */
export const STORY_KEYS = [
  "title",
  "dek",
  "kicker",
  "byline",
  "date",
  "districts",
  "translation_key",
  "permalink",
  "tags",
  "eleventyExcludeFromCollections",
];

/** A Korean story's source: src/ko/stories/<slug>.md (the Korean edition's stories folder). */
export const isKoreanStoryPath = (path: string) => /(^|[\\/])ko[\\/]stories[\\/][^\\/]+\.md$/.test(path);

import { englishStoryPath } from "../figures/page-lang.ts";

export { englishStoryPath };

/** The story's address in its edition: /stories/<slug>/ or /ko/stories/<slug>/. */
export const storyUrl = (path: string) => `${isKoreanStoryPath(path) ? "/ko" : ""}/stories/${storySlug(path)}/`;

/** A story's file name without .md: its address, /stories/<slug>/. */
export const storySlug = (path: string) => basename(path).replace(/\.md$/, "");

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The file name of a story is its address: lowercase letters, digits and single hyphens.
 * A name with spaces, quotes or capitals is refused with the name to use.
 */
export function storyFileNameProblem(file: string): Problem | undefined {
  const slug = storySlug(file);
  if (SLUG.test(slug)) return undefined;
  const better = slugify(slug) || "my-story";
  return {
    code: "story-file-name",
    file,
    message: `the file name ${JSON.stringify(basename(file))} is not an address: a story's file name must be lowercase letters, digits and hyphens`,
    hint: `Rename the file to src/stories/${better}.md (the story's address becomes /stories/${better}/).`,
  };
}

export interface StoryData {
  page: { inputPath: string };
  datasets: DatasetStore;
  [key: string]: unknown;
}

/**
 * The top-level keys of a front matter whose every line at the margin is `key: …` (the
 * others indented: list items, continued values), each with the text after its colon;
 * undefined when it is anything else.
 */
function simpleKeys(yaml: string): [string, string][] | undefined {
  const keys: [string, string][] = [];
  for (const line of yaml.split(/\r?\n/)) {
    if (line === "" || /^\s/.test(line)) continue;
    const m = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(line);
    if (!m) return undefined;
    keys.push([m[1]!, (m[2] ?? "").trim()]);
  }
  return keys;
}

/**
 * `translation_key` pairs a story with its translation: it is the English story's file
 * name, written in both. A Korean story (src/ko/stories/) must have one, naming an English
 * story that exists, and its own file name must be that key (the two editions' addresses
 * differ only by /ko/). An English story's key, if it has one, is its own file name. A key
 * whose partner is missing in the other edition is not an error: the build report lists it.
 */
function translationKeyProblems(path: string, own: Record<string, unknown> | null, add: (f: string, m: string, h: string) => void): void {
  const key = own?.translation_key;
  const slug = storySlug(path);
  const korean = isKoreanStoryPath(path);
  if (key === undefined || key === null) {
    if (korean)
      add(
        "translation_key",
        "a Korean story has no translation_key",
        `Add "translation_key: ${slug}" (the file name of the English story it translates, src/stories/${slug}.md).`,
      );
    return;
  }
  if (typeof key !== "string" || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key)) {
    add(
      "translation_key",
      `translation_key ${JSON.stringify(key)} is not a story's file name`,
      `Write the English story's file name without .md, e.g. translation_key: ${slug}.`,
    );
    return;
  }
  if (!korean) {
    if (key !== slug)
      add(
        "translation_key",
        `translation_key "${key}" is not this story's file name`,
        `An English story's translation_key is its own file name: write translation_key: ${slug} (the Korean version is src/ko/stories/${slug}.md).`,
      );
    return;
  }
  const english = englishStoryPath(path).replace(/[^\\/]+\.md$/, `${key}.md`);
  if (!existsSync(english)) {
    const known = existsSync(dirname(english))
      ? readdirSync(dirname(english))
          .filter((f) => f.endsWith(".md"))
          .map((f) => f.replace(/\.md$/, ""))
      : [];
    add(
      "translation_key",
      `translation_key "${key}" names no English story (there is no src/stories/${key}.md)`,
      `Write the file name of the English story this one translates.${suggest(key, known)}`,
    );
  } else if (key !== slug)
    add(
      "translation_key",
      `the Korean story's file name "${slug}.md" differs from its translation_key "${key}"`,
      `Rename the file to src/ko/stories/${key}.md: a translation has the English story's file name, so its address is /ko/stories/${key}/.`,
    );
}

/** The numbers of the story at `path` (its text `text`) that stand in none of the `known` (story-numbers.ts). */
function numberProblems(path: string, text: string, known: KnownNumbers): Problem[] {
  const file = relative(process.cwd(), path).split("\\").join("/");
  return storyNumberProblems(file, text, known, isKoreanStoryPath(path));
}

/**
 * Every story's numbers, in both editions (scheduled stories too, as the build checks them),
 * against the data in `generatedDir`: the preview's check after a data edit, which can take
 * away a number a story gives though no figure of that story reads the edited dataset.
 */
export function allStoryNumberProblems(srcDir: string, generatedDir: string): Problem[] {
  if (syntheticStories(generatedDir)) return [];
  const known = knownNumbers(generatedDir);
  const problems: Problem[] = [];
  for (const dir of [join(srcDir, "stories"), join(srcDir, "ko", "stories")]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (name.endsWith(".md")) problems.push(...numberProblems(path, readFileSync(path, "utf8"), known));
    }
  }
  return problems;
}

export function checkStoryData(data: StoryData): void {
  const path = data.page.inputPath;
  const file = relative(process.cwd(), path).split("\\").join("/");
  const text = readFileSync(path, "utf8");
  const { lines: fmLines, yaml, lineOf } = frontMatterOf(text);
  // Most stories pass: judged first from the values Eleventy read (a plain front matter's
  // keys are its lines), which spares a YAML parse per story on a large site — the date
  // from its line as written (Eleventy reads 2026-02-30 as 2 March). Any problem is judged
  // again from our own parse, which gives the messages.
  const keys = fmLines ? simpleKeys(yaml) : [];
  const quick = keys?.map(([k, text]): [string, unknown] => [k, k === "date" ? text.replace(/^(["'])(.*)\1$/, "$2") : data[k]]);
  // Every number of its text stands in the data (story-numbers.ts).
  const numbers = syntheticStories(data.datasets.dir) ? [] : numberProblems(path, text, knownNumbers(data.datasets.dir));
  if (quick && !problemsOf(Object.fromEntries(quick), data, path, file, fmLines, lineOf).length) {
    if (numbers.length) throw new ProblemError(numbers, `${file} gives numbers its data does not`);
    return;
  }
  const own = fmLines ? (parseYaml(yaml) as Record<string, unknown> | null) : null;
  const problems = [...problemsOf(own, data, path, file, fmLines, lineOf), ...numbers];
  if (problems.length) throw new ProblemError(problems, `The front matter of ${file} has problems`);
}

function problemsOf(
  own: Record<string, unknown> | null,
  data: StoryData,
  path: string,
  file: string,
  fmLines: number,
  lineOf: (key: string) => number | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string, hint: string) =>
    problems.push({ code: "story-front-matter", file, line: lineOf(field) ?? (fmLines ? 1 : undefined), field, message, hint });

  for (const key of Object.keys(own ?? {})) {
    if (!STORY_KEYS.includes(key))
      add(key, `unknown key "${key}"`, `A story's keys: ${STORY_KEYS.slice(0, 7).join(", ")}.${suggest(key, STORY_KEYS)}`);
  }
  for (const { key, char } of controlCharsInValues(own))
    add(key, `an invisible control character, ${controlName(char)}, in "${key}"`, CONTROL_CHAR_HINT);
  for (const key of ["title", "dek", "kicker", "byline"]) {
    const v = own?.[key];
    if (v !== undefined && v !== null && typeof v !== "string" && typeof v !== "number")
      add(key, `"${key}" must be text`, `Write it on one line after "${key}: ", in double quotes if it contains a colon.`);
  }
  if (typeof own?.title !== "string" || !own.title.trim())
    add("title", "the story has no title", 'Add a line "title: Your headline" to the front matter.');
  if (own?.date === undefined)
    add("date", "the story has no date", "Add the publication date, e.g. date: 2026-11-26 (the site is not built while a story has none).");
  else {
    // Read as the YAML 1.2 text it is: Eleventy's own reading turns 2026-02-30 into 2 March.
    const date = own.date instanceof Date ? own.date.toISOString().slice(0, 10) : String(own.date);
    const wrong = calendarDateProblem(date);
    if (wrong)
      add(
        "date",
        `"${date}" ${wrong}`,
        "Write the publication date as YYYY-MM-DD, e.g. date: 2026-11-26: a real day from 1900 on. A story dated after today is scheduled: it is published by the first build on or after its date.",
      );
  }
  if (own && "permalink" in own && own.permalink !== storyUrl(path))
    add(
      "permalink",
      `a story cannot choose its address (permalink: ${JSON.stringify(own.permalink)})`,
      `Remove the permalink line: the story is published at ${storyUrl(path)}, from its file name. To change the address, rename the file.`,
    );
  translationKeyProblems(path, own, add);

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
