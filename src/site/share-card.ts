/**
 * Share cards: a 1200×630 PNG per story for Open Graph and Twitter, drawn at build time
 * from the story's title, dek and lead figure (its build-time SVG), rendered by resvg
 * with the site's own typeface. Cards are cached by what they are drawn from, so an
 * unchanged story costs nothing on the next build.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { contentKey, linkOrCopy } from "../../scripts/lib/content-cache.ts";
import { relieveMemory } from "../../scripts/lib/memory.ts";
import { codeDigest } from "../figures/figure-cache.ts";
import { escapeHtml } from "../lib/html.ts";
import { CARD_FONT_FILES, characters } from "./card-fonts.ts";
import { drawBesideBuild, drawPng, drawPngFile, hurry, stopDrawing } from "./card-pool.ts";

export const CARD = { width: 1200, height: 630 } as const;
export const SHARE_CARD_NAME = "share.png";

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
#lead [data-narrow="only"] { display: none; }
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

/** Where the lead figure goes: the card's right-hand panel (its id scopes FIGURE_STYLE). */
const PANEL: Record<string, string> = { id: "lead", x: "650", y: "40", width: "510", height: "550", preserveAspectRatio: "xMidYMid meet" };

/**
 * The figure's own SVG nested in the card: its root element takes the panel's place and
 * size (its viewBox scales the drawing into the panel) and drops its class. The markup is
 * the figure renderer's, whose attribute values are double-quoted and escaped, so the
 * root's start tag ends at the first ">"; the rest is kept as it is (resvg reads it as XML).
 */
export function nestFigure(svg: string): string {
  const end = svg.indexOf(">");
  if (!svg.startsWith("<svg") || end < 0 || svg[end - 1] === "/")
    throw new Error(`the lead figure is not an <svg> element with content: ${svg.slice(0, 80)}`);
  const own = [...svg.slice(4, end).matchAll(/\s([^\s="]+)="([^"]*)"/g)].filter(([, name]) => name !== "class" && !(name! in PANEL));
  const attrs = [...own.map(([, name, value]) => [name!, value!]), ...Object.entries(PANEL)];
  return `<svg ${attrs.map(([name, value]) => `${name}="${value}"`).join(" ")}${svg.slice(end)}`;
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
  const figure = card.figureSvg ? `<style>${FIGURE_STYLE}</style>${nestFigure(card.figureSvg)}` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}">
<rect width="100%" height="100%" fill="#ffffff"/>
<rect width="100%" height="10" fill="#1d4e89"/>
<text x="60" y="90" font-family="Pretendard" font-size="26" font-weight="700" fill="#b8410f">${escapeHtml(card.site)}</text>
${text(titleLines, 60, titleTop, titleSize, 1.15, 'font-family="Pretendard" font-weight="700" fill="#16181d"')}
${text(dekLines, 60, dekTop, dekSize, 1.35, 'font-family="Pretendard" fill="#50555f"')}
${figure}
</svg>`;
}

/**
 * Render a card SVG to PNG in a drawing process (card-pool.ts). `fonts`: the typeface
 * files, by default the full fonts.
 */
export async function renderPng(svg: string, fonts: string[] = CARD_FONT_FILES): Promise<Uint8Array> {
  return drawPng(svg, fonts, CARD.width);
}

/** Every character a card can draw: its texts and the figure's (whose markup escapes only &<>"'). */
function cardText(card: CardInput): string {
  return `${card.site}${card.title}${card.dek ?? ""}${card.figureSvg ?? ""}&<>"'`;
}

export interface ShareCardJob {
  card: CardInput;
  /** The story page's file: the card is written beside it. */
  outputPath: string;
}

/** A card to queue: its text now, its lead figure by the key that names it (the SVG is read only if the card must be drawn). */
export interface QueuedCard {
  card: Omit<CardInput, "figureSvg">;
  lead?: { key: string; svg: () => string };
  outputPath: string;
}

/** Missing cards drawn together: one font subset for the batch, its cards drawn on the thread pool. */
const BATCH = 48;

let cardCode: string | undefined;
/** The version of the code that draws cards (this module, what it imports, the lockfile: resvg, the typeface). */
function cardCodeVersion(): string {
  cardCode ??= codeDigest([fileURLToPath(import.meta.url)]);
  return cardCode;
}

/**
 * Share cards as the pages are written. A card is named by what it is drawn from (the
 * code, the site's and the story's titles, the dek and the key of the lead figure, which
 * names the figure's content) in the cache (.cache/share-cards/); a card found there is
 * linked beside its page, and the missing ones are drawn in batches, with the typeface cut
 * down to the batch's characters (card-fonts.ts), in processes of their
 * own (card-pool.ts), which write them to the cache. Nothing of a card is kept once it is
 * queued. A card can be queued before its page is written (`prefetch`, from the story's
 * front matter and lead figure as the figures are drawn), so that one process draws
 * cards while this thread draws figures and renders pages; the page's own card, if it
 * came out otherwise, is drawn when the page is written. Once the pages are rendered
 * (`finish`), every processor draws what is left, and the cards are linked beside their
 * pages. Drawing on threads of this process beside the pages was tried: the page
 * renderer slowed down by two thirds (card-worker.ts).
 */
export class ShareCards {
  private missing: { card: Omit<QueuedCard, "outputPath">; cached: string; targets: string[] }[] = [];
  private queued = new Map<string, string[]>();
  private work = new Set<Promise<void>>();
  private failure: unknown;
  private readonly fontsDir: string;
  readonly stats = { cards: 0, drawn: 0 };

  constructor(private readonly options: { cacheDir: string }) {
    this.fontsDir = join(options.cacheDir, "fonts");
    drawBesideBuild();
  }

  /** Queue a story's card; returns the path it will be written to. */
  add(job: QueuedCard): string {
    const target = join(dirname(job.outputPath), SHARE_CARD_NAME);
    this.stats.cards++;
    this.queue(job, target);
    return target;
  }

  /**
   * Queue the card a story's page will ask for, before the page is written: drawn into the
   * cache, and linked beside the page when `add` asks for the same card. A card asked for
   * by no page (the page's title came out otherwise) stays in the cache unused.
   */
  prefetch(job: Omit<QueuedCard, "outputPath">): void {
    this.queue(job);
  }

  private queue(job: Omit<QueuedCard, "outputPath">, target?: string): void {
    const { card } = job;
    const key = contentKey("card", cardCodeVersion(), card.site, card.title, card.dek ?? "", job.lead?.key ?? "").slice(0, 24);
    const cached = join(this.options.cacheDir, `${key}.png`);
    const waiting = this.queued.get(cached);
    if (waiting) {
      if (target) waiting.push(target);
    } else if (existsSync(cached)) {
      if (target) this.track(linkOrCopy(cached, target));
    } else {
      const targets = target ? [target] : [];
      this.queued.set(cached, targets);
      this.missing.push({ card: job, cached, targets });
      if (this.missing.length >= BATCH) this.draw();
    }
  }

  private track(task: Promise<void>): void {
    const t = task.catch((error) => {
      this.failure ??= error;
    });
    this.work.add(t);
    void t.finally(() => this.work.delete(t));
  }

  private draw(): void {
    const batch = this.missing;
    this.missing = [];
    this.stats.drawn += batch.length;
    // The batch's cards, with the characters the typeface is cut to (in the drawing
    // process, cached by them), go to the processes at once: nothing here waits for this
    // thread's events, so they are drawn while it draws figures and renders pages.
    const cards = batch.map((c) => ({ ...c, input: { ...c.card.card, figureSvg: c.card.lead?.svg() } }));
    const font = {
      chars: characters(cards.map((c) => cardText(c.input)).join("")),
      fontsDir: this.fontsDir,
    };
    for (const c of cards)
      this.track(
        drawPngFile(shareCardSvg(c.input), font, CARD.width, c.cached).then(async () => {
          this.queued.delete(c.cached);
          relieveMemory();
          await Promise.all(c.targets.map((t) => linkOrCopy(c.cached, t)));
        }),
      );
  }

  /** Draw what is left, on every processor, and wait for every card; the first failure is thrown. */
  async finish(): Promise<void> {
    if (this.missing.length) this.draw();
    hurry();
    while (this.work.size) await Promise.all([...this.work]);
    await stopDrawing();
    if (this.failure) throw this.failure;
  }
}

/**
 * Write each story's card beside its page (share.png): drawn, or copied from the cache.
 * The cards are drawn from the stories' data and their lead figures' SVG as the figure
 * renderer made it, so the built pages need not be parsed again.
 */
export async function writeShareCards(jobs: ShareCardJob[], options: { cacheDir: string }): Promise<string[]> {
  const cards = new ShareCards(options);
  const targets = jobs.map(({ card: { figureSvg, ...text }, outputPath }) =>
    cards.add({ card: text, outputPath, lead: figureSvg ? { key: contentKey(figureSvg), svg: () => figureSvg } : undefined }),
  );
  await cards.finish();
  return targets;
}
