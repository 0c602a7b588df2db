/**
 * Page weight: for every page of _site/, the gzip bytes a reader downloads, split by kind:
 * HTML, JavaScript and CSS before any interaction, fonts, data files and the map code
 * (MapLibre, its worker and CSS) that load once the reader opens a map. Measured in
 * Chromium (which files a page asks for, phone viewport; the page loaded, then scrolled
 * through and every map opened) and counted from the files in _site/ (gzip level 9, as a
 * static host would serve them). Each story page's first view — what it loads before the
 * reader does anything: HTML, JavaScript, CSS and data, fonts apart — is a row of its own,
 * against the 27 KB budget. Fonts: the woff2 files each page downloaded in Chromium (their
 * own bytes: woff2 is compressed already), the heaviest page of each edition against its
 * budget, beside the files the build cut (src/site/fonts.ts).
 */
import { readFileSync, statSync } from "node:fs";
import { launchBrowser } from "../../tests/helpers/browser.ts";
import { openPage, revealAll } from "../../tests/helpers/page-visit.ts";
import { serveSite } from "../../tests/helpers/server.ts";
import {
  ASSET_KINDS,
  type AssetKind,
  assetKind,
  BUDGETS,
  fileOfUrl,
  gzipSizes,
  htmlLang,
  KB,
  readFontManifest,
  sitePages,
} from "../lib/page-weight.ts";
import { builtSite } from "./built-site.ts";
import type { Bench } from "./types.ts";

/**
 * The build report is the newsroom's page, not a reader's: unlinked, noindex, kept out of the
 * search index and the sitemap, and written after the pages the build measures against the
 * budgets. It lists both editions' titles, so it loads the Korean edition's Hangul too. Its row
 * stays in the table; the budget rows are about readers' pages.
 */
const NOT_A_READER_PAGE = new Set(["/build-report.html"]);

const bench: Bench = async ({ root, log }) => {
  const site = await builtSite(root, log);
  const server = await serveSite(site);
  const gzipBytes = gzipSizes(site);
  const browser = await launchBrowser();
  const rows: (string | number)[][] = [];
  const largest = { js: { page: "", bytes: 0 }, css: { page: "", bytes: 0 }, data: { page: "", bytes: 0 } };
  const firstViews: { page: string; bytes: number }[] = [];
  const fonts = { en: { page: "", bytes: 0, pages: 0 }, ko: { page: "", bytes: 0, pages: 0 } };
  try {
    for (const url of sitePages(site)) {
      // A fresh profile (empty cache) on a phone for each page: a first visit.
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const visit = await openPage(context, server.url, url);
      await revealAll(visit.page);
      const initial = new Set(visit.initial);
      // The first view: what the page loaded before any scrolling or interaction, fonts apart.
      let first = 0;
      for (const u of initial) {
        if (!u.startsWith(`${server.url}/`)) continue;
        const kind = assetKind(new URL(u).pathname, true);
        if (kind && kind !== "fonts" && kind !== "map code") first += gzipBytes(u);
      }
      const reader = !NOT_A_READER_PAGE.has(url);
      if (reader) firstViews.push({ page: url, bytes: first });
      const bytes: Record<AssetKind, number> = { html: 0, js: 0, css: 0, fonts: 0, data: 0, "map code": 0 };
      let largestData = 0;
      let fontBytes = 0;
      for (const u of new Set(visit.watch.requests)) {
        if (!u.startsWith(`${server.url}/`)) continue;
        const kind = assetKind(new URL(u).pathname, initial.has(u));
        if (!kind) continue;
        const size = gzipBytes(u);
        if (kind === "fonts") fontBytes += statSync(fileOfUrl(new URL(u).pathname, site)).size;
        bytes[kind] += size;
        if (kind === "data") largestData = Math.max(largestData, size);
      }
      await context.close();
      const total = Object.values(bytes).reduce((a, b) => a + b, 0);
      rows.push([url, first / KB, ...ASSET_KINDS.map((k) => bytes[k] / KB), total / KB]);
      log(`${url}: ${(total / KB).toFixed(1)} KB`);
      if (!reader) continue;
      const edition = fonts[htmlLang(readFileSync(fileOfUrl(url, site), "utf8"))];
      edition.pages++;
      if (fontBytes > edition.bytes) Object.assign(edition, { page: url, bytes: fontBytes });
      for (const [k, v] of [
        ["js", bytes.js],
        ["css", bytes.css],
        ["data", largestData],
      ] as const)
        if (v > largest[k].bytes) largest[k] = { page: url, bytes: v };
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const kb = (n: number) => Math.round((n / KB) * 10) / 10;
  const heaviest = firstViews.reduce((a, b) => (b.bytes > a.bytes ? b : a), { page: "none", bytes: 0 });
  const stories = firstViews.filter((f) => /^\/stories\/[^/]+\/$/.test(f.page));
  const files = readFontManifest(site);
  const fontFiles = files
    ? [...new Map(Object.values(files.faces).flatMap((faces) => faces.map((f) => [f.url, f] as const))).values()].map(
        (f) => `${f.url.split("/").pop()}: ${kb(f.bytes)} KB, ${[...f.chars].length} characters`,
      )
    : [];
  return {
    name: "pages",
    title: `Page weight (KB gzip), ${rows.length} pages of _site/`,
    rows: [
      ...stories.map((f) => ({
        label: `first view of ${f.page}`,
        value: kb(f.bytes),
        unit: "KB",
        goal: `≤ ${BUDGETS.firstView / KB} KB`,
        met: f.bytes <= BUDGETS.firstView,
      })),
      {
        label: `heaviest first view of any page (${heaviest.page})`,
        value: kb(heaviest.bytes),
        unit: "KB",
        goal: `≤ ${BUDGETS.firstView / KB} KB`,
        met: heaviest.bytes <= BUDGETS.firstView,
      },
      ...(["en", "ko"] as const)
        .filter((lang) => fonts[lang].pages)
        .map((lang) => ({
          label: `most font bytes on ${lang === "ko" ? "a Korean" : "an English"} page, woff2, both weights (${fonts[lang].page})`,
          value: kb(fonts[lang].bytes),
          unit: "KB",
          goal: `≤ ${kb(BUDGETS.fonts[lang])} KB`,
          met: fonts[lang].bytes <= BUDGETS.fonts[lang],
        })),
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
    table: { columns: ["page", "first view", "HTML", "JS", "CSS", "fonts", "data", "map code", "total"], rows },
    notes: [
      "First view: HTML, JS, CSS and data loaded before any interaction, fonts apart (the budget).",
      `Budgets apply to readers' pages; ${[...NOT_A_READER_PAGE].join(", ")} (the newsroom's build report, unlinked and noindex) is in the table only.`,
      "JS and CSS: loaded before any interaction. Map code: MapLibre, its worker and CSS, loaded when the reader opens a map (and only with WebGL).",
      `Fonts: woff2 files the page downloaded in Chromium, both weights. English budget: the ${kb(BUDGETS.fonts.en)} KB every page loaded before the font was cut per edition; Korean: ${kb(BUDGETS.fonts.ko)} KB.`,
      ...(fontFiles.length ? [`Font files cut by the build: ${fontFiles.join("; ")}.`] : []),
      "Data: files a page fetches itself (a map's configuration and GeoJSON once opened, the list of places once the finder is focused); the “Get the data” downloads are links, not counted.",
    ],
    data: { columns: ["page", "first view", ...ASSET_KINDS, "total"], rows },
  };
};

export default bench;
