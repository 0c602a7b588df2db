/**
 * The content-addressed figure cache (src/figures/figure-cache.ts): a figure is drawn
 * again only when its spec, the rows it reads or the code change. Three figures on the
 * fixture datasets — two on one table, one on another — and one changed row.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ContentCache } from "../../scripts/lib/content-cache.ts";
import { DatasetStore } from "../../src/figures/datasets.ts";
import type { FigureBlock } from "../../src/figures/render.ts";
import { SiteFigures } from "../../src/figures/site-figures.ts";
import { fixtureStore } from "../helpers/figure-fixtures.ts";

const fx = fixtureStore();
const cacheDir = mkdtempSync(join(tmpdir(), "atlas-figure-cache-"));
afterAll(() => {
  fx.remove();
  rmSync(cacheDir, { recursive: true, force: true });
});

const block = (index: number, body: string): FigureBlock => ({
  body,
  file: "stories/cache.md",
  fenceLine: 10 * index,
  pageSlug: "cache",
  index,
});
const BLOCKS = [
  block(1, "kind: bar\ndataset: area-stats\nvalue: total\nwhere: { year: 2018 }\ntitle: Emissions, 2018\n"),
  block(2, "kind: bar\ndataset: area-stats\nvalue: total\ntitle: Emissions, every year\n"),
  block(3, "kind: line\ndataset: series\nx: year\ny: total\nseries: status\ntitle: Total emissions\n"),
];

/** A build: a fresh store and figure list over the same generated/ folder and cache (as a new process would have). */
function build() {
  const figures = new SiteFigures(new DatasetStore(fx.dir), fx.dir, new ContentCache(cacheDir));
  const refs = BLOCKS.map((b) => figures.place(b));
  return { figures, refs, html: refs.map((r) => figures.markup(r.key, "html")) };
}

describe("the figure cache", () => {
  const first = build();

  it("draws each figure once, shared by its page and its embed page, and finds them all in the next build", async () => {
    expect(first.figures.drawn).toBe(3);
    expect(first.html[0]).toContain(">12.5<");
    // The embed page's markup is the same drawing, stored with it.
    expect(first.figures.markup(first.refs[0]!.key, "embedHtml")).toContain('<h1 class="figure__title"');
    await first.figures.flush();
    const again = build();
    expect(again.figures.drawn).toBe(0);
    expect(again.refs.map((r) => r.key)).toEqual(first.refs.map((r) => r.key));
    expect(again.html).toEqual(first.html);
  });

  it("draws again only the figures that show a changed row", async () => {
    const csv = join(fx.dir, "area-stats.csv");
    const original = readFileSync(csv, "utf8");
    writeFileSync(csv, original.replace(",12.5,", ",13.5,"));
    try {
      const after = build();
      // The two figures on area-stats are drawn again and show the new value; the one on series is not.
      expect(after.figures.drawn).toBe(2);
      expect(after.refs[0]!.key).not.toBe(first.refs[0]!.key);
      expect(after.refs[1]!.key).not.toBe(first.refs[1]!.key);
      expect(after.refs[2]!.key).toBe(first.refs[2]!.key);
      expect(after.html[0]).toContain(">13.5<");
      expect(after.html[0]).not.toContain(">12.5<");
      expect(after.html[1]).toContain(">13.5<");
      expect(after.html[2]).toBe(first.html[2]);
      await after.figures.flush();
    } finally {
      writeFileSync(csv, original);
    }
    // Back to the old row: the old drawings are still in the cache, under their old keys.
    const back = build();
    expect(back.figures.drawn).toBe(0);
    expect(back.refs.map((r) => r.key)).toEqual(first.refs.map((r) => r.key));
  });

  it("draws again a figure whose spec changed, and only that one", () => {
    const figures = new SiteFigures(new DatasetStore(fx.dir), fx.dir, new ContentCache(cacheDir));
    const refs = [BLOCKS[0]!, { ...BLOCKS[1]!, body: BLOCKS[1]!.body.replace("every year", "all years") }, BLOCKS[2]!].map((b) =>
      figures.place(b),
    );
    expect(figures.drawn).toBe(1);
    expect(figures.markup(refs[1]!.key, "html")).toContain("Emissions, all years");
  });

  it("keeps what each figure read in a file of its own: a lost one draws that figure again, and no other", () => {
    // One trace per place (3 figures, each drawn with 2 versions of area-stats above), no index of every figure.
    const traces = readdirSync(cacheDir).filter((f) => f.endsWith(".trace"));
    expect(traces.length).toBeGreaterThanOrEqual(3);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith(".json"))).toEqual([]);
    const holds = (t: string, key: string) => readFileSync(join(cacheDir, t), "utf8").includes(key);
    const lost = traces.find((t) => holds(t, first.refs[2]!.key))!;
    rmSync(join(cacheDir, lost));
    const after = build();
    expect(after.figures.drawn).toBe(1);
    expect(after.refs.map((r) => r.key)).toEqual(first.refs.map((r) => r.key));
  });

  it("keeps each drawing in one file named by its key", () => {
    const files = readdirSync(cacheDir).filter((f) => f.endsWith(".fig"));
    for (const ref of first.refs) expect(files).toContain(`${ref.key}.fig`);
  });
});
