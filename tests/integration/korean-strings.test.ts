/**
 * No English interface string on a Korean page: every English value of every dictionary
 * group in src/lib/i18n/ (but values that are the same in both languages, and single
 * words or numbers, which could be names, units, codes or part of a source's title) must be absent from the visible text
 * and the aria labels of every page the build wrote under /ko/.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.ts";
import { fileOfUrl, sitePages } from "../helpers/site-pages.ts";

const I18N = join(ROOT, "src", "lib", "i18n");

/** Every English value that differs from its Korean one, with its group and key, split at its {placeholders}. */
async function englishStrings(): Promise<{ where: string; text: string }[]> {
  const out: { where: string; text: string }[] = [];
  for (const file of readdirSync(I18N).filter((f) => f.endsWith(".ts") && f !== "index.ts")) {
    const mod = (await import(join(I18N, file))) as Record<string, unknown>;
    for (const [group, value] of Object.entries(mod)) {
      const g = value as { en?: Record<string, unknown>; ko?: Record<string, unknown> };
      if (!g || typeof g !== "object" || !g.en || !g.ko) continue;
      for (const [key, en] of Object.entries(g.en)) {
        if (typeof en !== "string" || en === g.ko[key]) continue;
        // The text between placeholders is what a page shows as written.
        for (const part of en.split(/\{\w+\}/)) {
          const text = part.trim().replace(/^[\s.,:;·()–—-]+|[\s.,:;·()–—-]+$/g, "");
          // Single words ("Population", "district") are left out: a source's title or a dataset's name may hold them.
          if (text.length >= 8 && /[a-z]{3}\S*\s+\S*[a-z]/i.test(text)) out.push({ where: `${file} ${group}.${key}`, text });
        }
      }
    }
  }
  return out;
}

const strings = await englishStrings();
const pages = sitePages().filter((u) => u.startsWith("/ko/"));

describe("dictionary groups", () => {
  it("give the test English strings to look for", () => {
    expect(strings.length).toBeGreaterThan(100);
    expect(strings.map((s) => s.text)).toContain("Skip to content");
  });
});

describe.each(pages)("Korean page %s", (url) => {
  it("shows no English interface string, in its text or its aria labels", () => {
    const $ = cheerio.load(readFileSync(fileOfUrl(url), "utf8"));
    $("script, style, noscript template").remove();
    // Text a reader sees or hears: the body's text (elements marked lang="en" are English on purpose) and labels.
    $('[lang="en"]').remove();
    const text = [
      $("title").text(),
      $("body").text(),
      ...$("[aria-label]")
        .map((_, el) => $(el).attr("aria-label"))
        .get(),
      ...$("[alt]")
        .map((_, el) => $(el).attr("alt"))
        .get(),
      ...$("[title]")
        .map((_, el) => $(el).attr("title"))
        .get(),
    ]
      .join("\n")
      .replace(/\s+/g, " ");
    const found = strings.filter((s) => text.includes(s.text)).map((s) => `${s.where}: "${s.text}"`);
    expect(found, `${url} shows English interface strings`).toEqual([]);
  });
});
