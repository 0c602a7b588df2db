/**
 * What the pages of a built site weigh for a reader, gzip-compressed as a static host
 * serves them, against the page budgets. One module for the build report (which reads the
 * files: each page's scripts and stylesheets, the modules they import, the data its maps
 * fetch), the page-weight benchmark and the browser tests (which measure in Chromium).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { init as initLexer, parse as parseModule } from "es-module-lexer";
import { Parser } from "htmlparser2";
import { detach } from "./detach.ts";

export const KB = 1024;

export function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

/** Page budgets, gzip bytes. */
export const BUDGETS = {
  /** JavaScript a page loads before the reader does anything. */
  js: 15 * KB,
  /** CSS a page loads before the reader does anything. */
  css: 20 * KB,
  /** The largest single data file (GeoJSON, CSV, JSON) a page fetches, maps loaded. */
  dataFile: 200 * KB,
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

/** MapLibre and the map code, which load only when a map nears the viewport. */
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
  /** JavaScript before interaction: its scripts, the modules they import, and for pages with charts the redraw code. */
  js: { path: string; bytes: number }[];
  /** Stylesheets before interaction. */
  css: { path: string; bytes: number }[];
  /** Data files its maps fetch (GeoJSON), largest first. */
  data: { path: string; bytes: number }[];
}

export const total = (files: { bytes: number }[]): number => files.reduce((s, f) => s + f.bytes, 0);

/** What a page names that it loads: read from its HTML once, kept by the build instead of the HTML. */
export interface PageRefs {
  scripts: string[];
  styles: string[];
  data: Set<string>;
  charts: boolean;
}

/**
 * Where a page's maps get their data: every site path under /data/ in the page's map
 * configurations (`data-map`, and `data-map-on-demand` on embed pages). The configuration is
 * JSON in an attribute, escaped by the build, so each path sits between two `&quot;`; they
 * are read from the escaped text, without decoding and parsing kilobytes of configuration
 * per map.
 */
function mapDataPaths(html: string, into: Set<string>): void {
  for (let i = html.indexOf(" data-map"); i >= 0; i = html.indexOf(" data-map", i + 9)) {
    const open = html.indexOf('="', i);
    const close = open < 0 ? -1 : html.indexOf('"', open + 2);
    if (close < 0 || html.slice(i + 1, open).match(/[\s>]/)) continue;
    for (const m of html.slice(open + 2, close).matchAll(/&quot;(\/data\/[^&"?#]+)/g)) into.add(detach(m[1]!));
  }
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

export function pageRefs(html: string, base: string): PageRefs {
  const data = new Set<string>();
  mapDataPaths(html, data);
  return { ...codeRefs(html, base), data, charts: html.includes(" data-chart=") };
}

/** What a piece of a page's body (a figure) makes the page load: the data its maps fetch, and whether it holds a chart. */
export interface BodyLoads {
  data: string[];
  charts: boolean;
}

export function bodyLoads(html: string): BodyLoads {
  const data = new Set<string>();
  mapDataPaths(html, data);
  return { data: [...data], charts: html.includes(" data-chart=") };
}

/** A page's refs with what the pieces put into its body add (the page writer reads pages before their figures go in). */
export function withBodyLoads(refs: PageRefs, pieces: BodyLoads[]): PageRefs {
  for (const piece of pieces) {
    for (const path of piece.data) refs.data.add(path);
    refs.charts ||= piece.charts;
  }
  return refs;
}

/**
 * What every page of the built site in `dir` loads, and its gzip weight, read from the files: the
 * scripts and stylesheets in its HTML, the modules those import (followed through the
 * bundle's static imports), the redraw code on pages with charts (fetched when a chart's
 * width differs from the one it was drawn at), and the GeoJSON its maps fetch. MapLibre and
 * the map code load only when a map nears the viewport and are not counted as “before
 * interaction”. The browser tests check that this never counts less than Chromium loads.
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
  return pages.map((url) => {
    const refs = known?.get(url) ?? pageRefs(readFileSync(fileOfUrl(url, dir), "utf8"), url);
    const js = new Set<string>();
    const add = (path: string, lazy: boolean) => {
      if (js.has(path) || isMapCode(path)) return;
      js.add(path);
      const { static: eager, dynamic } = importsOf(path);
      for (const p of eager) add(p, lazy);
      if (refs.charts && !lazy) for (const p of dynamic) add(p, true);
    };
    for (const s of refs.scripts) add(s, false);
    const files = (paths: Iterable<string>) => [...paths].map((path) => ({ path, bytes: size(path) }));
    return {
      url,
      js: files(js),
      css: files(new Set(refs.styles)),
      data: files(refs.data).sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path)),
    };
  });
}
