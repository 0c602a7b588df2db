/**
 * `SITE_URL`, checked before anything is built: an http(s) address with nothing after its host
 * but a final slash. The site's links start at "/" (/assets/…, /stories/…), so a site served
 * below a path — a GitHub project site, https://<name>.github.io/<repository>/ — would have
 * every link broken, and an address without its scheme would make the feed's, the share
 * cards' and the canonical links relative.
 */
import type { Problem } from "../../scripts/lib/problems.ts";

const EXAMPLE = "SITE_URL=https://atlas.example.org npm run build";

/** The problem with a `SITE_URL` (unset is not one: the build report warns), or undefined. */
export function siteUrlProblem(value: string | undefined): Problem | undefined {
  if (!value) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname)
    return {
      code: "site-url-invalid",
      file: "SITE_URL",
      message: `"${value}" is not a web address`,
      hint: `Give the site's public address with its https://, e.g. ${EXAMPLE} (docs/publishing.md).`,
    };
  const extra = `${url.pathname === "/" ? "" : url.pathname}${url.search}${url.hash}`;
  if (extra || url.username || url.password)
    return {
      code: "site-url-invalid",
      file: "SITE_URL",
      message: `"${value}" has more than an address${extra ? ` (${extra})` : ""}: the site's links start at "/" (/assets/…, /stories/…), so it must be served from the root of its address`,
      hint: `Serve it from a custom domain or a user or organisation site (<name>.github.io) and give that address alone, e.g. ${EXAMPLE}; at https://<name>.github.io/<repository>/ every link would break (docs/publishing.md).`,
    };
  return undefined;
}
