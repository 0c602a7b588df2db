/**
 * Share cards: a 1200×630 PNG per story for Open Graph and Twitter, drawn at build time
 * from the story's title, dek and lead figure (its build-time SVG), rendered by resvg
 * with the site's own typeface. Cards are cached by content, so an unchanged story costs
 * nothing on the next build.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as cheerio from "cheerio/slim";
import { escapeHtml } from "../lib/html.ts";

const require = createRequire(import.meta.url);
export const CARD = { width: 1200, height: 630 } as const;
export const SHARE_CARD_NAME = "share.png";

const FONT_FILES = ["pretendard/dist/public/static/Pretendard-Regular.otf", "pretendard/dist/public/static/Pretendard-Bold.otf"].map((f) =>
  require.resolve(f),
);

/**
 * Fixed colours for the classes our figures use (the site's CSS variables are not
 * available to resvg), scoped to the nested figure so they leave the card's own text alone.
 */
const FIGURE_STYLE = `
#lead text { font-family: Pretendard; fill: #16181d; font-size: 13px; }
#lead .tick,#lead .bar-value { fill: #50555f; font-size: 12px; }
#lead .tick { text-anchor: middle; }
#lead .grid { stroke: #d5d8de; stroke-width: 1; }
#lead .bar-label { text-anchor: end; dominant-baseline: central; }
#lead .bar-value { dominant-baseline: central; }
#lead .bar { fill: #4a7fb5; }
#lead .is-highlighted .bar { fill: #c4501a; }
#lead .is-highlighted .bar-label { font-weight: 700; }
#lead .area { stroke: #ffffff; stroke-width: 1; }
#lead .nodata-hatch { stroke: #8a8a8a; stroke-width: 2; }
#lead .map-labels text { font-size: 11px; text-anchor: middle; dominant-baseline: central; stroke: #ffffff; stroke-width: 3px; paint-order: stroke; stroke-linejoin: round; }
`;

/** Break text into lines of at most `max` "em units" (Hangul ≈ 1 em, Latin ≈ 0.55 em). */
export function wrap(text: string, maxEm: number, maxLines: number): string[] {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3131-\uD79D]/.test(ch) ? 1 : /[A-Z]/.test(ch) ? 0.68 : 0.55), 0);
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (width(next) > maxEm && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/[\s,.;:]*$/, "")}…`;
    return kept;
  }
  return lines;
}

export interface CardInput {
  site: string;
  title: string;
  dek?: string;
  /** Outer HTML of the lead figure's <svg>, if the story has one. */
  figureSvg?: string;
}

export function shareCardSvg(card: CardInput): string {
  const hasFigure = !!card.figureSvg;
  const textWidthEm = hasFigure ? 10.5 : 18;
  const titleLines = wrap(card.title, textWidthEm, 4);
  const dekLines = card.dek ? wrap(card.dek, textWidthEm * 1.9, 4) : [];
  const titleSize = 54;
  const dekSize = 26;
  const titleTop = 150;
  const dekTop = titleTop + titleLines.length * titleSize * 1.15 + 24;
  const text = (lines: string[], x: number, y: number, size: number, lh: number, attrs: string) =>
    lines.map((l, i) => `<text x="${x}" y="${y + i * size * lh}" font-size="${size}" ${attrs}>${escapeHtml(l)}</text>`).join("");
  let figure = "";
  if (card.figureSvg) {
    // Nest the figure's own SVG; its viewBox scales it into the right-hand panel.
    const $ = cheerio.load(card.figureSvg, { xml: true });
    const svg = $("svg").first();
    svg.attr({ id: "lead", x: "650", y: "40", width: "510", height: "550", preserveAspectRatio: "xMidYMid meet" });
    svg.removeAttr("class");
    figure = `<style>${FIGURE_STYLE}</style>${$.xml(svg)}`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}">
<rect width="100%" height="100%" fill="#ffffff"/>
<rect width="100%" height="10" fill="#1d4e89"/>
<text x="60" y="90" font-family="Pretendard" font-size="26" font-weight="700" fill="#b8410f">${escapeHtml(card.site)}</text>
${text(titleLines, 60, titleTop, titleSize, 1.15, 'font-family="Pretendard" font-weight="700" fill="#16181d"')}
${text(dekLines, 60, dekTop, dekSize, 1.35, 'font-family="Pretendard" fill="#50555f"')}
${figure}
</svg>`;
}

/** Render a card SVG to PNG (resvg is loaded on first use: cached cards never need it). */
export async function renderPng(svg: string): Promise<Uint8Array> {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: CARD.width },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: "Pretendard" },
  });
  return resvg.render().asPng();
}

/** Read a built story page and write its card beside it (share.png), using the cache. */
export async function writeShareCard(pageHtml: string, outputPath: string, options: { site: string; cacheDir: string }): Promise<string> {
  const $ = cheerio.load(pageHtml);
  const figureSvg = $("figure[data-figure] svg.chart").first();
  const svg = shareCardSvg({
    site: options.site,
    title: $("main h1").first().text(),
    dek: $("main .dek").first().text() || undefined,
    figureSvg: figureSvg.length ? $.html(figureSvg) : undefined,
  });
  const key = createHash("sha256").update(svg).digest("hex").slice(0, 20);
  const cached = join(options.cacheDir, `${key}.png`);
  if (!existsSync(cached)) {
    await mkdir(options.cacheDir, { recursive: true });
    await writeFile(cached, await renderPng(svg));
  }
  const target = join(dirname(outputPath), SHARE_CARD_NAME);
  await copyFile(cached, target);
  return target;
}
