/**
 * The first-view budget at the address the site is published at. The build measures its pages
 * with the address it was given (`SITE_URL`; the tests' build has none, so
 * http://localhost:8080), and a page names it eight times in its head (canonical, hreflang,
 * Open Graph and share-card links): a longer address weighs more. The Korean Seoul story once
 * sat 4 bytes under its budget, and `SITE_URL=https://atlas.example.org npm run build`, the
 * documented publishing command, stopped at it. Every page must keep its first view within
 * budget at an address of 60 characters.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BUDGETS, firstView, pageLoads } from "../../scripts/lib/page-weight.ts";
import { SITE } from "../helpers/paths.ts";
import { fileOfUrl } from "../helpers/site-pages.ts";

/** A newsroom's graphics address, 60 characters long. */
const PUBLISHED = "https://graphics.seoul-district-atlas.newsroom-example.co.kr";

describe("page budgets where the site is published", () => {
  it("keeps every page's first view within budget at an address of 60 characters", async () => {
    expect(PUBLISHED).toHaveLength(60);
    const loads = await pageLoads(SITE);
    expect(loads.length).toBeGreaterThan(100);
    const over: string[] = [];
    let heaviest = { url: "", bytes: 0 };
    for (const load of loads) {
      const html = readFileSync(fileOfUrl(load.url), "utf8");
      // The address the tests' build used, as its canonical link gives it.
      const origin = /<link rel="canonical" href="(https?:\/\/[^/"]+)/.exec(html)?.[1];
      const published = origin ? gzipSync(html.replaceAll(origin, PUBLISHED), { level: 9 }).length : load.html.bytes;
      const bytes = firstView(load) - load.html.bytes + published;
      if (bytes > heaviest.bytes) heaviest = { url: load.url, bytes };
      if (bytes > BUDGETS.firstView) over.push(`${load.url}: ${bytes} bytes against ${BUDGETS.firstView}`);
    }
    expect(over, "over budget once published at a long address: make the page lighter (docs/site.md, page budgets)").toEqual([]);
    // The heaviest page is a story (the test measured the pages, not nothing).
    expect(heaviest.url).toMatch(/\/stories\//);
  });
});
