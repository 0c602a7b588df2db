/**
 * The two editions of the site: English at the root, Korean under /ko/ with the same
 * addresses below it (/districts/gwanak-gu/ ↔ /ko/districts/gwanak-gu/). A page's
 * counterpart is the page at the other edition's address, when the build has one: the
 * addresses of every page come from Eleventy's content map (the `eleventy.contentMap`
 * event, which fires once the permalinks are known and before any page is rendered).
 *
 * Eleventy's I18nPlugin pairs pages by input path in per-language folders (src/en/…,
 * src/ko/…); here the English edition is the site's root, so pages are paired by address.
 */
import { DEFAULT_LANG, LANGS, type Lang } from "../lib/i18n/index.ts";

const PREFIX: Record<Lang, string> = { en: "", ko: "/ko" };

/** The address of `path` (an English-edition path such as /about/) in the edition of `lang`. */
export function localePath(lang: Lang, path: string): string {
  return `${PREFIX[lang]}${path}`;
}

/** The edition an address belongs to. */
export function langOfUrl(url: string): Lang {
  return url === "/ko" || url.startsWith("/ko/") ? "ko" : DEFAULT_LANG;
}

/** An address without its edition's prefix: /ko/about/ → /about/. */
export function basePath(url: string): string {
  const lang = langOfUrl(url);
  return lang === DEFAULT_LANG ? url : url.slice(PREFIX[lang].length) || "/";
}

let urls: Set<string> | undefined;
let written = new Set<string>();

/** The addresses of every page of this build Eleventy writes (from the content map). */
export function setSiteUrls(list: Iterable<string>): void {
  urls = new Set(list);
}

/** The addresses of the pages the atlas writes itself, without an Eleventy template: the figures' embed pages. */
export function setWrittenUrls(list: Iterable<string>): void {
  written = new Set(list);
}

let elsewhere = new Set<string>();

/** The addresses of the pages other shards of the build wrote (scripts/lib/shards.ts): the stories, for the site's pages. */
export function setShardUrls(list: Iterable<string>): void {
  elsewhere = new Set(list);
}

/** The addresses of the pages other shards of the build wrote. */
export function shardUrls(): ReadonlySet<string> {
  return elsewhere;
}

let partial = false;

/** A shard of stories knows its own pages only, not the site's (scripts/lib/shards.ts): links are checked where every page is known. */
export function setPartialUrls(value: boolean): void {
  partial = value;
}

/** Whether the content map is known and holds every page (not before it, nor in a shard of stories). */
export function siteUrlsKnown(): boolean {
  return !!urls && !partial;
}

/** Every page address of the build, once `siteUrlsKnown()` (for a "did you mean"). */
export function siteUrlList(): string[] | undefined {
  return siteUrlsKnown() ? [...urls!, ...written, ...elsewhere] : undefined;
}

/** Whether the build has a page at `url`. Before the content map is known, every address counts. */
export function hasPage(url: string): boolean {
  return urls ? urls.has(url) || written.has(url) || elsewhere.has(url) : true;
}

/** The page's address in each edition that has it (the page's own included). */
export function alternates(url: string): Partial<Record<Lang, string>> {
  const path = basePath(url);
  const out: Partial<Record<Lang, string>> = {};
  for (const lang of LANGS) {
    const candidate = localePath(lang, path);
    if (candidate === url || hasPage(candidate)) out[lang] = candidate;
  }
  return out;
}
