/**
 * The atlas writes its pages itself. Eleventy renders each page (templates, Markdown,
 * layouts) and hands the result to the last transform, which gives it to `PageWriter`.
 * A page arrives with a placeholder for each figure (src/figures/site-figures.ts), and
 * since a placeholder names its figure's content, the page as it arrives names the page's
 * content: the writer looks that name up in the page store (.cache/pages/) and links the
 * stored page into the output; only a page it has not written before gets its figures
 * filled in and is written (to the store, then linked). Each figure's embed page goes the
 * same way. The writer keeps a few facts about each page (its address, whether it is
 * searchable, what it loads) for the search index, the share cards and the build report.
 *
 * Eleventy runs with its template writer in dry-run mode (`atlasEleventy`), so it keeps
 * none of the pages' HTML: on a 10,000-story site that HTML was several gigabytes.
 *
 * The output's files are hard links into the store: replace a built file rather than
 * editing it in place. The preview writes plain files, and only those whose content changed.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { writeFileAtomicSync } from "../../scripts/lib/atomic.ts";
import { type ContentCache, linkOrCopySync } from "../../scripts/lib/content-cache.ts";
import { Limiter } from "../../scripts/lib/limiter.ts";
import { relieveMemory } from "../../scripts/lib/memory.ts";
import { type PageRefs, pageChars, pageRefs, withBodyLoads } from "../../scripts/lib/page-weight.ts";
import { pageFactsFile } from "../../scripts/lib/shards.ts";
import { render as embedLayout } from "../_includes/layouts/embed.11ty.ts";
import { mapFileUrl } from "../figures/map-files.ts";
import { figurePlaceholder, placedFigures, type SiteFigures } from "../figures/site-figures.ts";
import { html } from "../lib/html.ts";
import { LANGS, type Lang } from "../lib/i18n/index.ts";
import { PREVIEW } from "../lib/i18n/preview.ts";
import { localePath } from "./editions.ts";
import type { SiteData } from "./types.ts";

/** What Eleventy says of the page a transform receives. */
export interface PageInfo {
  url: string;
  inputPath: string;
  outputPath: string;
}

/** What the build keeps of a written page. */
export interface WrittenPage extends PageInfo {
  /** Has a `data-pagefind-body`: the search index reads it. */
  searchable: boolean;
  /** Scripts, stylesheets and data files it loads (HTML pages only), for the page weights. */
  refs?: PageRefs;
  /** Names the page's content: sha256 of the page as rendered, figures as placeholders. */
  digest: string;
  /** Keys of the figures on it, in order (the first is its lead figure). */
  figures: string[];
}

/** The template of the embed pages (as the build report names it). */
const EMBED_LAYOUT = "./src/_includes/layouts/embed.11ty.ts";

/** What the transform gives Eleventy back in place of the page: Eleventy writes nothing in dry-run mode. */
export const WRITTEN_MARKER = "<!-- written by the atlas page writer (src/site/page-writer.ts) -->";

/**
 * The note the preview adds to its pages (before `</body>`), in the page's language, and the
 * preview's page updater (scripts/preview/client.ts: last, so that it runs once the page is read).
 */
export function previewNote(lang: Lang = "en"): string {
  const t = PREVIEW[lang];
  return html`<link rel="stylesheet" href="/__atlas/preview.css"><p class="atlas-preview-note" role="note"><strong>${t.label}</strong> ${t.note}</p><script src="/__atlas/preview.js"></script>`
    .value;
}

function pageLang(page: string): Lang {
  const lang = /<html[^>]*\slang="([a-z-]+)"/i.exec(page.slice(0, 400))?.[1]?.slice(0, 2);
  return LANGS.find((l) => l === lang) ?? "en";
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export interface PageWriterOptions {
  figures: SiteFigures;
  site: SiteData;
  /** Where written pages are kept by content; without it, pages are written as plain files. */
  store?: ContentCache;
  /** The preview: a note on every page, and a file is written only when its content changed (its mtime tells what a save rewrote). */
  preview?: boolean;
  /** Called with each page once it is written (share cards). */
  onPage?: (page: WrittenPage) => void;
  /**
   * The file, beside the page store, where this writer keeps its pages' facts (default
   * `pages.facts.json`; `pageFactsFile` in scripts/lib/shards.ts). A shard of a build split
   * by stories keeps its own: with one file for all, each shard dropped the others' facts as
   * it saved its own, and every build measured every story page again.
   */
  factsFile?: string;
  /**
   * The story page a figure's embed page credits, from the file its spec is in and the
   * embed's language (src/site/eleventy.ts): none for a figure outside the stories.
   */
  storyOf?: (file: string, lang: Lang) => { url: string; lang: Lang } | undefined;
}

export class PageWriter {
  private outDir = "";
  private pages = new Map<string, WrittenPage>();
  private embeds = new Set<string>();
  private dirs = new Set<string>();
  private pending = new Set<Promise<void>>();
  private readonly limiter = new Limiter(8);
  /** Preview: sha256 of what each file last received from this writer. */
  private onDisk = new Map<string, string>();
  /** Preview: the figure each embed page last showed, by `<lang>:<id>`. */
  private embedded = new Map<string, string>();
  /** Files written (not skipped as unchanged) since the last `takeWritten`. */
  private written: string[] = [];
  /** gzip size (level 9) and characters of each HTML page's content, by the name of that content: measured once per content, kept between builds beside the page store. */
  private facts?: Map<string, PageFacts>;
  private factsUsed = new Set<string>();
  private factsChanged = false;
  readonly stats = { stored: 0, linked: 0 };

  constructor(private readonly options: PageWriterOptions) {}

  /** Before a build into `outDir`. */
  reset(outDir: string): void {
    if (outDir !== this.outDir) {
      this.onDisk.clear();
      this.embedded.clear();
    }
    this.outDir = outDir;
    this.stats.stored = 0;
    this.stats.linked = 0;
    this.pages.clear();
    this.embeds.clear();
    this.dirs.clear();
  }

  /** Before pages are rendered again outside a full build (the preview): each figure's embed page may be written again. */
  startBatch(): void {
    this.embeds.clear();
  }

  /** Every page written since the last reset, by URL. */
  all(): WrittenPage[] {
    return [...this.pages.values()].sort((a, b) => a.url.localeCompare(b.url));
  }

  /** Output paths of the files written (not those skipped as unchanged) since the last call. */
  takeWritten(): string[] {
    const w = this.written;
    this.written = [];
    return w;
  }

  /** Write a page Eleventy rendered (figures as placeholders); resolves once it is on disk. */
  async write(content: string, page: PageInfo): Promise<void> {
    const { figures } = this.options;
    const keys = placedFigures(content);
    const isHtml = page.outputPath.endsWith(".html");
    const record: WrittenPage = {
      ...page,
      searchable: isHtml && content.includes("data-pagefind-body"),
      refs: isHtml
        ? withBodyLoads(
            pageRefs(content, page.url),
            keys.map((k) => figures.ofKey(k).loads),
          )
        : undefined,
      digest: sha256(content),
      figures: keys,
    };
    this.pages.set(page.url, record);
    const writes: Promise<unknown>[] = [this.file(page.outputPath, content, record.digest, record.refs)];
    for (const key of keys) writes.push(this.embed(key));
    await Promise.all(writes);
    this.options.onPage?.(record);
  }

  /**
   * The embed page of a figure (once per build and language): the figure alone, in the embed
   * layout (/embed/<id>/, /ko/embed/<id>/); and a map's interactive configuration, in its own
   * file (/maps/<id>.json, /ko/maps/<id>.json), which the page's script fetches when the
   * reader opens the map. Written for each figure a page places, and for the figures the
   * build lists without a page in that language (a Korean drawing of an English story's figure).
   * A story's figure credits its story (`storyOf`): the same page whichever page placed it
   * first, and whichever shard of a build writes it.
   * True when it was written (false: written already in this build or, in the preview, unchanged).
   */
  async embed(key: string): Promise<boolean> {
    const { figures } = this.options;
    const meta = figures.ofKey(key);
    const id = `${meta.lang}:${meta.id}`;
    if (this.embeds.has(id)) return false;
    this.embeds.add(id);
    const file = figures.fileOf(key);
    const home = file ? this.options.storyOf?.(file, meta.lang) : undefined;
    const story = home && { href: `${home.url}#${meta.id}`, lang: home.lang };
    // The preview: the embed page and the map file of an unchanged figure are on disk already.
    const version = `${key} ${story?.href}`;
    if (this.options.preview && this.embedded.get(id) === version) return false;
    this.embedded.set(id, version);
    if (meta.map) {
      // The figure's key names its map configuration too: the configuration is read from the
      // figure cache only when the page store lacks it.
      await this.file(
        join(this.outDir, ...mapFileUrl(meta.id, meta.lang).split("/")),
        () => figures.markup(key, "map"),
        sha256(`map\n${key}`),
      );
    }
    const url = localePath(meta.lang, `/embed/${meta.id}/`);
    const content = embedLayout({
      content: figurePlaceholder(key, true),
      title: meta.title,
      // Shown where a link to the embed page is shared: what the figure shows, not the site's tagline.
      ...(meta.subtitle ? { dek: meta.subtitle } : {}),
      site: this.options.site,
      lang: meta.lang,
      siteFigures: figures,
      page: { url },
      ...(story ? { story } : {}),
    });
    const record: WrittenPage = {
      url,
      inputPath: EMBED_LAYOUT,
      outputPath: join(this.outDir, ...url.split("/"), "index.html"),
      searchable: false,
      refs: withBodyLoads(pageRefs(content, url), [meta.embedLoads]),
      digest: sha256(content),
      figures: [],
    };
    this.pages.set(url, record);
    await this.file(record.outputPath, content, record.digest, record.refs);
    return true;
  }

  /**
   * Put a page at `path`: linked from the store, or with its figures filled in and written
   * (to the store, then linked). Blocking: a writer that ran ahead of the disk would hold
   * the pages waiting for it in memory (Eleventy renders every page at once); one page is
   * a few system calls. The preview writes asynchronously, and only files that changed.
   */
  private file(path: string, page: string | (() => string), digest: string, refs?: PageRefs): Promise<void> {
    const content = () => (typeof page === "string" ? page : page());
    const dir = dirname(path);
    if (!this.dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.dirs.add(dir);
    }
    const { store, preview, figures } = this.options;
    relieveMemory();
    if (preview) return this.track(this.limiter.run(() => this.preview(path, content(), refs)));
    if (!store) {
      const out = figures.expand(content());
      writeFileSync(path, out);
      if (refs) Object.assign(refs, measure(out));
    } else {
      const name = digest.slice(0, 40);
      const ext = extname(path);
      if (store.has(name, ext)) this.stats.linked++;
      else {
        const out = figures.expand(content());
        store.writeSync(name, ext, out);
        this.stats.stored++;
        if (refs) this.factsOf(name, () => out);
      }
      if (refs)
        Object.assign(
          refs,
          this.factsOf(name, () => readFileSync(store.path(name, ext), "utf8")),
        );
      linkOrCopySync(store.path(name, ext), path);
    }
    return Promise.resolve();
  }

  /** Where the pages' facts are kept between builds: beside the page store (not in it: its files are pruned). */
  private factsFile(): string | undefined {
    const { store, factsFile } = this.options;
    return store ? join(dirname(store.dir), factsFile ?? pageFactsFile()) : undefined;
  }

  /** The gzip size and characters of the content named `name`, measured once (from `text`) and remembered. */
  private factsOf(name: string, text: () => string): PageFacts {
    if (!this.facts) {
      const file = this.factsFile();
      let known: Record<string, PageFacts> = {};
      try {
        if (file) known = JSON.parse(readFileSync(file, "utf8")) as Record<string, PageFacts>;
      } catch {
        // None yet, or unreadable: measured again.
      }
      this.facts = new Map(Object.entries(known).filter(([, f]) => typeof f?.htmlBytes === "number" && typeof f.chars === "string"));
    }
    this.factsUsed.add(name);
    let facts = this.facts.get(name);
    if (facts === undefined) {
      facts = measure(text());
      this.facts.set(name, facts);
      this.factsChanged = true;
    }
    return facts;
  }

  /** The preview's write: the figures and the note filled in, written only if the file's content changed. */
  private async preview(path: string, content: string, refs?: PageRefs): Promise<void> {
    let out = this.options.figures.expand(content);
    // The page's weight and characters as published (without the preview's note).
    if (refs)
      Object.assign(
        refs,
        this.factsOf(sha256(out).slice(0, 40), () => out),
      );
    if (path.endsWith(".html") && !/\sdata-embed[\s>]/.test(out.slice(0, 400)))
      out = out.replace(/<\/body>(?![\s\S]*<\/body>)/, `${previewNote(pageLang(out))}\n</body>`);
    const written = sha256(out);
    if ((this.onDisk.get(path) ?? (await fileDigest(path))) === written) return;
    this.onDisk.set(path, written);
    await writeFile(path, out);
    this.written.push(path);
  }

  private track(task: Promise<void>): Promise<void> {
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task)).catch(() => {});
    return task;
  }

  /** Wait for every file still being written; keep the pages' facts for the next build. */
  async finish(): Promise<void> {
    await Promise.all([...this.pending]);
    const file = this.factsFile();
    if (file && this.facts && this.factsChanged) {
      // Facts of pages no build of this process wrote are dropped once they outnumber the ones it did.
      if (this.facts.size > 2 * this.factsUsed.size + 1000)
        for (const name of this.facts.keys()) if (!this.factsUsed.has(name)) this.facts.delete(name);
      writeFileAtomicSync(file, JSON.stringify(Object.fromEntries(this.facts)));
      this.factsChanged = false;
    }
  }
}

/** What the build keeps of a page's published HTML: its gzip size (level 9, as the page budgets count) and the characters it shows (the font check). */
interface PageFacts {
  htmlBytes: number;
  chars: string;
}

function measure(html: string): PageFacts {
  return { htmlBytes: gzipSync(html, { level: 9 }).length, chars: pageChars(html) };
}

async function fileDigest(path: string): Promise<string | undefined> {
  try {
    return sha256(await readFile(path, "utf8"));
  } catch {
    return undefined;
  }
}
