/**
 * The site's security policy, in one place: the Content-Security-Policy every page carries
 * as a <meta http-equiv> (base layout), and the `_headers` file that static hosts
 * (Netlify, Cloudflare Pages) turn into HTTP headers (src/headers.11ty.ts).
 */

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

/**
 * HTTP headers for every path. frame-ancestors only works as a header (browsers ignore it
 * in a <meta> policy), so the header policy adds it.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": `${CONTENT_SECURITY_POLICY}; frame-ancestors 'self'`,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/** The `_headers` file: one rule for every path. */
export function headersFile(): string {
  return `/*\n${Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `  ${name}: ${value}\n`)
    .join("")}`;
}
