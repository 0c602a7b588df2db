/**
 * How the two static hosts that read `_headers` apply it to a request path, as their
 * documentation and parsers describe it, and what a browser makes of the result for framing:
 *
 * - Netlify (its headers parser): a line without a colon is ignored; every rule whose path
 *   matches applies, and a later rule's value of a header replaces an earlier one.
 * - Cloudflare Pages: every matching rule applies, values of one header are joined with
 *   ", "; a `! Name` line in a matching rule detaches that header set by other rules.
 *
 * Paths: exact, or ending in `*` (anything after the prefix).
 */
export type Host = "netlify" | "cloudflare";

interface Rule {
  path: string;
  set: [string, string][];
  detach: string[];
}

export function parseHeadersFile(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    if (line.startsWith("/")) rules.push({ path: line, set: [], detach: [] });
    else if (line.startsWith("!")) rules.at(-1)!.detach.push(line.slice(1).trim().toLowerCase());
    else {
      const i = line.indexOf(":");
      if (i > 0) rules.at(-1)!.set.push([line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim()]);
    }
  }
  return rules;
}

const matches = (rule: string, path: string) => (rule.endsWith("*") ? path.startsWith(rule.slice(0, -1)) : path === rule);

/** The headers (lowercase names) a host sends for `path`. */
export function headersFor(rules: Rule[], path: string, host: Host): Record<string, string> {
  const hits = rules.filter((r) => matches(r.path, path));
  const out: Record<string, string> = {};
  if (host === "netlify") {
    for (const r of hits) for (const [n, v] of r.set) out[n] = v;
    return out;
  }
  const detached = new Set(hits.flatMap((r) => r.detach));
  for (const r of hits)
    for (const [n, v] of r.set) {
      // A detach removes the header other rules set; the detaching rule's own value stays.
      if (detached.has(n) && !r.detach.includes(n)) continue;
      out[n] = out[n] === undefined ? v : `${out[n]}, ${v}`;
    }
  return out;
}

/**
 * Whether a browser lets another site frame the response: every policy's frame-ancestors
 * (a header joined with ", " holds several policies) must allow it; when no policy has
 * frame-ancestors, X-Frame-Options DENY or SAMEORIGIN refuses.
 */
export function framableByOtherSites(headers: Record<string, string>): boolean {
  const policies = (headers["content-security-policy"] ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  const ancestors = policies
    .map((p) =>
      p
        .split(";")
        .map((d) => d.trim())
        .find((d) => d.startsWith("frame-ancestors")),
    )
    .filter((d): d is string => d !== undefined);
  if (ancestors.length) return ancestors.every((d) => d.split(/\s+/).slice(1).includes("*"));
  return !/^(deny|sameorigin)$/i.test((headers["x-frame-options"] ?? "").trim());
}
