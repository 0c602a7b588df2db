/**
 * What the pages of a built site weigh for a reader, gzip-compressed as a static host
 * serves them, against the page budgets. One module for the build report (which reads the
 * files: each page's scripts and stylesheets, the modules they import, the data its maps
 * fetch), the page-weight benchmark and the browser tests (which measure in Chromium).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { init as initLexer, parse as parseModule } from "es-module-lexer";
import { Parser } from "htmlparser2";
import type { Lang } from "../../src/lib/i18n/index.ts";
import { SCROLLY_MARKER } from "../../src/site/assets-manifest.ts";
import { FONT_MANIFEST_PATH, type FontManifest, pageFonts, pageText } from "../../src/site/fonts.ts";
import { detach } from "./detach.ts";

export const KB = 1024;

export function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

/** Page budgets, gzip bytes. */
export const BUDGETS = {
  /**
   * A page's first view: its HTML, and the JavaScript, CSS and data it loads before the
   * reader does anything (fonts are counted apart). One eighth of the 217 KB a peer
   * newsroom's page of the same map loads.
   */
  firstView: 27 * KB,
  /** JavaScript a page loads before the reader does anything. */
  js: 15 * KB,
  /** CSS a page loads before the reader does anything. */
  css: 20 * KB,
  /** The largest single data file (GeoJSON, CSV, JSON) a page fetches, maps loaded. */
  dataFile: 200 * KB,
  /**
   * Font files a page downloads (woff2, compressed already), by edition. English: what every
   * page loaded before the font was cut per edition (two files of 56,244 and 56,264 bytes);
   * Korean: a Korean story's Latin and Hangul, both weights.
   */
  fonts: { en: 112_508, ko: 150 * KB } as Record<Lang, number>,
};

/** URL paths of the HTML files under `dir`, sorted: `stories/x/index.html` → `/stories/x/`. */
export function sitePages(dir: string): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".html")) pages.push(pageUrl(relative(dir, path)));
    }
  };
  walk(dir);
  if (pages.length === 0) throw new Error(`No HTML page in ${dir}: build the site first (npm run build).`);
  return pages.sort();
}

/** The URL path a static server gives a file of the site folder. */
export function pageUrl(file: string): string {
  const url = `/${file.split(sep).join("/")}`;
  return url.endsWith("/index.html") ? url.slice(0, -"index.html".length) : url;
}

/** The file of the site folder behind a URL path (`/x/` → `x/index.html`). */
export function fileOfUrl(pathname: string, dir: string): string {
  const path = decodeURIComponent(pathname);
  return join(dir, path.endsWith("/") ? `${path}index.html` : path);
}

/** gzip size (level 9) of the file behind a URL of the site folder `dir`, each file compressed once. */
export function gzipSizes(dir: string): (url: string) => number {
  const cache = new Map<string, number>();
  return (url) => {
    const file = fileOfUrl(new URL(url, "http://site").pathname, dir);
    let bytes = cache.get(file);
    if (bytes === undefined) {
      bytes = gzipSync(readFileSync(file), { level: 9 }).length;
      cache.set(file, bytes);
    }
    return bytes;
  };
}

export const ASSET_KINDS = ["html", "js", "css", "fonts", "data", "map code"] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** MapLibre and the map code, which load only when the reader asks for a map's pan and zoom. */
export function isMapCode(pathname: string): boolean {
  return /maplibre|\/map-[\w-]+\.js$/.test(pathname);
}

/** What a file a page requested is, by its path; code requested after the first load counts as map code. */
export function assetKind(pathname: string, initial: boolean): AssetKind | undefined {
  if (isMapCode(pathname) || (!initial && /\.m?js$|\.css$/.test(pathname))) return "map code";
  if (pathname.endsWith("/") || pathname.endsWith(".html")) return "html";
  if (/\.m?js$/.test(pathname)) return "js";
  if (pathname.endsWith(".css")) return "css";
  if (/\.(woff2?|otf|ttf)$/.test(pathname)) return "fonts";
  if (/^\/data\/|\.(geo)?json$|\.csv$/.test(pathname)) return "data";
  return undefined;
}

/** What a page loads, read from its files rather than measured in a browser. */
export interface PageLoad {
  url: string;
  /** The page's own HTML. */
  html: { path: string; bytes: number };
  /** JavaScript before interaction: its scripts, the modules they import, and for pages with charts the redraw code. */
  js: { path: string; bytes: number }[];
  /** Stylesheets before interaction. */
  css: { path: string; bytes: number }[];
  /** Data files its maps fetch when the reader opens them (their configuration and GeoJSON), largest first. */
  data: { path: string; bytes: number }[];
  /** The page's language (`<html lang>`). */
  lang: Lang;
  /** Font files its text needs (woff2 bytes, counted apart from the first view), both weights. */
  fonts: { path: string; bytes: number }[];
}

/** The language a page's `<html lang>` names. */
export function htmlLang(html: string): Lang {
  return /<html[^>]*\slang="ko/i.test(html.slice(0, 500)) ? "ko" : "en";
}

/** The site's font manifest (written by the build beside the fonts), if it has one. */
export function readFontManifest(dir: string): FontManifest | undefined {
  const file = fileOfUrl(FONT_MANIFEST_PATH, dir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as FontManifest) : undefined;
}

/** The first view of a page: its HTML, and the JavaScript and CSS it loads before any interaction. */
export function firstView(load: PageLoad): number {
  return load.html.bytes + total(load.js) + total(load.css);
}

export const total = (files: { bytes: number }[]): number => files.reduce((s, f) => s + f.bytes, 0);

/** What a page names that it loads: read from its HTML once, kept by the build instead of the HTML. */
export interface PageRefs {
  scripts: string[];
  styles: string[];
  /** Its maps' configuration files (`data-map`); the data files they name are read from them by `pageLoads`. */
  maps: Set<string>;
  /**
   * The lazy chunks the page's script fetches without any interaction, by name (esbuild
   * names a chunk after the module imported, `redraw-<hash>.js`): the redraw code and the
   * renderer of each chart kind on pages with charts (a chart is redrawn at the width it
   * has), the scrollytelling code on pages with a scrolly, and the code that follows links
   * to a dong on pages with a table of dong.
   */
  chunks: Set<string>;
  /** gzip size (level 9) of the page's HTML as written, when the writer measured it. */
  htmlBytes?: number;
  /** The page's language (`<html lang>`). */
  lang?: Lang;
  /** The characters the page shows, each once (for the fonts it downloads), when known: see `pageChars`. */
  chars?: string;
}

/** The characters a page shows, each once, in code-point order (see `pageText`). */
export function pageChars(html: string): string {
  return [...new Set(pageText(html))].sort().join("");
}

/**
 * Where a page's maps get their data when the reader opens them: each map's configuration,
 * the file named by its `data-map` attribute (kept as a copy: see detach.ts).
 */
function mapFiles(html: string, into: Set<string>): void {
  for (const m of html.matchAll(/ data-map="(\/[^"?#]+)"/g)) into.add(detach(m[1]!));
}

/** The lazy chunks a piece of HTML makes its page's script fetch (see PageRefs.chunks). */
function chunksOf(html: string, into: Set<string>): void {
  if (html.includes(" data-chart=")) {
    into.add("redraw");
    for (const m of html.matchAll(/ data-figure="([a-z]+)"/g)) into.add(detach(m[1]!));
  }
  if (SCROLLY_MARKER.test(html)) into.add("scrolly");
  if (html.includes('<tr id="dong-')) into.add("area-anchor");
}

/** `/assets/redraw-AB12CD.js` → "redraw". */
function chunkName(path: string): string {
  return (path.split("/").pop() ?? "").replace(/-[A-Z0-9]+\.m?js$/, "");
}

/** The scripts and stylesheets a page names in its <head> (`<script src>`, `<link rel=stylesheet>`). */
function codeRefs(html: string, base: string): { scripts: string[]; styles: string[] } {
  const refs = { scripts: [] as string[], styles: [] as string[] };
  const local = (href: string) => {
    const u = new URL(href, `http://site${base}`);
    return u.origin === "http://site" ? u.pathname : undefined;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === "script" && attrs.src && attrs.type !== "application/json") {
          const p = local(attrs.src);
          if (p) refs.scripts.push(p);
        }
        if (name === "link" && attrs.href && /(^|\s)stylesheet(\s|$)/i.test(attrs.rel ?? "")) {
          const p = local(attrs.href);
          if (p) refs.styles.push(p);
        }
      },
    },
    { decodeEntities: true },
  );
  // Only these tags go to the parser, and only from <head>, where the layouts put every
  // script and stylesheet: pages are mostly SVG, and reading all of it costs seconds on a
  // thousand stories (the browser tests check that nothing Chromium loads is missed). Each
  // tag is cut from its "<" to the next ">" (attribute values cannot hide one: the build
  // escapes it); a script's tag is closed, or the parser would read what follows as code.
  const head = html.slice(0, Math.max(0, html.indexOf("</head>")) || html.length);
  for (const needle of ["<script", "<link"]) {
    for (let i = head.indexOf(needle); i >= 0; i = head.indexOf(needle, i + needle.length)) {
      const end = head.indexOf(">", i);
      if (end > i) parser.write(needle === "<script" ? `${head.slice(i, end + 1)}</script>` : head.slice(i, end + 1));
    }
  }
  parser.end();
  return refs;
}

/** `whole`: `html` is the page as published (figures filled in), so its characters are known too. */
export function pageRefs(html: string, base: string, whole = false): PageRefs {
  const maps = new Set<string>();
  mapFiles(html, maps);
  const chunks = new Set<string>();
  chunksOf(html, chunks);
  return { ...codeRefs(html, base), maps, chunks, lang: htmlLang(html), ...(whole ? { chars: pageChars(html) } : {}) };
}

/** What a piece of a page's body (a figure) makes the page load: its map's configuration, the chunks its charts or steps need. */
export interface BodyLoads {
  maps: string[];
  chunks: string[];
}

export function bodyLoads(html: string): BodyLoads {
  const maps = new Set<string>();
  mapFiles(html, maps);
  const chunks = new Set<string>();
  chunksOf(html, chunks);
  return { maps: [...maps], chunks: [...chunks] };
}

/** A page's refs with what the pieces put into its body add (the page writer reads pages before their figures go in). */
export function withBodyLoads(refs: PageRefs, pieces: BodyLoads[]): PageRefs {
  for (const piece of pieces) {
    for (const path of piece.maps) refs.maps.add(path);
    for (const chunk of piece.chunks) refs.chunks.add(chunk);
  }
  return refs;
}

/**
 * What every page of the built site in `dir` loads, and its gzip weight, read from the files: its
 * HTML, the scripts and stylesheets in it, the modules those import (followed through the
 * bundle's static imports), the redraw code on pages with charts (fetched when a chart's
 * width differs from the one it was drawn at), and the data its maps fetch once opened.
 * MapLibre and the map code load only when the reader asks for a map and are not counted as
 * “before interaction”. The browser tests check that this never counts less than Chromium loads.
 */
export async function pageLoads(
  dir: string,
  pages: string[] = sitePages(dir),
  /** What each page loads, by URL, when the caller read it already (the build's page writer); otherwise read from `dir`. */
  known?: Map<string, PageRefs>,
): Promise<PageLoad[]> {
  await initLexer;
  const size = gzipSizes(dir);
  const imports = new Map<string, { static: string[]; dynamic: string[] }>();
  const importsOf = (path: string) => {
    let found = imports.get(path);
    if (!found) {
      found = { static: [], dynamic: [] };
      const [list] = parseModule(readFileSync(fileOfUrl(path, dir), "utf8"));
      for (const i of list) {
        if (!i.n || !/^\.{0,2}\//.test(i.n)) continue;
        const target = new URL(i.n, `http://site${path}`).pathname;
        (i.d === -1 ? found.static : i.d >= 0 ? found.dynamic : []).push(target);
      }
      imports.set(path, found);
    }
    return found;
  };
  const read = (path: string) => readFileSync(fileOfUrl(path, dir), "utf8");
  /** The data files each map configuration names (every site path under /data/ in it), each file read once. */
  const mapData = new Map<string, string[]>();
  const dataOf = (config: string) => {
    let found = mapData.get(config);
    if (!found) {
      // Copies: a match is a view of the whole configuration, which the report's rows would keep alive.
      found = [...new Set([...read(config).matchAll(/"(\/data\/[^"?#]+)"/g)].map((m) => detach(m[1]!)))];
      mapData.set(config, found);
    }
    return found;
  };
  const fontManifest = readFontManifest(dir);
  const fileBytes = new Map<string, number>();
  const bytesOf = (path: string) => {
    let n = fileBytes.get(path);
    if (n === undefined) fileBytes.set(path, (n = statSync(fileOfUrl(path, dir)).size));
    return n;
  };
  return pages.map((url) => {
    const refs = known?.get(url) ?? pageRefs(read(url), url, true);
    const js = new Set<string>();
    const add = (path: string) => {
      if (js.has(path) || isMapCode(path)) return;
      js.add(path);
      const { static: eager, dynamic } = importsOf(path);
      for (const p of eager) add(p);
      for (const p of dynamic) if (refs.chunks.has(chunkName(p))) add(p);
    };
    for (const s of refs.scripts) add(s);
    const data = new Set<string>();
    for (const config of refs.maps) {
      data.add(config);
      for (const d of dataOf(config)) data.add(d);
    }
    const files = (paths: Iterable<string>) => [...paths].map((path) => ({ path, bytes: size(path) }));
    const lang = refs.lang ?? "en";
    const fonts = fontManifest && refs.chars !== undefined ? pageFonts(refs.chars, lang, fontManifest).faces : [];
    return {
      lang,
      fonts: fonts.map((f) => ({ path: f.url, bytes: bytesOf(f.url) })).sort((a, b) => a.path.localeCompare(b.path)),
      url,
      html: { path: url, bytes: refs.htmlBytes ?? size(url) },
      js: files(js),
      css: files(new Set(refs.styles)),
      data: files(data).sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path)),
    };
  });
}
