/**
 * Security markup on every page of the built site: the Content-Security-Policy meta comes
 * first in <head> and forbids inline code and other origins; no inline script, style or
 * event handler, no javascript: URL; outbound links carry rel="noopener". And the
 * `_headers` file gives static hosts the same policy as HTTP headers.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTENT_NAMED_CACHE, CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "../../src/site/security-headers.ts";
import { inlineCodeProblems, openingTag } from "../helpers/inline-code.ts";
import { SITE } from "../helpers/paths.ts";
import { loadPage } from "../helpers/site.ts";
import { sitePages } from "../helpers/site-pages.ts";
import { framableByOtherSites, headersFor, parseHeadersFile } from "../helpers/static-host-headers.ts";

const SITE_ORIGIN = "http://site.invalid";

describe("the Content-Security-Policy", () => {
  it("allows nothing inline and no other origin", () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|https?:|\*/);
    // Scripts from this site only; WebAssembly (Pagefind's search index) may compile, but
    // nothing inline and no eval() of JavaScript.
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )object-src 'none'(;|$)/);
  });

  it("is written to _site/_headers for static hosts: the policy and nosniff everywhere, framing by other sites only for embed pages, in both editions", () => {
    const file = join(SITE, "_headers");
    expect(existsSync(file), "_site/_headers is missing").toBe(true);
    const rules = parseHeadersFile(readFileSync(file, "utf8"));
    // Every page, every kind of file the build writes, and addresses that do not exist (answered by 404.html).
    const paths = [
      ...sitePages(),
      "/feed.xml",
      "/sitemap.xml",
      "/favicon.svg",
      "/data/districts.csv",
      "/data/manifest.json",
      "/assets/site.css",
      "/pagefind/pagefind.js",
      "/no-such-page/",
      "/stories/no-such-story/",
      "/embed/no-such-figure/",
      "/ko/embed/no-such-figure/",
    ];
    for (const host of ["netlify", "cloudflare"] as const)
      for (const path of paths) {
        const headers = headersFor(rules, path, host);
        for (const [name, value] of Object.entries(SECURITY_HEADERS).filter(([n]) => n !== "Content-Security-Policy"))
          expect(headers[name.toLowerCase()], `${host} ${path}: ${name}`).toBe(value);
        expect(headers["content-security-policy"], `${host} ${path}: the policy`).toContain(CONTENT_SECURITY_POLICY);
        expect(framableByOtherSites(headers), `${host} ${path}: framing by other sites`).toBe(/^(\/ko)?\/embed\//.test(path));
        // The Korean embed code (on a Korean page) frames a Korean embed page: it must be framable too.
        expect(sitePages().some((p) => p.startsWith("/ko/embed/"))).toBe(true);
      }
    // frame-ancestors is ignored (with a console error) in a <meta> policy: it lives in the header only.
    expect(CONTENT_SECURITY_POLICY).not.toContain("frame-ancestors");
  });

  it("lets hosts and browsers keep a file named by its content a year, and no other file", () => {
    const rules = parseHeadersFile(readFileSync(join(SITE, "_headers"), "utf8"));
    // Cloudflare Pages reads at most 100 rules.
    expect(rules.length).toBeLessThanOrEqual(100);
    const assets = readdirSync(join(SITE, "assets"), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => `/${relative(SITE, join(e.parentPath, e.name)).split(sep).join("/")}`);
    const named = new Map(assets.map((url) => [url, /-([A-Z0-9]{8}\.(m?js|css)|[0-9a-f]{8}\.woff2)$/.test(url)]));
    // Each edition's script and stylesheet, the chart code, the Hangul fonts; not the embed script or the preloaded Latin fonts.
    expect([...named].filter(([, n]) => n).length).toBeGreaterThan(20);
    for (const fixed of [
      "/assets/embed.js",
      "/assets/fonts/atlas-sans-400.woff2",
      "/assets/maplibre-gl.css",
      "/assets/maplibre-gl-worker.mjs",
    ])
      expect(named.get(fixed), fixed).toBe(false);
    for (const host of ["netlify", "cloudflare"] as const) {
      for (const [url, byContent] of named)
        expect(headersFor(rules, url, host)["cache-control"], `${host} ${url}`).toBe(byContent ? CONTENT_NAMED_CACHE : undefined);
      for (const url of ["/", "/stories/gwanak-s-valley/", "/data/districts.csv", "/assets/fonts/fonts.json"])
        expect(headersFor(rules, url, host)["cache-control"], `${host} ${url}`).toBeUndefined();
    }
  });
});

describe.each(sitePages())("page %s", (url) => {
  const $ = loadPage(url);

  it("starts <head> with the policy as <meta http-equiv>, before any script or stylesheet", () => {
    const metas = $('meta[http-equiv="Content-Security-Policy" i]');
    expect(metas, `${url}: expected one CSP <meta>`).toHaveLength(1);
    expect(metas.attr("content")).toBe(CONTENT_SECURITY_POLICY);
    const head = $("head").children();
    const meta = head.index(metas);
    const firstLoad = head.index(head.filter("script, style, link").first());
    expect(firstLoad < 0 || meta < firstLoad, `${url}: the CSP <meta> must come before ${openingTag(head.eq(firstLoad))}`).toBe(true);
  });

  it("has no inline script, style or event handler, and no javascript: URL", () => {
    const problems = inlineCodeProblems($);
    expect(problems, url).toEqual([]);
  });

  it('marks every link to another site rel="noopener"', () => {
    const missing: string[] = [];
    $("a[href]").each((_, node) => {
      const a = $(node);
      const href = new URL(a.attr("href")!, SITE_ORIGIN + url);
      const outbound = /^https?:$/.test(href.protocol) && href.origin !== SITE_ORIGIN;
      if (outbound && !(a.attr("rel") ?? "").split(/\s+/).includes("noopener")) missing.push(openingTag(a));
    });
    expect(missing, `${url}: outbound links without rel="noopener"`).toEqual([]);
  });
});
