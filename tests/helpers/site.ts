import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import type { MapFigureConfig } from "../../src/lib/map-style.ts";
import { SITE } from "./paths.ts";

/** Load a built page of _site/ by its URL path, e.g. "/stories/seoul-at-a-glance/". */
export function loadPage(url: string): cheerio.CheerioAPI {
  const file = url.endsWith("/") ? join(SITE, url, "index.html") : join(SITE, url);
  return cheerio.load(readFileSync(file, "utf8"));
}

/** The interactive map's configuration of a map graphic of a built page: the file its `data-map` names. */
export function mapConfigOf<T = MapFigureConfig>(graphic: { attr(name: string): string | undefined }): T {
  const url = graphic.attr("data-map");
  if (!url) throw new Error("no data-map attribute on this graphic");
  return JSON.parse(readFileSync(join(SITE, url), "utf8")) as T;
}
