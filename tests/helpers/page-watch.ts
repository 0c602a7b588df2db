/** Record what a page does that a reader would notice: console errors, failed and foreign requests. */
import type { Page } from "playwright-core";

export interface PageWatch {
  requests: string[];
  consoleErrors: string[];
  failed: string[];
  /** Requests to any origin but the test server. */
  foreign(): string[];
}

export function watchPage(page: Page, origin: string): PageWatch {
  const watch: PageWatch = {
    requests: [],
    consoleErrors: [],
    failed: [],
    foreign: () => watch.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith("data:") && !u.startsWith("blob:")),
  };
  page.on("request", (r) => watch.requests.push(r.url()));
  page.on("requestfailed", (r) => watch.failed.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on("response", (r) => {
    if (r.status() >= 400) watch.failed.push(`${r.url()} (HTTP ${r.status()})`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") watch.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => watch.consoleErrors.push(`uncaught: ${e.message}`));
  return watch;
}
