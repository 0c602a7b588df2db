/**
 * The site's security policy, in one place: the Content-Security-Policy every page carries
 * as a <meta http-equiv> (base layout), and the `_headers` file that static hosts
 * (Netlify, Cloudflare Pages) turn into HTTP headers (src/headers.11ty.ts).
 */
import { LANGS } from "../lib/i18n/index.ts";
import { contentNamedAssets } from "./assets-manifest.ts";
import { localePath } from "./editions.ts";

/**
 * No inline scripts or styles, nothing from another origin. MapLibre needs blob: workers
 * and images. 'wasm-unsafe-eval' lets the search page compile Pagefind's WebAssembly index;
 * it allows WebAssembly only, not eval() of JavaScript.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** HTTP headers for every path. */
export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/**
 * Framing by other sites is refused on every path, 404s included (a page that does not
 * exist is answered from 404.html under the address asked for, so only a rule for `/*`
 * reaches it), and allowed under /embed/ and /ko/embed/, whose pages exist to be framed by embed codes.
 * Browsers ignore frame-ancestors in a <meta> policy, so it is a header, in two forms:
 * `frame-ancestors 'self'` in the Content-Security-Policy, and `X-Frame-Options:
 * SAMEORIGIN` for browsers without it.
 *
 * The /embed/* rule replaces both, and reads the same on both hosts that read `_headers`:
 * Cloudflare Pages joins the values of every rule that matches, so the embed rule first
 * detaches the site-wide ones (`! Name`, its syntax); Netlify ignores a line without a
 * colon and lets the later rule's value of a header replace the earlier one, and where
 * its site-wide X-Frame-Options stays, browsers ignore it because the policy has
 * frame-ancestors (CSP Level 3: frame-ancestors obsoletes X-Frame-Options).
 */
export const FRAME_ANCESTORS = { site: "frame-ancestors 'self'", embed: "frame-ancestors *" } as const;

/**
 * How long a host and a browser may keep a file named by its content (assets-manifest.ts):
 * a year, without asking again. Every other file (pages, the embed script, the Latin fonts
 * the layouts preload by a fixed name, data) keeps the host's default.
 */
export const CONTENT_NAMED_CACHE = "public, max-age=31536000, immutable";

/**
 * The `_headers` file: the security headers and the framing refusal for every path, the
 * embed exception of each edition, and a year's caching for each file named by its content
 * (one rule each: a rule for /assets/* would reach the files whose names stay).
 */
export function headersFile(): string {
  const rule = (path: string, lines: string[]) => `${path}\n${lines.map((l) => `  ${l}\n`).join("")}`;
  const policy = (frame: string) => `Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; ${frame}`;
  const { "Content-Security-Policy": _, ...others } = SECURITY_HEADERS;
  return [
    rule("/*", [policy(FRAME_ANCESTORS.site), ...Object.entries(others).map(([n, v]) => `${n}: ${v}`), "X-Frame-Options: SAMEORIGIN"]),
    // Each edition's embed pages: a Korean embed code frames /ko/embed/<id>/.
    ...LANGS.map((lang) =>
      rule(localePath(lang, "/embed/*"), ["! Content-Security-Policy", "! X-Frame-Options", policy(FRAME_ANCESTORS.embed)]),
    ),
    ...contentNamedAssets().map((url) => rule(url, [`Cache-Control: ${CONTENT_NAMED_CACHE}`])),
  ].join("");
}
