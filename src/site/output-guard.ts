/**
 * What a page may write, checked by an Eleventy linter on every rendered page just before
 * Eleventy writes it (a linter that throws stops the build, and the file is never written):
 *
 * - the file lies inside the output folder (a `permalink: "../x/demo.pth"` or
 *   `permalinkBypassOutputDir` would write into the repository);
 * - its address is a plain site path: letters, digits, `-._~%` and `/`, no `..` or `//`,
 *   no space, quote, backslash or line break (a permalink with a line break once added
 *   rules to `_headers`);
 * - a Markdown page writes HTML, outside the folders the build's own code fills
 *   (assets/, data/, pagefind/, embed/: a permalink onto a font replaced it with HTML),
 *   and a story lives at /stories/<its file name>/;
 * - an HTML page starts with the base layout: doctype, `<html lang>`, and the site's
 *   Content-Security-Policy `<meta>` before anything the page loads.
 *
 * `checkOutputsInside` is the last look before the staging folder is swapped in: every
 * file the build reports having written lies inside it.
 */
import { isAbsolute, relative, resolve } from "node:path";
import { type Problem, ProblemError } from "../../scripts/lib/problems.ts";
import { CONTENT_SECURITY_POLICY } from "./security-headers.ts";

/** Folders filled by the build's own code, not by pages: assets, data downloads, the search index, embed pages. */
export const RESERVED_FOLDERS = ["assets", "data", "pagefind", "embed"];

const SAFE_URL = /^\/(?:[A-Za-z0-9._~%-]+\/?)*$/;

export const URL_HINT = "Use lowercase letters, digits and hyphens between slashes, e.g. /about-the-data/, on one line.";

/** What is wrong with a page's address, or undefined. */
export function urlProblem(url: string): string | undefined {
  if (!SAFE_URL.test(url) || url.split("/").some((s) => s === "." || s === ".."))
    return `the address ${JSON.stringify(url)} is not a plain site path`;
  return undefined;
}

/** True when `path` is `dir` or lies inside it. */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return !rel.startsWith("..") && !isAbsolute(rel);
}

const decode = (s: string) =>
  s.replace(/&#39;|&quot;|&lt;|&gt;|&amp;/g, (e) => ({ "&#39;": "'", "&quot;": '"', "&lt;": "<", "&gt;": ">", "&amp;": "&" })[e]!);

const LAYOUT =
  /^<!doctype html>\s*<html lang="[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*"[^>]*>\s*<head>\s*(?:<meta (?:charset|name="viewport")[^>]*>\s*)*<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i;

/** What is missing from an HTML page's start for it to be in the base layout, or undefined. */
export function layoutProblem(content: string): string | undefined {
  const m = LAYOUT.exec(content);
  if (!m) {
    if (!/^<!doctype html>/i.test(content)) return "the page has no doctype: it is not in the site's layout";
    if (!/^<!doctype html>\s*<html lang="/i.test(content)) return "the page does not say its language (<html lang>)";
    return "the page's <head> does not start with the site's Content-Security-Policy";
  }
  return decode(m[1]!) === CONTENT_SECURITY_POLICY ? undefined : "the page's Content-Security-Policy is not the site's";
}

export interface PageOutput {
  /** The page's source, relative to the project root. */
  file: string;
  url: string | false;
  outputPath: string | false;
  content: string;
}

/** Every problem with one page about to be written into `outDir`. */
export function pageOutputProblems(page: PageOutput, outDir: string): Problem[] {
  const { file, url, outputPath } = page;
  if (outputPath === false || url === false) return [];
  const problems: Problem[] = [];
  const add = (message: string, hint: string) => problems.push({ code: "page-output", file, field: "permalink", message, hint });
  const isMarkdown = file.endsWith(".md");
  // A story is a Markdown file directly in the input's stories/ folder (src/stories/ in the site, another input in test fixtures).
  const story = /(?:^|\/)stories\/([^/]+)\.md$/.exec(file);
  // The Korean edition's stories (src/ko/stories/) are published under /ko/stories/.
  const storyBase = /(?:^|\/)ko\/stories\/[^/]+\.md$/.test(file) ? "/ko/stories/" : "/stories/";
  if (!isInside(outDir, outputPath)) {
    add(
      `the page would be written outside the site's folder, to ${JSON.stringify(relative(outDir, outputPath))}`,
      "Remove `permalink` (and `permalinkBypassOutputDir`) from the front matter: the build chooses the page's address.",
    );
    return problems;
  }
  const bad = urlProblem(url);
  if (bad) add(bad, URL_HINT);
  if (isMarkdown) {
    const first = url.split("/")[1] ?? "";
    if (!/(\/|\.html)$/.test(url))
      add(`a Markdown page must be an HTML page, not ${JSON.stringify(url)}`, "End the permalink with a slash.");
    if (RESERVED_FOLDERS.includes(first))
      add(
        `${JSON.stringify(url)} is in /${first}/, which the build fills itself`,
        "Choose an address outside /assets/, /data/, /pagefind/ and /embed/.",
      );
    if (story && url !== `${storyBase}${story[1]}/`)
      add(`a story is published at ${storyBase}${story[1]}/, not at ${JSON.stringify(url)}`, "Remove `permalink` from the front matter.");
    if (!story && (first === "stories" || (first === "ko" && url.split("/")[2] === "stories")))
      add(`${JSON.stringify(url)} is in /stories/, where only stories are`, "Put the page in src/stories/, or choose another address.");
  }
  if (!bad && /\.html$|\/$/.test(url)) {
    const layout = layoutProblem(page.content);
    if (layout)
      problems.push({
        code: "page-layout",
        file,
        message: layout,
        hint: isMarkdown
          ? "Pages are stories in src/stories/ (they get the story layout), or give the page `layout: layouts/page.11ty.ts` in its front matter."
          : "Render the page inside the base layout (layouts/base.11ty.ts): it carries the doctype, the language and the Content-Security-Policy.",
      });
  }
  return problems;
}

/** Throws when any file the build wrote lies outside `outDir`, naming the page that wrote it. */
export function checkOutputsInside(outDir: string, outputs: { inputPath?: string; outputPath: string | false }[]): void {
  const problems: Problem[] = outputs
    .filter((o): o is { inputPath?: string; outputPath: string } => typeof o.outputPath === "string" && !isInside(outDir, o.outputPath))
    .map((o) => ({
      code: "page-output",
      file: o.inputPath ?? o.outputPath,
      message: `wrote ${o.outputPath}, outside the site's folder`,
      hint: "Remove `permalink` from the page's front matter; pages are written inside _site/ only.",
    }));
  if (problems.length) throw new ProblemError(problems, "The build wrote outside its folder");
}
