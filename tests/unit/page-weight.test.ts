/**
 * The page-weight module on a small synthetic site: the first view is the page's HTML plus
 * the code it loads before any interaction; lazy chunks count only on pages that fetch them
 * without interaction (the redraw and a chart kind's renderer with charts, the scrolly code
 * with a scrolly), never the map code or what loads on a reader's request; a map's data is
 * what its configuration file names.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUDGETS, firstView, KB, type PageLoad, pageLoads, total } from "../../scripts/lib/page-weight.ts";

let dir: string;
let loads: Map<string, PageLoad>;

const page = (body: string) =>
  `<!doctype html><html><head><link rel="stylesheet" href="/assets/site-A1.css"><script type="module" src="/assets/main-B2.js"></script></head><body>${body}</body></html>`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "atlas-weight-"));
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write("assets/site-A1.css", "body{margin:0}".repeat(20));
  write(
    "assets/main-B2.js",
    'import"./chunk-C3.js";const a=()=>import("./redraw-D4.js"),b=()=>import("./scrolly-E5.js"),c=()=>import("./find-F6.js"),d=()=>import("./map-G7.js");',
  );
  write("assets/chunk-C3.js", "export const x=1;".repeat(10));
  write("assets/redraw-D4.js", 'import"./chunk-C3.js";const r={bar:()=>import("./bar-H8.js"),line:()=>import("./line-J9.js")};');
  write("assets/bar-H8.js", "export const bar=1;".repeat(30));
  write("assets/line-J9.js", "export const line=1;".repeat(60));
  write("assets/scrolly-E5.js", "export const s=1;".repeat(40));
  write("assets/find-F6.js", "export const f=1;".repeat(50));
  write("assets/map-G7.js", "export const m=1;".repeat(5000));
  write("maps/fig-1.json", JSON.stringify({ data: "/data/districts.geojson", outline: "/data/dong.geojson" }));
  write("data/districts.geojson", '{"type":"FeatureCollection","features":[]}'.repeat(50));
  write("data/dong.geojson", '{"type":"FeatureCollection","features":[]}'.repeat(10));
  write("plain/index.html", page("<p>Text only.</p>"));
  write("bars/index.html", page('<figure data-figure="bar"><div class="figure__graphic" data-chart="{}"></div></figure>'));
  write(
    "map/index.html",
    page('<figure data-figure="choropleth"><div class="figure__graphic" data-map="/maps/fig-1.json"></div></figure>'),
  );
  write("story/index.html", page('<figure data-figure="choropleth" data-scrolly><div data-map="/maps/fig-1.json"></div></figure>'));
  loads = new Map((await pageLoads(dir)).map((l) => [l.url, l]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const paths = (files: { path: string }[]) => files.map((f) => f.path).sort();

describe("page weight", () => {
  it("counts a page's HTML, scripts and stylesheets as its first view", () => {
    const plain = loads.get("/plain/")!;
    expect(plain.html.bytes).toBe(gzipSync(page("<p>Text only.</p>"), { level: 9 }).length);
    expect(paths(plain.js)).toEqual(["/assets/chunk-C3.js", "/assets/main-B2.js"]);
    expect(firstView(plain)).toBe(plain.html.bytes + total(plain.js) + total(plain.css));
    expect(BUDGETS.firstView).toBe(27 * KB);
  });

  it("counts the redraw code and the renderer of each chart kind only on pages with those charts", () => {
    expect(paths(loads.get("/bars/")!.js)).toEqual([
      "/assets/bar-H8.js",
      "/assets/chunk-C3.js",
      "/assets/main-B2.js",
      "/assets/redraw-D4.js",
    ]);
    expect(paths(loads.get("/plain/")!.js)).not.toContain("/assets/redraw-D4.js");
  });

  it("counts the scrollytelling code on pages with a scrolly, and never the map code or the finder (they load on request)", () => {
    const story = paths(loads.get("/story/")!.js);
    expect(story).toContain("/assets/scrolly-E5.js");
    for (const l of loads.values()) {
      expect(paths(l.js)).not.toContain("/assets/map-G7.js");
      expect(paths(l.js)).not.toContain("/assets/find-F6.js");
    }
  });

  it("finds a map's data through its configuration file, outside the first view", () => {
    const map = loads.get("/map/")!;
    expect(paths(map.data)).toEqual(["/data/districts.geojson", "/data/dong.geojson", "/maps/fig-1.json"]);
    expect(map.data[0]!.path).toBe("/data/districts.geojson");
    expect(firstView(map)).toBe(map.html.bytes + total(map.js) + total(map.css));
  });
});
