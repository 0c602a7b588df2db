import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nestFigure, renderPng, shareCardSvg, wrap, writeShareCards } from "../../src/site/share-card.ts";
import { SITE } from "../helpers/paths.ts";
import { loadPage } from "../helpers/site.ts";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.slice(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("share cards", () => {
  it("every story has an og:image that exists and is a 1200×630 PNG", () => {
    const $home = loadPage("/");
    const stories = $home(".story-list a")
      .map((_, a) => a.attribs.href)
      .get();
    expect(stories.length).toBeGreaterThan(0);
    for (const url of stories) {
      const $ = loadPage(url);
      const image = $('meta[property="og:image"]').attr("content")!;
      expect(image).toMatch(/\/share\.png$/);
      expect($('meta[name="twitter:card"]').attr("content")).toBe("summary_large_image");
      expect(pngSize(readFileSync(join(SITE, new URL(image).pathname)))).toEqual({ width: 1200, height: 630 });
    }
  });

  it("escapes the title and dek, and wraps long titles", async () => {
    const svg = shareCardSvg({ site: "Atlas", title: 'A <script>alert("x")</script> & more', dek: "d" });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
    expect(pngSize(await renderPng(svg))).toEqual({ width: 1200, height: 630 });
    expect(wrap("one two three four five six seven eight nine ten", 10, 2)).toHaveLength(2);
  });

  it("draws cards with the typeface cut down to their characters exactly as with the whole typeface", async () => {
    const $ = loadPage("/stories/gwanak-s-valley/");
    const card = {
      site: "Seoul District Atlas",
      title: "관악구's startup bet — “S-Valley 2.0” & <what> it promised…",
      dek: "서울 관악구: 창업 공간 12곳, 1,234 m², ±5 %",
      figureSvg: $.html($("figure[data-figure] svg.chart").first()),
    };
    const dir = mkdtempSync(join(tmpdir(), "cards-"));
    try {
      mkdirSync(join(dir, "story"));
      const [written] = await writeShareCards([{ card, outputPath: join(dir, "story", "index.html") }], { cacheDir: join(dir, "cache") });
      const whole = await renderPng(shareCardSvg(card));
      expect(Buffer.compare(readFileSync(written!), Buffer.from(whole))).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("draws a map's names once: the copies for a phone's narrow map (data-narrow) stay out of the card", async () => {
    const $ = loadPage("/stories/gwanak-s-valley/");
    const svg = $.html($("svg.chart--points").first());
    // The story's map of places moves two names for a phone: the card must look as without those copies.
    expect(svg.match(/data-narrow="only"/g)?.length ?? 0).toBeGreaterThan(0);
    const card = (figureSvg: string) => shareCardSvg({ site: "Seoul District Atlas", title: "Places", figureSvg });
    const withCopies = await renderPng(card(svg));
    const without = await renderPng(card(svg.replace(/<text[^>]*data-narrow="only"[^>]*>.*?<\/text>/g, "")));
    expect(Buffer.compare(Buffer.from(withCopies), Buffer.from(without))).toBe(0);
  });

  it("puts the lead figure in the card's right-hand panel, drawing kept as it is", () => {
    const figure =
      '<svg class="chart chart--bar" viewBox="0 0 640 626" width="640" height="626" role="group" aria-label="A &quot;b&quot;"><g><rect width="5" height="6"/></g></svg>';
    const nested = nestFigure(figure);
    expect(nested).toBe(
      '<svg viewBox="0 0 640 626" role="group" aria-label="A &quot;b&quot;" id="lead" x="650" y="40" width="510" height="550" preserveAspectRatio="xMidYMid meet"><g><rect width="5" height="6"/></g></svg>',
    );
    expect(shareCardSvg({ site: "Atlas", title: "t", figureSvg: figure })).toContain(nested);
    expect(() => nestFigure("<div>not a graphic</div>")).toThrow(/not an <svg> element/);
  });
});
