/** Bytes a reader downloads for a file of the built site, gzip-compressed as a static host serves it. */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileOfUrl } from "./site-pages.ts";

const cache = new Map<string, number>();

/** gzip size of the file behind a URL of the site folder `dir`. */
export function gzipBytes(url: string, dir?: string): number {
  const file = fileOfUrl(new URL(url, "http://site").pathname, dir);
  let bytes = cache.get(file);
  if (bytes === undefined) {
    bytes = gzipSync(readFileSync(file), { level: 9 }).length;
    cache.set(file, bytes);
  }
  return bytes;
}

export const KB = 1024;

export function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

/** Text of the file behind a URL of the site folder ("" when there is none). */
export function siteText(url: string, dir?: string): string {
  try {
    return readFileSync(fileOfUrl(new URL(url, "http://site").pathname, dir), "utf8");
  } catch {
    return "";
  }
}
