/**
 * A table written in a story's Markdown, in a box of its own that scrolls sideways when the
 * table is wider than a phone's screen, instead of the cells breaking words letter by letter
 * to fit (site.css lets running text break anywhere, which a table's columns must not). The
 * box can be scrolled from the keyboard (tabindex) and is named by the table's column headings,
 * as the figures' data tables are named by their titles.
 */
import type MarkdownIt from "markdown-it";
import { fill, type Lang } from "../lib/i18n/index.ts";
import { STORY_STRINGS } from "../lib/i18n/site.ts";

type Token = ReturnType<MarkdownIt["parse"]>[number];

/** The text of the table's heading cells, from the tokens after its `table_open`. */
function columnHeadings(tokens: Token[], open: number): string[] {
  const headings: string[] = [];
  for (let i = open + 1; i < tokens.length && tokens[i]!.type !== "thead_close"; i++) {
    const t = tokens[i]!;
    if (t.type !== "inline") continue;
    const text = (t.children ?? [])
      .filter((c) => c.type === "text" || c.type === "code_inline")
      .map((c) => c.content)
      .join("")
      .trim();
    if (text) headings.push(text);
  }
  return headings;
}

export function markdownTablesPlugin(md: MarkdownIt): void {
  md.renderer.rules.table_open = (tokens, idx, options, env: { lang?: unknown }, self) => {
    const lang: Lang = env?.lang === "ko" ? "ko" : "en";
    const t = STORY_STRINGS[lang];
    const label = fill(t.table, { columns: columnHeadings(tokens, idx).join(", ") });
    return `<div class="table-wrap table-wrap--full" tabindex="0" role="region" aria-label="${md.utils.escapeHtml(label)}">\n${self.renderToken(tokens, idx, options)}`;
  };
  md.renderer.rules.table_close = (tokens, idx, options, _env, self) => `${self.renderToken(tokens, idx, options)}</div>\n`;
}
