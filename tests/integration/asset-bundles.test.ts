/**
 * Each edition's browser code and stylesheet (src/site/build-assets.ts), built into a
 * scratch folder: a page's script holds only its language's interface strings, and its
 * stylesheet only its edition's @font-face rules.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAP_STRINGS } from "../../src/lib/i18n/maps.ts";
import { assetsFor } from "../../src/site/assets-manifest.ts";
import { buildAssets } from "../../src/site/build-assets.ts";
import { ROOT } from "../helpers/paths.ts";

const out = mkdtempSync(join(tmpdir(), "atlas-assets-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));
beforeAll(async () => {
  await buildAssets({ root: ROOT, outDir: out });
}, 120_000);

/** A script and every module it imports up front (`import … from "./chunk.js"`). */
function eagerCode(url: string, seen = new Set<string>()): string {
  if (seen.has(url)) return "";
  seen.add(url);
  const code = readFileSync(join(out, url), "utf8");
  const imports = [...code.matchAll(/(?:^|[;}\s])import\s*(?:[\w{}\s,*$]+from\s*)?"(\.\/[^"]+)"/g)].map(
    (m) => new URL(m[1]!, `http://x${url}`).pathname,
  );
  return code + imports.map((u) => eagerCode(u, seen)).join("");
}

/** The longest literal piece of each interface string (placeholders cut out). */
const values = (lang: "en" | "ko") =>
  Object.values(MAP_STRINGS[lang])
    .map((v) => v.split(/\{\w+\}/).sort((x, y) => y.length - x.length)[0]!)
    .filter((v) => v.trim().length > 3);

describe("per-language bundles", () => {
  it("the English page script holds the English interface strings and no Korean ones", () => {
    const code = eagerCode(assetsFor("en").main);
    for (const v of values("en")) expect(code, v).toContain(v);
    for (const v of values("ko")) expect(code, v).not.toContain(v);
    expect(code).not.toMatch(/[\uAC00-\uD7A3]/);
  });

  it("the Korean page script holds the Korean interface strings (as UTF-8) and no English ones", () => {
    const code = eagerCode(assetsFor("ko").main);
    for (const v of values("ko")) expect(code, v).toContain(v);
    for (const v of values("en")) expect(code, v).not.toContain(v);
  });

  it("keeps the layouts' old names pointing at the English edition", () => {
    const en = assetsFor("en");
    expect(en.main).toMatch(/^\/assets\/main-en-\w+\.js$/);
    expect(en.css).toMatch(/^\/assets\/site-en-\w+\.css$/);
    expect(assetsFor("ko").css).toMatch(/^\/assets\/site-ko-\w+\.css$/);
    expect(en.fontPreload).toBe("/assets/fonts/atlas-sans-400.woff2");
  });

  it("each stylesheet declares its own edition's font files, the site's rules after them", () => {
    const en = readFileSync(join(out, assetsFor("en").css), "utf8");
    const ko = readFileSync(join(out, assetsFor("ko").css), "utf8");
    expect(en).toMatch(/atlas-sans-400-hangul-en-\w+\.woff2/);
    expect(ko).not.toMatch(/hangul-en/);
    expect(ko).toMatch(/atlas-sans-700-hangul-ko-0-\w+\.woff2/);
    for (const css of [en, ko]) {
      expect(css).toContain('src:url(/assets/fonts/atlas-sans-400.woff2) format("woff2")');
      expect(css).toMatch(/unicode-range:U\+1100-11FF/);
      expect(css).toContain(":root{");
    }
  });
});
