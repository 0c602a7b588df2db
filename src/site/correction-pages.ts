/**
 * Each entry of data/corrections.yaml that names a `page:` must name a page this build
 * writes: a typo would link readers to a 404, and a path such as "/\evil.example/phish"
 * (which browsers read as another site's address) would send them away from the site.
 * Checked once Eleventy knows every page's address, before any page is written.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { type Problem, ProblemError } from "../../scripts/lib/problems.ts";
import { CORRECTIONS_FILE, type Correction } from "../_data/corrections.ts";
import { suggest } from "../figures/spec.ts";
import { keepUnits } from "../lib/format.ts";
import type { Lang } from "../lib/i18n/index.ts";

/** The `page:` values of the corrections log, with their lines (the log's other checks are in src/_data/corrections.ts). */
function correctionPages(text: string): { page: string; line: number }[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length || !isSeq(doc.contents)) return [];
  const out: { page: string; line: number }[] = [];
  for (const item of doc.contents.items) {
    if (!isMap(item)) continue;
    const pair = item.items.find((p) => isScalar(p.key) && p.key.value === "page");
    if (pair && isScalar(pair.value) && typeof pair.value.value === "string")
      out.push({ page: pair.value.value, line: lineCounter.linePos(pair.value.range?.[0] ?? 0).line });
  }
  return out;
}

/**
 * Throws when a correction names a page that `urls` (the build's pages) does not hold.
 * Only a site that publishes the log (/corrections/) is checked: a test fixture built
 * from a few of the site's templates publishes neither the log nor the stories it names.
 */
export function checkCorrectionPages(root: string, urls: string[]): void {
  if (!urls.includes("/corrections/")) return;
  let text: string;
  try {
    text = readFileSync(join(root, CORRECTIONS_FILE), "utf8");
  } catch {
    return;
  }
  const pages = new Set(urls.filter((u) => u.endsWith("/") || u.endsWith(".html")));
  const problems: Problem[] = correctionPages(text)
    .filter(({ page }) => !pages.has(page.replace(/#.*$/, "")))
    .map(({ page, line }) => ({
      code: "invalid-correction",
      file: CORRECTIONS_FILE,
      line,
      field: "page",
      message: `${JSON.stringify(page)} is not a page of the site`,
      hint: `Write the address of the corrected page as the site shows it, e.g. /stories/gwanak-s-valley/.${suggest(
        page,
        [...pages].filter((p) => p !== "/"),
      )}`,
    }));
  if (problems.length) throw new ProblemError(problems, `${CORRECTIONS_FILE} names pages the site does not have`);
}

/** An entry's text in the page's language: the Korean where the entry has it, else the English. */
export function correctionText(c: Correction, lang: Lang): { wrong: string; now: string } {
  const [wrong, now] = lang === "ko" ? [c.wrong_ko ?? c.wrong, c.now_ko ?? c.now] : [c.wrong, c.now];
  return { wrong: keepUnits(wrong), now: keepUnits(now) };
}
