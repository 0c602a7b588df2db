/**
 * The site font (Pretendard, SIL OFL 1.1) cut for the web, per edition.
 *
 * Every character the site can show is read from its sources (src/, the generated data)
 * and cut out of the full OpenType files into woff2 files, split by `unicode-range` so a
 * page downloads only the files whose characters it shows:
 *
 * - `latin`: everything but Hangul (Latin, digits, punctuation, symbols), one file per weight
 *   shared by both editions (the layouts preload the regular one);
 * - the English edition's Hangul (the Korean names and the site's Korean title its pages
 *   show): one file per weight;
 * - the Korean edition's Hangul in chunks by how many source files use each syllable, as
 *   large CJK web fonts are cut: chunk 0 holds the most used syllables and claims the whole
 *   Hangul block, each later chunk lists its syllables (a rule declared later wins for the
 *   characters it lists, so the lists, which cost CSS bytes, are only the rarer ones).
 *
 * Only the shaping features browsers apply by default are kept, and `tnum` (tables use
 * tabular figures): the stylistic sets and alternates would double the Latin file.
 *
 * After the pages are written, `pageFontProblems` checks that every character of every page
 * is in the edition's font (a character Pretendard lacks fails the build, named), and
 * `pageFonts` tells which files a page loads, for the build report and the bench.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { copyFile, mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { writeFileAtomic } from "../../scripts/lib/atomic.ts";
import type { Problem } from "../../scripts/lib/problems.ts";
import { sortedEntries } from "../lib/dir-listing.ts";
import type { Lang } from "../lib/i18n/index.ts";
import { unicodeRange } from "../lib/unicode-range.ts";
import { stringsCalls } from "./i18n-split.ts";
import { type RevisionLog, revisionLog } from "./revisions.ts";

export { unicodeRange };

const require = createRequire(import.meta.url);

/** The typeface's full files (package paths), cut for the site and for share cards. */
export const PRETENDARD_OTF = {
  regular: "pretendard/dist/public/static/Pretendard-Regular.otf",
  bold: "pretendard/dist/public/static/Pretendard-Bold.otf",
} as const;

export const FONT_FAMILY = "Atlas Sans";
export const FONT_WEIGHTS = [400, 700] as const;
export type FontWeight = (typeof FONT_WEIGHTS)[number];
const SOURCES: Record<FontWeight, string> = { 400: PRETENDARD_OTF.regular, 700: PRETENDARD_OTF.bold };

/** OpenType features kept: what browsers apply without being asked, Hangul jamo shaping, and tabular figures. */
export const KEEP_FEATURES = [
  "ccmp",
  "locl",
  "mark",
  "mkmk",
  "kern",
  "liga",
  "clig",
  "calt",
  "rlig",
  "rvrn",
  "ljmo",
  "vjmo",
  "tjmo",
  "tnum",
];

/**
 * At most this many syllables of the layouts (the site's Korean title) get an English-edition
 * file of their own, so an English page that shows no other Hangul loads a few KB, not the
 * edition's Hangul file.
 */
export const EVERY_PAGE_MAX = 60;

/** Syllables in the Korean edition's first (most used) chunk; the rest go in chunks of `HANGUL_CHUNK`. */
export const HANGUL_FIRST = 600;
export const HANGUL_CHUNK = 250;

/** Hangul: jamo, compatibility jamo, extended jamo and the syllables. */
const HANGUL_BLOCKS: [number, number][] = [
  [0x1100, 0x11ff],
  [0x3130, 0x318f],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xd7b0, 0xd7ff],
];
export const isHangul = (cp: number): boolean => HANGUL_BLOCKS.some(([a, b]) => cp >= a && cp <= b);
const HANGUL_RANGE = HANGUL_BLOCKS.map(([a, b]) => `U+${hex(a)}-${hex(b)}`).join(",");

function hex(cp: number): string {
  return cp.toString(16).toUpperCase();
}

/** Characters with no glyph to draw: controls, line breaks, joiners and marks the browser handles itself. */
function invisible(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f);
}

/** The [first, last] code point pairs of a unicode-range. */
function rangePairs(range: string): [number, number][] {
  return range.split(",").map((part) => {
    const [a, b = a] = part.trim().replace(/^U\+/i, "").split("-");
    return [Number.parseInt(a!, 16), Number.parseInt(b!, 16)];
  });
}

/** What the site's sources say, by character: in how many files each appears, for each edition. */
export interface SiteCharacters {
  /** Characters both editions may show, with the number of source files using each. */
  both: Map<string, number>;
  /** Characters only the Korean edition shows (src/ko/, Korean interface strings, `_ko` texts). */
  ko: Map<string, number>;
  /** Characters of the layouts and the site's data (src/_includes/, src/_data/): on every page. */
  everyPage: Set<string>;
}

/** Keys whose Korean text is a name, shown beside the English in both editions (name_ko, gu_name_ko). */
const SHARED_KO_KEY = /(^|_)names?_ko$/;
/** Other `_ko` keys hold Korean prose only the Korean edition shows. */
const KO_KEY = /_ko$/;

/**
 * Every character the site can show, read from src/ and the generated data, plus printable
 * ASCII and the typographic marks the code writes. Korean-only text is told apart so the
 * English edition's font stays small; what it misses is caught after the pages are written.
 */
export function siteCharacters(root: string, generatedDir: string): SiteCharacters {
  const both = new Map<string, number>();
  const ko = new Map<string, number>();
  const everyPage = new Set<string>();
  const count = (into: Map<string, number>, text: string) => {
    for (const ch of new Set(text)) if (!invisible(ch.codePointAt(0)!)) into.set(ch, (into.get(ch) ?? 0) + 1);
  };
  let ascii = "\u00a0–—‘’“”…·×÷²³°±≤≥→←↑↓€₩%‰©";
  for (let c = 0x20; c < 0x7f; c++) ascii += String.fromCharCode(c);
  count(both, ascii);
  const srcKo = join(root, "src", "ko");
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const { name, path, isFolder } of sortedEntries(dir)) {
      if (isFolder) walk(path);
      else if (/\.(md|ts|ya?ml|csv|json|geojson)$/.test(name)) {
        const text = readFileSync(path, "utf8");
        if (/[\\/]src[\\/]_(includes|data)[\\/]/.test(path)) for (const ch of splitKorean(name, text).both) everyPage.add(ch);
        if (!relative(srcKo, path).startsWith("..")) count(ko, text);
        else {
          const split = splitKorean(name, text);
          count(both, split.both);
          if (split.ko) count(ko, split.ko);
        }
      }
    }
  };
  walk(join(root, "src"));
  walk(generatedDir);
  // The data pages of both editions show each dataset's revision log: the rows and cells of
  // its earlier versions (a syllable a correction took out of a CSV stays on the page) and the
  // commits' messages. Read as the catalogue reads them (cached in .cache/revisions/).
  for (const log of revisionLogs(root, generatedDir)) count(both, JSON.stringify(log));
  // Read by pages but kept in data/: the corrections (their Korean text on Korean pages) and the sources.
  for (const name of ["corrections.yaml", "sources.yaml"]) {
    const path = join(root, "data", name);
    if (!existsSync(path)) continue;
    const split = splitKorean(name, readFileSync(path, "utf8"));
    count(both, split.both);
    if (split.ko) count(ko, split.ko);
  }
  return { both, ko, everyPage };
}

/** The revision log of every dataset kept in data/ that the generated manifest lists (the catalogue shows them). */
function revisionLogs(root: string, generatedDir: string): RevisionLog[] {
  const path = join(generatedDir, "manifest.json");
  if (!existsSync(path)) return [];
  let manifest: { datasets?: Record<string, { key?: string; inputs?: string[] }> };
  try {
    manifest = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return []; // a damaged manifest stops the build where it is read for the pages
  }
  return Object.values(manifest.datasets ?? {})
    .filter((d) => d.inputs?.[0]?.startsWith("data/"))
    .map((d) => revisionLog(root, d.inputs![0]!, d.key ?? ""));
}

/**
 * A source file's text, its Korean-only parts apart: `_ko` fields of YAML and JSON, the Korean
 * half of `strings(en, ko)`. CSV files count whole: the data pages of both editions show
 * every column.
 */
export function splitKorean(name: string, text: string): { both: string; ko: string } {
  if (/\.(geo)?json$/.test(name)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { both: text, ko: "" };
    }
    const parts = { both: [] as string[], ko: [] as string[] };
    const visit = (v: unknown, ko: boolean) => {
      if (typeof v === "string") (ko ? parts.ko : parts.both).push(v);
      else if (Array.isArray(v)) for (const x of v) visit(x, ko);
      else if (v && typeof v === "object")
        for (const [k, x] of Object.entries(v)) {
          parts.both.push(k);
          visit(x, ko || (KO_KEY.test(k) && !SHARED_KO_KEY.test(k)));
        }
    };
    visit(value, false);
    return { both: parts.both.join("\n"), ko: parts.ko.join("\n") };
  }
  if (/\.ya?ml$/.test(name)) {
    const both: string[] = [];
    const ko: string[] = [];
    let koIndent = -1;
    for (const line of text.split("\n")) {
      const indent = line.search(/\S/);
      if (koIndent >= 0 && (indent < 0 || indent > koIndent)) {
        ko.push(line);
        continue;
      }
      koIndent = -1;
      const key = /^(\s*(?:-\s+)?)([\w-]+):/.exec(line);
      if (key && KO_KEY.test(key[2]!) && !SHARED_KO_KEY.test(key[2]!)) {
        koIndent = key[1]!.length;
        ko.push(line.slice(key[0].length));
        both.push(key[0]);
      } else both.push(line);
    }
    return { both: both.join("\n"), ko: ko.join("\n") };
  }
  if (name.endsWith(".ts")) {
    const calls = stringsCalls(text);
    let both = "";
    let at = 0;
    for (const c of calls) {
      both += text.slice(at, c.ko[0]);
      at = c.ko[1];
    }
    return { both: both + text.slice(at), ko: calls.map((c) => text.slice(...c.ko)).join("\n") };
  }
  return { both: text, ko: "" };
}

/** One @font-face: a file of one weight holding `chars`, used for the characters in `range`. */
export interface FontFace {
  weight: FontWeight;
  /** latin, hangul-en, hangul-ko-0, hangul-ko-1… */
  name: string;
  url: string;
  /** CSS unicode-range; empty: every character (the Latin file, tried last). */
  range: string;
  /** The characters the file holds, sorted. */
  chars: string;
  bytes: number;
}

/** The fonts of the site: each edition's faces, in the order their rules are declared. */
export interface FontManifest {
  faces: Record<Lang, FontFace[]>;
}

/** How the characters are cut into files: names, characters, ranges (weights apart). */
export function fontPlan(
  chars: SiteCharacters,
  /** The source font's characters: others are left out (a page that shows one fails the build, named). */
  source: Set<number> = sourceCharacters(),
): Record<Lang, { name: string; chars: string[]; range: string }[]> {
  const has = ([c]: [string, number]) => source.has(c.codePointAt(0)!);
  chars = { both: new Map([...chars.both].filter(has)), ko: new Map([...chars.ko].filter(has)), everyPage: chars.everyPage };
  const all = new Map(chars.both);
  for (const [c, n] of chars.ko) all.set(c, (all.get(c) ?? 0) + n);
  const byUse = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
  const hangul = (c: string) => isHangul(c.codePointAt(0)!);
  const latin = byUse(all)
    .filter((c) => !hangul(c))
    .sort();
  // No range: declared first, the Latin file is tried last, after the Hangul files claim theirs.
  const latinFace = { name: "latin", chars: latin, range: "" };
  const en = byUse(chars.both).filter(hangul).sort();
  const ko = byUse(all).filter(hangul);
  const koChunks = [ko.slice(0, HANGUL_FIRST)];
  for (let i = HANGUL_FIRST; i < ko.length; i += HANGUL_CHUNK) koChunks.push(ko.slice(i, i + HANGUL_CHUNK));
  const koFaces = koChunks.map((c, i) => ({
    name: `hangul-ko-${i}`,
    chars: [...c].sort(),
    // The first chunk claims all of Hangul (declared first, it is the last tried); later chunks list theirs.
    range: i === 0 ? HANGUL_RANGE : unicodeRange(c.map((ch) => ch.codePointAt(0)!)),
  }));
  const common = en.filter((c) => chars.everyPage.has(c));
  const enFaces = [
    // The English edition falls back on the Korean edition's first chunk for a syllable its own file lacks.
    ...(koFaces[0] ? [koFaces[0]] : []),
    ...(en.length ? [{ name: "hangul-en", chars: en, range: HANGUL_RANGE }] : []),
    // The layouts' few syllables (the site's Korean title), listed: most English pages show no other Hangul.
    ...(common.length && common.length <= EVERY_PAGE_MAX
      ? [{ name: "hangul-en-common", chars: common, range: unicodeRange(common.map((c) => c.codePointAt(0)!)) }]
      : []),
  ];
  return {
    en: [latinFace, ...enFaces],
    ko: [latinFace, ...koFaces],
  };
}

/** The @font-face rules of an edition, in declaration order. */
export function fontFaceCss(faces: FontFace[]): string {
  return faces
    .map(
      (f) =>
        `@font-face{font-family:"${FONT_FAMILY}";font-weight:${f.weight};font-display:swap;src:url("${f.url}") format("woff2")${f.range ? `;unicode-range:${f.range}` : ""}}`,
    )
    .join("\n");
}

let current: FontManifest | undefined;

/** The fonts of the last build (set by `buildFonts`). */
export function fontManifest(): FontManifest {
  if (!current) throw new Error("the site fonts were not built (buildFonts runs before the pages are rendered)");
  return current;
}

/** The fonts of the last build in this process, if there was one. */
export function fontManifestIfBuilt(): FontManifest | undefined {
  return current;
}

export function setFontManifest(manifest: FontManifest): void {
  current = manifest;
}

/** Where the built site keeps the font manifest (read by the page-weight code and the bench). */
export const FONT_MANIFEST_PATH = "/assets/fonts/fonts.json";

/**
 * Cuts the fonts into `<outDir>/assets/fonts/` (cached in .cache/fonts/ by the characters,
 * the source file and the options), writes the manifest, and returns it.
 */
export async function buildFonts(root: string, outDir: string, generatedDir: string): Promise<FontManifest> {
  const plan = fontPlan(siteCharacters(root, generatedDir));
  const cacheDir = join(root, ".cache", "fonts");
  await mkdir(cacheDir, { recursive: true });
  const fontsDir = join(outDir, "assets", "fonts");
  await mkdir(fontsDir, { recursive: true });
  const cut = new Map<string, FontFace>();
  const faces: FontManifest["faces"] = { en: [], ko: [] };
  // The source fonts' bytes, not their paths: a new Pretendard release cuts new files, under
  // new names (static hosts may keep a named file a year: security-headers.ts).
  const sourceDigests = new Map<string, string>();
  const sourceDigest = (path: string) => {
    let digest = sourceDigests.get(path);
    if (!digest) {
      digest = createHash("sha256").update(readFileSync(path)).digest("hex");
      sourceDigests.set(path, digest);
    }
    return digest;
  };
  for (const lang of ["en", "ko"] as const)
    for (const weight of FONT_WEIGHTS)
      for (const part of plan[lang]) {
        const id = `${part.name}-${weight}`;
        let face = cut.get(id);
        if (!face) {
          const text = part.chars.join("");
          const source = require.resolve(SOURCES[weight]);
          const key = createHash("sha256")
            .update(text)
            .update(sourceDigest(source))
            .update(KEEP_FEATURES.join())
            .digest("hex")
            .slice(0, 16);
          const cached = join(cacheDir, `${key}.woff2`);
          if (!existsSync(cached)) {
            // Loaded only when a subset is missing: an unchanged site never needs it.
            const { default: subsetFont } = await import("subset-font");
            await writeFileAtomic(
              cached,
              await subsetFont(await readFile(source), text, { targetFormat: "woff2", keepFeatures: KEEP_FEATURES }),
            );
          }
          // The Latin file keeps the name it always had (layouts preload it); the others are named by content.
          const file = part.name === "latin" ? `atlas-sans-${weight}.woff2` : `atlas-sans-${weight}-${part.name}-${key.slice(0, 8)}.woff2`;
          await copyFile(cached, join(fontsDir, file));
          face = { weight, name: part.name, url: `/assets/fonts/${file}`, range: part.range, chars: text, bytes: statSync(cached).size };
          cut.set(id, face);
        }
        faces[lang].push(face);
      }
  // Each edition's rules: for every weight, the parts in plan order (a later rule wins where ranges overlap).
  for (const lang of ["en", "ko"] as const) faces[lang].sort((a, b) => a.weight - b.weight);
  const manifest = { faces };
  await writeFileAtomic(join(outDir, FONT_MANIFEST_PATH), `${JSON.stringify(manifest)}\n`);
  // The SIL Open Font License travels with the font files.
  await copyFile(require.resolve("pretendard/dist/LICENSE.txt"), join(fontsDir, "LICENSE-Pretendard.txt"));
  setFontManifest(manifest);
  return manifest;
}

/**
 * The preview's last resort (npm start cuts the font files once, when it starts): each
 * weight's whole font, Pretendard's own woff2 (about 800 KB, fetched only by a page with a
 * character the cut files lack). Declared before the edition's rules, so it is tried last.
 */
const WHOLE_FONTS: Record<FontWeight, string> = {
  400: "pretendard/dist/web/static/woff2/Pretendard-Regular.woff2",
  700: "pretendard/dist/web/static/woff2/Pretendard-Bold.woff2",
};
const wholeFontUrl = (weight: FontWeight) => `/assets/fonts/atlas-sans-${weight}-whole.woff2`;

export function previewFallbackFaces(): FontFace[] {
  return FONT_WEIGHTS.map((weight) => ({ weight, name: "whole", url: wholeFontUrl(weight), range: "", chars: "", bytes: 0 }));
}

/** Copy the preview's whole fonts into <outDir>/assets/fonts. */
export async function copyWholeFonts(outDir: string): Promise<void> {
  await mkdir(join(outDir, "assets", "fonts"), { recursive: true });
  for (const weight of FONT_WEIGHTS) await copyFile(require.resolve(WHOLE_FONTS[weight]), join(outDir, wholeFontUrl(weight)));
}

/** The characters of the source font (its cmap), read once. */
let sourceCmap: Set<number> | undefined;
export function sourceCharacters(): Set<number> {
  sourceCmap ??= cmapOf(readFileSync(require.resolve(SOURCES[400])));
  return sourceCmap;
}

/** The code points an OpenType font maps (its cmap: the Unicode subtable, format 12 or 4). */
export function cmapOf(font: Buffer): Set<number> {
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) if (font.toString("latin1", 12 + i * 16, 16 + i * 16) === "cmap") cmap = font.readUInt32BE(20 + i * 16);
  if (cmap < 0) throw new Error("the font has no cmap table");
  const subtables = font.readUInt16BE(cmap + 2);
  const offsets = new Map<string, number>();
  for (let i = 0; i < subtables; i++) {
    const at = cmap + 4 + i * 8;
    offsets.set(`${font.readUInt16BE(at)}/${font.readUInt16BE(at + 2)}`, cmap + font.readUInt32BE(at + 4));
  }
  const set = new Set<number>();
  const full = offsets.get("3/10") ?? offsets.get("0/4");
  if (full !== undefined && font.readUInt16BE(full) === 12) {
    const groups = font.readUInt32BE(full + 12);
    for (let g = 0; g < groups; g++) {
      const at = full + 16 + g * 12;
      for (let c = font.readUInt32BE(at); c <= font.readUInt32BE(at + 4); c++) set.add(c);
    }
    return set;
  }
  const bmp = offsets.get("3/1") ?? offsets.get("0/3");
  if (bmp === undefined || font.readUInt16BE(bmp) !== 4) throw new Error("the font has no Unicode cmap of format 4 or 12");
  const segs = font.readUInt16BE(bmp + 6) / 2;
  const ends = bmp + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const rangeOffsets = deltas + segs * 2;
  for (let s = 0; s < segs; s++) {
    const end = font.readUInt16BE(ends + s * 2);
    const start = font.readUInt16BE(starts + s * 2);
    const delta = font.readInt16BE(deltas + s * 2);
    const ro = font.readUInt16BE(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      const glyph = ro === 0 ? (c + delta) & 0xffff : font.readUInt16BE(rangeOffsets + s * 2 + ro + (c - start) * 2);
      if (glyph !== 0) set.add(c);
    }
  }
  return set;
}

/** The characters a page shows: its text (tags, scripts and styles removed, entities decoded) and its inputs' placeholders. */
export function pageText(html: string): string {
  const body = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, "").replace(/<title>[\s\S]*?<\/title>/i, "");
  const placeholders = [...body.matchAll(/\splaceholder="([^"]*)"/g)].map((m) => m[1]).join(" ");
  return decodeEntities(`${body.replace(/<[^>]*>/g, " ")} ${placeholders}`);
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return named[e.toLowerCase()] ?? whole;
  });
}

/** For each character, the faces of each weight a page tries, in the order tried; cached per manifest and edition. */
const resolution = new WeakMap<FontManifest, Map<string, Map<string, { tried: FontFace[]; found: boolean }[]>>>();

function facesFor(manifest: FontManifest, lang: Lang, ch: string): { tried: FontFace[]; found: boolean }[] {
  let byLang = resolution.get(manifest);
  if (!byLang) resolution.set(manifest, (byLang = new Map()));
  let byChar = byLang.get(lang);
  if (!byChar) byLang.set(lang, (byChar = new Map()));
  let found = byChar.get(ch);
  if (!found) {
    const cp = ch.codePointAt(0)!;
    found = FONT_WEIGHTS.map((weight) => {
      // Later rules are tried first; the browser downloads each face it tries until one has the glyph.
      const faces = manifest.faces[lang]
        .filter((f) => f.weight === weight && (!f.range || rangePairs(f.range).some(([a, b]) => cp >= a && cp <= b)))
        .reverse();
      const hit = faces.findIndex((f) => f.chars.includes(ch));
      return { tried: hit < 0 ? faces : faces.slice(0, hit + 1), found: hit >= 0 };
    });
    byChar.set(ch, found);
  }
  return found;
}

/** The font files a page of `lang` downloads for these characters (both weights), and the characters no file of its edition has. */
export function pageFonts(text: string, lang: Lang, manifest: FontManifest): { faces: FontFace[]; missing: string[] } {
  // Pages of one kind show the same characters: each set is looked up once per manifest.
  let known = pageFontsSeen.get(manifest);
  if (!known) pageFontsSeen.set(manifest, (known = new Map()));
  const id = `${lang}\n${text}`;
  let found = known.get(id);
  if (!found) {
    found = lookUpPageFonts(text, lang, manifest);
    if (known.size > 10_000) known.clear();
    known.set(id, found);
  }
  return { faces: [...found.faces], missing: [...found.missing] };
}
const pageFontsSeen = new WeakMap<FontManifest, Map<string, { faces: FontFace[]; missing: string[] }>>();

function lookUpPageFonts(text: string, lang: Lang, manifest: FontManifest): { faces: FontFace[]; missing: string[] } {
  const used = new Set<FontFace>();
  const missing = new Set<string>();
  for (const ch of new Set(text)) {
    if (invisible(ch.codePointAt(0)!)) continue;
    for (const w of facesFor(manifest, lang, ch)) {
      for (const f of w.tried) used.add(f);
      if (!w.found) missing.add(ch);
    }
  }
  return { faces: [...used], missing: [...missing].sort() };
}

const describe = (ch: string) => `U+${hex(ch.codePointAt(0)!).padStart(4, "0")} “${ch}”`;

/**
 * Problems with the characters of the written pages: a character Pretendard does not have
 * (the reader would see another font's glyph, or a box), or one the font files lack though
 * Pretendard has it (the character came from somewhere the font's scan does not read).
 */
export function pageFontProblems(
  /** Each page's HTML, or the characters it shows (`text`, e.g. `pageChars` of its HTML, kept by the page writer). */
  pages: ({ url: string; lang: Lang } & ({ html: string } | { text: string }))[],
  manifest: FontManifest,
): Problem[] {
  const problems: Problem[] = [];
  const source = sourceCharacters();
  for (const page of pages) {
    const { missing } = pageFonts("text" in page ? page.text : pageText(page.html), page.lang, manifest);
    const absent = missing.filter((ch) => !source.has(ch.codePointAt(0)!));
    const uncut = missing.filter((ch) => source.has(ch.codePointAt(0)!));
    if (absent.length)
      problems.push({
        code: "character-not-in-font",
        file: page.url,
        message: `the page shows ${absent.map(describe).join(", ")}, which the site font (Pretendard) does not have: readers would see it in another font, or as an empty box`,
        hint: "Write it another way in the story or data that shows it (search the sources for the character): a Latin or Hangul equivalent, or words; the site font covers Latin, Hangul, digits and common punctuation, not Hanja, emoji or rare symbols.",
      });
    if (uncut.length)
      problems.push({
        code: "character-not-in-subset",
        file: page.url,
        message: `the page shows ${uncut.map(describe).join(", ")}, which the site's font files (cut from the sources) do not hold`,
        hint: "The text comes from somewhere src/site/fonts.ts does not read (siteCharacters): add that folder or file kind there, or, for the English edition, see that the text is not marked Korean-only.",
      });
  }
  return problems;
}
