/**
 * The build's refusals of what a careless or hostile source could do to the machine, the
 * site or its readers, wired into Eleventy (the checks themselves are in their modules):
 *
 * - before anything is written: files published as they are (src/static/, SVGs under src/:
 *   source-files.ts);
 * - as each Markdown file is read (a preprocessor): control characters anywhere in the file,
 *   a story's file name, and scheduled stories, which are left out (story-schedule.ts) once
 *   their front matter and figures have been checked;
 * - once every page's address is known: the corrections log names pages that exist
 *   (correction-pages.ts);
 * - before each page is written (a linter): where it goes and that it has the layout
 *   (output-guard.ts);
 * - after the pages are written, before the swap: every file written lies in the output folder.
 */
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { type Problem, ProblemError } from "../../scripts/lib/problems.ts";
import type { SiteFigures } from "../figures/site-figures.ts";
import { controlCharProblems } from "../lib/control-chars.ts";
import { frontMatterOf } from "../lib/front-matter.ts";
import { checkCorrectionPages } from "./correction-pages.ts";
import { setSiteUrls, shardUrls } from "./editions.ts";
import { checkOutputsInside, pageOutputProblems, URL_HINT, urlProblem } from "./output-guard.ts";
import { sourceFileProblems } from "./source-files.ts";
import { checkStoryData, storyFileNameProblem, storyUrl } from "./story-front-matter.ts";
import { isStoryPath, type StorySchedule } from "./story-schedule.ts";

interface GuardedConfig {
  on(event: "eleventy.before", fn: (arg: { directories: { input: string; output: string } }) => void): void;
  on(
    event: "eleventy.contentMap",
    fn: (arg: { urlToInputPath: Record<string, unknown>; inputPathToUrl?: Record<string, (string | false)[]> }) => void,
  ): void;
  on(
    event: "eleventy.after",
    fn: (arg: { directories: { output: string }; results?: { inputPath?: string; outputPath: string | false }[] }) => void,
  ): void;
  addPreprocessor(name: string, extensions: string, fn: (this: { inputPath: string }, data: never, content: string) => unknown): void;
  addLinter(
    name: string,
    fn: (this: { inputPath: string; outputPath: string | false; url: string | false }, content: string) => void,
  ): void;
}

export function guardSite(config: GuardedConfig, options: { root: string; figures: SiteFigures; schedule: StorySchedule }): void {
  const { root, figures, schedule } = options;
  const fileOf = (path: string) => relative(root, resolve(root, path)).split("\\").join("/");
  let outDir = "";

  config.on("eleventy.before", ({ directories }) => {
    outDir = directories.output;
    schedule.reset();
    const problems = sourceFileProblems(root, resolve(root, directories.input));
    if (problems.length) throw new ProblemError(problems, "Files under src/ cannot be published");
  });

  config.addPreprocessor("atlas-source", "md", function (data: never) {
    const file = fileOf(this.inputPath);
    const problems = controlCharProblems(readFileSync(resolve(root, this.inputPath), "utf8"), file);
    if (isStoryPath(file)) {
      const name = storyFileNameProblem(file);
      if (name) problems.push(name);
    }
    if (problems.length) throw new ProblemError(problems, `${file} cannot be built`);
    if (schedule.scheduled(this.inputPath)) {
      // Checked now as if it were published today, so that its day does not bring surprises.
      checkStoryData(data);
      figures.ofPage(resolve(root, this.inputPath));
      return false;
    }
    return undefined;
  });

  /** Problems about a page's permalink point at its line in the front matter. */
  const atPermalink = (problems: Problem[], inputPath: string) => {
    let line: number | undefined;
    try {
      line = frontMatterOf(readFileSync(resolve(root, inputPath), "utf8")).lineOf("permalink");
    } catch {
      // No file to point into.
    }
    return problems.map((p) => (p.field === "permalink" && line ? { ...p, line } : p));
  };

  config.on("eleventy.contentMap", ({ urlToInputPath, inputPathToUrl = {} }) => {
    // Before anything that reads the addresses (the corrections log names stories by theirs):
    // a story that chose its own address, and two pages at one address.
    const addresses = addressProblems(inputPathToUrl, {
      fileOf,
      read: (inputPath) => readFileSync(resolve(root, inputPath), "utf8"),
      scheduled: (inputPath) => !!schedule.scheduled(resolve(root, inputPath)),
    });
    if (addresses.length) throw new ProblemError(addresses, "Pages have addresses the site cannot publish");
    // Every address is known before any page is rendered: refuse the ones that are not plain site paths now.
    const problems = Object.entries(urlToInputPath).flatMap(([url, entry]) => {
      const inputPath = (entry as { inputPath: string }).inputPath;
      // A story's address is its file name: its front-matter check names a permalink better.
      // ("false" is the key Eleventy gives pages with `permalink: false`, which write nothing.)
      const bad = isStoryPath(inputPath) || url === "false" ? undefined : urlProblem(url);
      return bad
        ? atPermalink([{ code: "page-output", file: fileOf(inputPath), field: "permalink", message: bad, hint: URL_HINT }], inputPath)
        : [];
    });
    if (problems.length) throw new ProblemError(problems, "Pages have addresses the site cannot publish");
    // With the pages other shards of the build wrote (none in a build in one process).
    checkCorrectionPages(root, [...Object.keys(urlToInputPath), ...shardUrls()]);
    // Every page's address, for the language switch and hreflang links (src/site/editions.ts).
    setSiteUrls(Object.keys(urlToInputPath));
  });

  config.addLinter("atlas-output", function (content: string) {
    const problems = pageOutputProblems({ file: fileOf(this.inputPath), url: this.url, outputPath: this.outputPath, content }, outDir);
    if (problems.length)
      throw new ProblemError(atPermalink(problems, this.inputPath), `The page ${fileOf(this.inputPath)} cannot be written`);
  });

  config.on("eleventy.after", ({ directories, results }) => checkOutputsInside(directories.output, results ?? []));
}

/**
 * Addresses Eleventy would otherwise meet later, or report with a stack trace: a story whose
 * front matter chose an address (`permalink`, also `permalink: false` or a computed one;
 * a story's address is its file name), and two source files written to one address.
 * A scheduled story (dated after today) is written nowhere yet, as it should be.
 */
export function addressProblems(
  inputPathToUrl: Record<string, (string | false)[]>,
  io: { fileOf: (inputPath: string) => string; read: (inputPath: string) => string; scheduled: (inputPath: string) => boolean },
): Problem[] {
  const { fileOf, read } = io;
  const problems: Problem[] = [];
  const byUrl = new Map<string, string[]>();
  for (const [inputPath, urls] of Object.entries(inputPathToUrl)) {
    const file = fileOf(inputPath);
    if (isStoryPath(file) && (urls.length !== 1 || urls[0] !== storyUrl(file)) && !io.scheduled(inputPath)) {
      let line: number | undefined;
      let key = "permalink";
      try {
        const fm = frontMatterOf(read(inputPath));
        line = fm.lineOf("permalink");
        if (line === undefined && fm.lineOf("eleventyComputed") !== undefined) {
          key = "eleventyComputed";
          line = fm.lineOf(key);
        }
      } catch {
        // No file to point into.
      }
      problems.push({
        code: "story-front-matter",
        file,
        line,
        field: key,
        message: `a story cannot choose its address (it would be ${urls.map((u) => (u === false ? "not written at all" : u)).join(", ") || "not written at all"})`,
        hint: `Remove the ${key} line: the story is published at ${storyUrl(file)}, from its file name. To change the address, rename the file; to hold a story back, give it a later date.`,
      });
    }
    for (const url of urls) if (url !== false) byUrl.set(url, [...(byUrl.get(url) ?? []), file]);
  }
  // A story that chose another page's address: its own problem says it all.
  const chose = new Set(problems.map((p) => p.file));
  for (const [url, unsorted] of byUrl) {
    const files = unsorted.sort();
    if (files.length < 2 || files.some((f) => chose.has(f))) continue;
    const stories = files.filter((f) => /(^|\/)stories\//.test(f));
    problems.push({
      code: "page-output",
      // The copy: a file in a folder below the stories, if one is.
      file: stories.find((f) => !isStoryPath(f)) ?? files[1]!,
      message: `${files.length} pages would be written to ${url}: ${files.join(", ")}`,
      hint: stories.length
        ? "A story's address is its file name, so two stories cannot share one: rename one of the files (keep stories directly in src/stories/ or src/ko/stories/, not in a folder below), or delete the copy."
        : "Give one of the pages another address (its permalink), or delete the copy.",
    });
  }
  return problems;
}
