/**
 * Page budgets (gzip bytes), checked for every page by tests/e2e/site-load.test.ts and
 * shown as goals by the page-weight benchmark (scripts/bench/pages.bench.ts).
 */
import { KB } from "./asset-bytes.ts";

export const BUDGETS = {
  /** JavaScript a page loads before the reader does anything. */
  js: 15 * KB,
  /** CSS a page loads before the reader does anything. */
  css: 20 * KB,
  /** The largest single data file (GeoJSON, CSV, JSON) a page fetches, maps loaded. */
  dataFile: 200 * KB,
};
