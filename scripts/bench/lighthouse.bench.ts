/**
 * Lighthouse 12.2.3 (the last line that runs on Node 20) on the home page and the first
 * story, mobile profile (Lighthouse's default: Moto G-class device, simulated slow 4G),
 * against _site/ served on 127.0.0.1, in the local Chromium started by chrome-launcher.
 * Scores are the median of 3 runs per page (1 with --quick).
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS, chromePath } from "../../tests/helpers/browser.ts";
import { serveSite } from "../../tests/helpers/server.ts";
import { sitePages } from "../lib/page-weight.ts";
import { builtSite } from "./built-site.ts";
import { type Bench, type BenchRow, median } from "./types.ts";

const CATEGORIES = [
  { id: "performance", label: "performance", goal: 98 },
  { id: "accessibility", label: "accessibility", goal: 100 },
  { id: "best-practices", label: "best practices", goal: 100 },
  { id: "seo", label: "SEO", goal: 100 },
] as const;

const bench: Bench = async ({ root, quick, log }) => {
  const site = await builtSite(root, log);
  const story = sitePages(site).find((p) => p.startsWith("/stories/"));
  const pages = ["/", ...(story ? [story] : [])];
  const runs = quick ? 1 : 3;
  const server = await serveSite(site);
  const chrome = await chromeLauncher.launch({
    chromePath: chromePath(),
    chromeFlags: [...CHROMIUM_ARGS.filter((f) => f !== "--headless"), "--headless=new"],
    logLevel: "silent",
  });
  const rows: BenchRow[] = [];
  const data: Record<string, unknown> = {};
  try {
    for (const page of pages) {
      const scores: Record<string, number[]> = {};
      /** Scored audits that lost points: label → lowest score seen. */
      const failing = new Map<string, number>();
      const metrics: Record<string, number[]> = {};
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(server.url + page, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: CATEGORIES.map((c) => c.id),
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned no result for ${page}`);
        if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${page}: ${lhr.runtimeError.message}`);
        for (const c of CATEGORIES) {
          const category = lhr.categories[c.id]!;
          (scores[c.id] ??= []).push(Math.round((category.score ?? 0) * 100));
          for (const ref of category.auditRefs) {
            const audit = lhr.audits[ref.id]!;
            if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
              const key = `${c.label}: ${audit.title} (${ref.id})`;
              failing.set(key, Math.min(audit.score, failing.get(key) ?? 1));
            }
          }
        }
        for (const m of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"])
          (metrics[m] ??= []).push(lhr.audits[m]?.numericValue ?? Number.NaN);
        log(`${page} run ${i + 1}/${runs}: ${CATEGORIES.map((c) => `${c.label} ${scores[c.id]!.at(-1)}`).join(", ")}`);
      }
      for (const c of CATEGORIES) {
        const score = median(scores[c.id]!);
        rows.push({ label: `${page} ${c.label}`, value: score, goal: `≥ ${c.goal}`, met: score >= c.goal });
      }
      rows.push({
        label: `${page} LCP / CLS`,
        value: `${Math.round(median(metrics["largest-contentful-paint"]!))} ms / ${median(metrics["cumulative-layout-shift"]!).toFixed(3)}`,
      });
      data[page] = { scores, metrics, failing: [...failing].map(([k, score]) => `${k}, lowest score ${score}`) };
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  const failing = Object.entries(data).flatMap(([page, d]) => (d as { failing: string[] }).failing.map((f) => `${page} ${f}`));
  return {
    name: "lighthouse",
    title: `Lighthouse 12.2.3, mobile, median of ${runs} run${runs === 1 ? "" : "s"} per page`,
    rows,
    notes: [
      "Simulated throttling (slow 4G, 4× CPU slowdown) on a local server: network numbers are modelled, not measured.",
      ...(failing.length ? ["Audits that cost points:", ...failing] : ["No scored audit lost points."]),
    ],
    data,
  };
};

export default bench;
