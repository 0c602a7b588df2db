/**
 * A table written in a story's Markdown is published in a box that scrolls sideways on a
 * narrow screen, which the keyboard can reach and a screen reader hears named by the
 * table's columns, in the page's language; headings written in Markdown are escaped.
 */
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { markdownTablesPlugin } from "../../src/site/markdown-tables.ts";

const md = new MarkdownIt();
markdownTablesPlugin(md);

const TABLE = ["| | Target for 2030 | Base **year** |", "| --- | --- | --- |", "| Gwangjin-gu | 40 % below | 2018 |"].join("\n");

describe("a story's own table", () => {
  it("sits in a focusable region named by its column headings, around the whole table", () => {
    const out = md.render(`Before.\n\n${TABLE}\n\nAfter.`, { lang: "en" });
    expect(out).toMatch(
      /<p>Before\.<\/p>\n<div class="table-wrap table-wrap--full" tabindex="0" role="region" aria-label="Table: Target for 2030, Base year">\n<table>[\s\S]*<td>2018<\/td>[\s\S]*<\/table>\n<\/div>\n<p>After\.<\/p>/,
    );
  });

  it("is named in Korean on a Korean page", () => {
    const out = md.render("| 2030년 목표 | 기준연도 |\n| --- | --- |\n| 40% | 2018년 |", { lang: "ko" });
    expect(out).toContain('aria-label="표: 2030년 목표, 기준연도"');
  });

  it("escapes what its headings say in the name", () => {
    const out = md.render('| a "quoted" & <b> heading |\n| --- |\n| x |', { lang: "en" });
    expect(out).toContain('aria-label="Table: a &quot;quoted&quot; &amp; &lt;b&gt; heading"');
  });
});
