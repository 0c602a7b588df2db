import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { SITE } from "./paths.ts";

/** Load a built page of _site/ by its URL path, e.g. "/stories/seoul-at-a-glance/". */
export function loadPage(url: string): cheerio.CheerioAPI {
  const file = url.endsWith("/") ? join(SITE, url, "index.html") : join(SITE, url);
  return cheerio.load(readFileSync(file, "utf8"));
}
