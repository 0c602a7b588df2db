/** _site/_headers: the security headers for static hosts that read this file (see src/site/security-headers.ts). */
import { REPORT_URL } from "./site/build-report-page.ts";
import { headersFile } from "./site/security-headers.ts";
import type { PageData } from "./site/types.ts";

export const data = { permalink: "/_headers", eleventyExcludeFromCollections: true };

/** Pages that are in no collection but are written at the site's root. */
const ROOT_FILES = ["/404.html", REPORT_URL];

export function render(d: PageData): string {
  return headersFile([...d.collections.all.map((p) => p.url).filter((u): u is string => typeof u === "string"), ...ROOT_FILES]);
}
