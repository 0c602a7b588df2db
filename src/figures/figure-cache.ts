/**
 * Rendered figures in a content-addressed cache (`.cache/figures/`): a build draws only
 * the figures whose spec, rows or code changed, and the page and the embed page of a
 * figure share one drawing. The markup is not kept in memory: pages carry a placeholder
 * that the page writer replaces when it writes the page (src/site/page-writer.ts).
 *
 * A figure's key is the sha256 of
 * - the code that draws figures (every module reachable from render.ts, and the lockfile),
 * - its spec and its place (page and position, which make its default id),
 * - the bibliography, and the digest of every dataset it read when it was last drawn
 *   (`DatasetStore.trace`): its own dataset, and boundaries or targets it adds.
 * Which datasets a figure read is kept in a small file named without them (its "trace",
 * `<place>.trace`), with the keys of its last few versions; a figure whose data changed gets
 * a new key, so an entry is never stale, and data changed back finds its old drawing. A
 * build reads the traces of the figures it places, one file each, and nothing of the others:
 * what it holds does not grow with the archive. The markup of a figure is one file,
 * `<key>.fig`: its page markup, its embed markup and its SVG.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type ContentCache, contentKey } from "../../scripts/lib/content-cache.ts";
import { detach } from "../../scripts/lib/detach.ts";
import { Limiter } from "../../scripts/lib/limiter.ts";
import { relieveMemory } from "../../scripts/lib/memory.ts";
import { type BodyLoads, bodyLoads } from "../../scripts/lib/page-weight.ts";
import type { Problem } from "../../scripts/lib/problems.ts";
import type { Lang } from "../lib/i18n/index.ts";
import { featuresIn } from "../site/assets-manifest.ts";
import type { DatasetStore } from "./datasets.ts";
import type { FigureBlock } from "./render.ts";
import { renderBlock, type StepTexts } from "./scrolly.ts";

/** What the site keeps of a figure in memory. */
export interface FigureMeta {
  id: string;
  kind: string;
  dataset: string;
  /** Every dataset the figure draws from (its own, and boundaries, basemaps or targets it adds). */
  datasets: string[];
  title: string;
  /** Its subtitle, if it has one: the description of its embed page. */
  subtitle?: string;
  /** What the figure makes its page load (its map's configuration, the chart code), for the page weights. */
  loads: BodyLoads;
  /** What its embed page's markup makes that page load. */
  embedLoads: BodyLoads;
  /** A map: its interactive configuration is a file of its own (/maps/<id>.json, map-files.ts). */
  map: boolean;
  /** The features its markup has whose stylesheet its page must link (a scrolly's: assets-manifest.ts). */
  features: string[];
  /** The same for its embed page, whose markup may differ (a scrolly's stills). */
  embedFeatures: string[];
  /** The language it is drawn in. */
  lang: Lang;
  /** Texts the spec lacks in `lang` (shown in English): build warnings naming the spec's line. */
  warnings: Problem[];
}

/**
 * A figure's markup: on its page (with the embed code), alone on /embed/<id>/, its SVG (for
 * share cards), and a map's interactive configuration (JSON; empty for other figures).
 */
export interface FigureMarkup {
  html: string;
  embedHtml: string;
  graphic: string;
  map: string;
}

interface Trace {
  /** Datasets the figure read when it was last drawn. */
  read: string[];
  /** The keys it was stored under (one per version of those datasets), newest last, with what each showed. */
  keys: Record<string, FigureMeta>;
}

/** Versions of a figure kept per place: an edit undone finds its old drawing. */
const VERSIONS = 4;

const PARTS = ["html", "embedHtml", "graphic", "map"] as const;

/** `<lengths>\n<html><embedHtml><graphic><map>`: one read gives them all. */
function packMarkup(m: FigureMarkup): string {
  return `${PARTS.map((p) => m[p].length).join(" ")}\n${PARTS.map((p) => m[p]).join("")}`;
}

function unpackMarkup(text: string): FigureMarkup {
  const nl = text.indexOf("\n");
  const lengths = text.slice(0, nl).split(" ").map(Number);
  if (lengths.length !== PARTS.length || text.length !== nl + 1 + lengths.reduce((a, b) => a + b, 0))
    throw new Error("a figure file in the cache is cut short");
  const markup = {} as FigureMarkup;
  let at = nl + 1;
  PARTS.forEach((part, i) => {
    markup[part] = text.slice(at, at + lengths[i]!);
    at += lengths[i]!;
  });
  return markup;
}

/** Relative .ts imports of a module's source ("./x.ts", "../lib/y.ts"). */
function relativeImports(source: string): string[] {
  return [...source.matchAll(/["'](\.{1,2}\/[^"'\s]+\.ts)["']/g)].map((m) => m[1]!);
}

/** sha256 over the files reachable from `entries` by relative imports, and the lockfile above them. */
export function codeDigest(entries: string[]): string {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const rel of relativeImports(readFileSync(file, "utf8"))) queue.push(resolve(dirname(file), rel));
  }
  const parts: string[] = [];
  for (const file of [...seen].sort()) parts.push(file.slice(file.lastIndexOf("/src/")), readFileSync(file, "utf8"));
  // Package versions (d3, turf…) draw too.
  for (let dir = dirname(entries[0]!); dir !== dirname(dir); dir = dirname(dir)) {
    const lock = join(dir, "package-lock.json");
    if (existsSync(lock)) {
      parts.push(readFileSync(lock, "utf8"));
      break;
    }
  }
  return contentKey(...parts);
}

let figureCode: string | undefined;
/** The version of the code that draws figures, computed once per process. */
export function figureCodeVersion(): string {
  // This module too: it reads what a figure makes its page load.
  figureCode ??= codeDigest(["./render.ts", "./scrolly.ts", "./figure-cache.ts"].map((m) => fileURLToPath(new URL(m, import.meta.url))));
  return figureCode;
}

/**
 * A figure's place: the code, its spec (a ```figure or a ```scrolly), its page and its
 * position on it, the language it is drawn in, and a Korean scrolly's own step texts.
 */
function placeOf(block: FigureBlock, steps?: StepTexts[]): string {
  return contentKey(
    block.scrolly ? "scrolly" : "figure",
    figureCodeVersion(),
    block.body,
    block.pageSlug,
    String(block.index),
    block.lang ?? "en",
    steps ? JSON.stringify(steps) : "",
  );
}

/** Kept in memory: the markup of the figures drawn or read last (a page, its embed pages and its share card ask within moments). */
const RECENT = 64;
/** Drawings being written beside the build at most; more are written at once. */
const MAX_PENDING = 16;
const TRACE = ".trace";

export class FigureCache {
  /** Traces by place, as read from their files (undefined: none) and as drawn since. */
  private traces = new Map<string, Trace | undefined>();
  /** Places drawn since the last flush, whose traces are still to be written. */
  private changed = new Set<string>();
  private recent = new Map<string, FigureMarkup>();
  /** Markup still being written to the cache, readable meanwhile. */
  private writing = new Map<string, FigureMarkup>();
  /** The block (and step texts) of each key placed: a figure whose file went missing from the cache is drawn again. */
  private blocks = new Map<string, { block: FigureBlock; steps?: StepTexts[] }>();
  private pending = new Set<Promise<unknown>>();
  /** Figures drawn (not found in the cache) since the cache was made. */
  drawn = 0;

  /** Without a content cache, every figure is kept in memory (tests, scripts). */
  constructor(
    private readonly store: DatasetStore,
    private readonly cache?: ContentCache,
  ) {}

  private keyOf(place: string, read: string[]): string {
    return contentKey(place, this.store.sourcesDigest(), ...read.flatMap((name) => [name, this.store.digest(name)]));
  }

  /** The trace of a place: as drawn in this process, or read from its file (once). */
  private trace(place: string): Trace | undefined {
    if (this.traces.has(place)) return this.traces.get(place);
    const text = this.cache?.readText(place, TRACE);
    let trace: Trace | undefined;
    try {
      trace = text === undefined ? undefined : (JSON.parse(text) as Trace);
    } catch {
      trace = undefined; // A trace cut short (a disk full): the figure is drawn again.
    }
    this.traces.set(place, trace);
    return trace;
  }

  /** The figure of a block: found by its key, or drawn (which may throw the spec's problems) and stored. */
  figure(block: FigureBlock, steps?: StepTexts[]): { key: string; meta: FigureMeta; read: string[] } {
    const place = placeOf(block, steps);
    const trace = this.trace(place);
    if (trace) {
      const key = this.keyOf(place, trace.read);
      const meta = trace.keys[key];
      if (meta) {
        this.blocks.set(key, { block: { ...block, body: detach(block.body) }, steps });
        return { key, meta, read: trace.read };
      }
    }
    return this.draw(place, block, steps);
  }

  private draw(place: string, block: FigureBlock, steps?: StepTexts[]): { key: string; meta: FigureMeta; read: string[] } {
    const traced = this.store.trace(() => renderBlock(block, this.store, steps));
    const figure = traced.value;
    const read = detach(traced.read);
    relieveMemory();
    this.drawn++;
    const key = this.keyOf(place, read);
    // Kept for the whole build: copies, not views into the story's text (see detach.ts).
    const meta: FigureMeta = detach({
      id: figure.id,
      kind: figure.kind,
      dataset: figure.dataset,
      datasets: figure.datasets,
      title: figure.title,
      ...(figure.subtitle ? { subtitle: figure.subtitle } : {}),
      loads: bodyLoads(figure.html.value),
      embedLoads: bodyLoads(figure.embedHtml.value),
      map: figure.map !== undefined,
      features: featuresIn(figure.html.value),
      embedFeatures: featuresIn(figure.embedHtml.value),
      lang: figure.lang,
      warnings: figure.warnings,
    });
    const markup: FigureMarkup = {
      html: figure.html.value,
      embedHtml: figure.embedHtml.value,
      graphic: figure.graphic,
      map: figure.map ? JSON.stringify(figure.map) : "",
    };
    this.remember(key, markup);
    this.blocks.set(key, { block: { ...block, body: detach(block.body) }, steps });
    const known = this.trace(place);
    const versions = Object.entries(known && known.read.join() === read.join() ? known.keys : {}).filter(([k]) => k !== key);
    this.traces.set(place, { read, keys: Object.fromEntries([...versions.slice(-(VERSIONS - 1)), [key, meta]]) });
    this.changed.add(place);
    if (this.cache) {
      // Written beside the rendering, unless the disk falls behind: then at once, so that
      // drawings waiting to be written do not pile up in memory (a cold build draws thousands).
      if (this.pending.size >= MAX_PENDING) this.cache.writeSync(key, ".fig", packMarkup(markup));
      else {
        this.writing.set(key, markup);
        const write = this.cache.write(key, ".fig", packMarkup(markup));
        this.pending.add(write);
        void write
          .finally(() => {
            this.pending.delete(write);
            this.writing.delete(key);
          })
          .catch(() => {});
      }
    }
    return { key, meta, read };
  }

  private remember(key: string, markup: FigureMarkup): void {
    this.recent.delete(key);
    this.recent.set(key, markup);
    if (this.cache && this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value!);
  }

  /** The markup stored under `key` (drawn again if its file went missing). */
  markup(key: string): FigureMarkup {
    let markup = this.recent.get(key) ?? this.writing.get(key);
    if (!markup) {
      const text = this.cache?.readText(key, ".fig");
      if (text !== undefined) markup = unpackMarkup(text);
      else {
        const placed = this.blocks.get(key);
        if (!placed) throw new Error(`figure ${key} is neither in the cache (${this.cache?.dir ?? "memory"}) nor placed in this build`);
        this.draw(placeOf(placed.block, placed.steps), placed.block, placed.steps);
        markup = this.recent.get(key) ?? this.writing.get(key);
        if (!markup) throw new Error(`figure ${key} drew to another key: its data changed during the build`);
      }
      this.remember(key, markup);
    }
    return markup;
  }

  /**
   * Wait for the cache files still being written, then write the traces of the figures
   * drawn since the last flush (one small file each, written atomically).
   */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
    if (!this.cache) return this.changed.clear();
    const places = [...this.changed];
    this.changed.clear();
    const disk = new Limiter(MAX_PENDING);
    await Promise.all(places.map((place) => disk.run(() => this.cache!.write(place, TRACE, JSON.stringify(this.traces.get(place))))));
  }
}
