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

/** HTTP headers for every path. */
export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/**
 * Framing by other sites: allowed for the embed pages (/embed/<id>/), which exist to be
 * framed by embed codes, and refused for every other page (clickjacking). Browsers ignore
 * frame-ancestors in a <meta> policy, so it takes a header; and since static hosts merge
 * the rules of a `_headers` file differently (on Netlify a more specific rule replaces a
 * header, on Cloudflare Pages both values apply), the refusal is a header of its own,
 * `X-Frame-Options`, set on each of the site's folders but /embed/ rather than site-wide
 * with an exception.
 */
export const FRAME_HEADER = { "X-Frame-Options": "SAMEORIGIN" } as const;

/** `_headers` paths that get FRAME_HEADER: the home page, every folder but embed/, and the given root files. */
export function framedPaths(urls: string[]): string[] {
  const paths = new Set<string>(["/"]);
  for (const url of urls) {
    const [first, ...rest] = url.split("/").filter(Boolean);
    if (!first || first === "embed") continue;
    paths.add(rest.length || url.endsWith("/") ? `/${first}/*` : `/${first}`);
  }
  return [...paths].sort();
}

/** The `_headers` file: the security headers for every path, then the framing rule. */
export function headersFile(urls: string[]): string {
  const rule = (path: string, headers: Record<string, string>) =>
    `${path}\n${Object.entries(headers)
      .map(([name, value]) => `  ${name}: ${value}\n`)
      .join("")}`;
  return [rule("/*", SECURITY_HEADERS), ...framedPaths(urls).map((p) => rule(p, FRAME_HEADER))].join("");
}
