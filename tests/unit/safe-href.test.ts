import { describe, expect, it } from "vitest";
import { isSafeHref } from "../../src/lib/html.ts";

describe("isSafeHref: which URLs from data may become links", () => {
  it.each(["https://kosis.kr/x", "http://example.org", "mailto:desk@example.org", "/data/districts.csv", "#table", "data.csv"])(
    "allows %s",
    (u) => expect(isSafeHref(u)).toBe(true),
  );
  it.each(["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example/x"])(
    "refuses %s",
    (u) => expect(isSafeHref(u)).toBe(false),
  );
});
