/**
 * For a test file: serve the built _site/ on 127.0.0.1 and start Chromium before its tests,
 * and close both after them.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser.ts";
import { SITE } from "./paths.ts";
import { type SiteServer, serveSite } from "./server.ts";

export interface SiteSession {
  /** Origin of the local server, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  readonly browser: Browser;
}

export function siteSession(dir: string = SITE): SiteSession {
  let server: SiteServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveSite(dir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return server!.url;
    },
    get browser() {
      return browser!;
    },
  };
}
