/**
 * Page weight: for every page of _site/, the gzip bytes a reader downloads, split by kind:
 * HTML, JavaScript and CSS before any interaction, fonts, data files and the map code
 * (MapLibre, its worker and CSS) that load once the reader scrolls to a map. Measured in
 * Chromium (which files a page asks for, phone viewport) and counted from the files in
 * _site/ (gzip level 9, as a static host would serve them).
 */
import { launchBrowser } from "../../tests/helpers/browser.ts";
import { openPage, revealAll } from "../../tests/helpers/page-visit.ts";
import { serveSite } from "../../tests/helpers/server.ts";
import { ASSET_KINDS, type AssetKind, assetKind, BUDGETS, gzipSizes, KB, sitePages } from "../lib/page-weight.ts";
import { builtSite } from "./built-site.ts";
import type { Bench } from "./types.ts";

const bench: Bench = async ({ root, log }) => {
  const site = await builtSite(root, log);
  const server = await serveSite(site);
  const gzipBytes = gzipSizes(site);
  const browser = await launchBrowser();
  const rows: (string | number)[][] = [];
  const largest = { js: { page: "", bytes: 0 }, css: { page: "", bytes: 0 }, data: { page: "", bytes: 0 } };
  try {
    for (const url of sitePages(site)) {
      // A fresh profile (empty cache) on a phone for each page: a first visit.
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const visit = await openPage(context, server.url, url);
      await revealAll(visit.page);
      const initial = new Set(visit.initial);
      const bytes: Record<AssetKind, number> = { html: 0, js: 0, css: 0, fonts: 0, data: 0, "map code": 0 };
      let largestData = 0;
      for (const u of new Set(visit.watch.requests)) {
        if (!u.startsWith(`${server.url}/`)) continue;
        const kind = assetKind(new URL(u).pathname, initial.has(u));
        if (!kind) continue;
        const size = gzipBytes(u);
        bytes[kind] += size;
        if (kind === "data") largestData = Math.max(largestData, size);
      }
      await context.close();
      const total = Object.values(bytes).reduce((a, b) => a + b, 0);
      rows.push([url, ...ASSET_KINDS.map((k) => bytes[k] / KB), total / KB]);
      for (const [k, v] of [
        ["js", bytes.js],
        ["css", bytes.css],
        ["data", largestData],
      ] as const)
        if (v > largest[k].bytes) largest[k] = { page: url, bytes: v };
      log(`${url}: ${(total / KB).toFixed(1)} KB`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const kb = (n: number) => Math.round((n / KB) * 10) / 10;
  return {
    name: "pages",
    title: `Page weight (KB gzip), ${rows.length} pages of _site/`,
    rows: [
      {
        label: `most JS before interaction (${largest.js.page})`,
        value: kb(largest.js.bytes),
        unit: "KB",
        goal: `≤ ${BUDGETS.js / KB} KB`,
        met: largest.js.bytes <= BUDGETS.js,
      },
      {
        label: `most CSS (${largest.css.page})`,
        value: kb(largest.css.bytes),
        unit: "KB",
        goal: `≤ ${BUDGETS.css / KB} KB`,
        met: largest.css.bytes <= BUDGETS.css,
      },
      {
        label: `largest data file (${largest.data.page || "none"})`,
        value: kb(largest.data.bytes),
        unit: "KB",
        goal: `≤ ${BUDGETS.dataFile / KB} KB`,
        met: largest.data.bytes <= BUDGETS.dataFile,
      },
    ],
    table: { columns: ["page", "HTML", "JS", "CSS", "fonts", "data", "map code", "total"], rows },
    notes: [
      "JS and CSS: loaded before any interaction. Map code: MapLibre, its worker and CSS, loaded when a map nears the viewport (and only with WebGL).",
      "Data: files a page fetches itself (GeoJSON for its maps); the “Get the data” downloads are links, not counted.",
    ],
    data: { columns: ["page", ...ASSET_KINDS, "total"], rows },
  };
};

export default bench;
