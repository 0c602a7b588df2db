/**
 * `npm start` as a journalist uses it, on a scratch copy of the project (tests/.tmp/, with
 * the boundary files so the data pipeline runs): the preview serves each edit — a story's
 * text, a figure spec, a row of a CSV file, browser code, a layout — once saved, and
 * rewrites only the files the edit changes (their mtimes tell); a broken spec shows the
 * problem (file:line, how to fix it) on every page and the next good save recovers.
 * Pages are polled; nothing here asserts how fast that happens (npm run bench does).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ELECTRICITY_FIGURE } from "../../scripts/bench/bench-site.ts";
import { mtimes, navigate, type PreviewServer, rewritten, startPreview } from "../helpers/preview-server.ts";
import { scratchSite } from "../helpers/scratch-site.ts";

const PREVIEW = `---
title: Preview test
dek: A story edited while the preview runs.
byline: Test desk
date: 2026-11-20
districts: all
---

The first version of the story.

\`\`\`figure
kind: choropleth
dataset: districts
value: density_2010
palette: ylgnbu
title: Density for the preview test
\`\`\`
`;

const ELECTRIC = `---
title: Electricity test
dek: A story whose map reads the electricity table.
date: 2026-11-19
---

Electricity use changed.

${ELECTRICITY_FIGURE}
`;

const OTHER = `---
title: Other test
dek: A story the edits do not touch.
date: 2026-11-18
---

Population by district.

\`\`\`figure
kind: bar
dataset: districts
value: population_2010
title: Population for the preview test
\`\`\`
`;

/** The Korean version of the preview story: its map is the English spec drawn in Korean (`use:`). */
const PREVIEW_KO = `---
title: 미리보기 시험
dek: 미리보기가 고친 내용을 보여 주는지 확인하는 기사.
date: 2026-11-20
translation_key: preview
---

처음 쓴 기사.

\`\`\`figure
use: preview-1
\`\`\`
`;

const fixture = scratchSite("dev", { stories: { "preview.md": PREVIEW, "electric.md": ELECTRIC, "other.md": OTHER }, boundaries: true });
const file = (...parts: string[]) => join(fixture.root, ...parts);
writeFileSync(file("src", "ko", "stories", "preview.md"), PREVIEW_KO);
const storyFile = file("src", "stories", "preview.md");
let preview: PreviewServer;
let builds = 0;

/** Poll `url` until `done` accepts the response; fail with the server's output if it never does. */
async function until(url: string, done: (status: number, body: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 100_000;
  let last = "no response yet";
  while (Date.now() < deadline) {
    try {
      const { status, body } = await navigate(preview.origin + url);
      if (done(status, body)) return body;
      last = `${status}: ${body.slice(0, 200)}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} never happened (last answer ${last}). Server output:\n${preview.output().slice(-3000)}`);
}

/** Save an edit, wait until the preview has built it, and name the files it rewrote. */
async function edit(path: string, change: (text: string) => string): Promise<string[]> {
  const before = mtimes(preview.dir);
  writeFileSync(path, change(readFileSync(path, "utf8")));
  await preview.idle(++builds, 100_000);
  return rewritten(before, mtimes(preview.dir));
}

beforeAll(async () => {
  preview = await startPreview(fixture.root);
  await preview.idle(++builds);
  await until("/stories/preview/", (status, body) => status === 200 && body.includes("The first version"), "the first build");
}, 600_000);

afterAll(() => {
  preview?.stop();
  fixture.remove();
});

describe("the preview", () => {
  it("says on its pages that search and share cards are left out, and serves them with live reload", async () => {
    const page = await until("/stories/preview/", (s) => s === 200, "the story");
    expect(page).toContain("/.11ty/reload-client.js");
    expect(page).toMatch(/class="atlas-preview-note"[^>]*><strong>Preview<\/strong> The search index and the share cards are not made/);
  });

  it("shows an edit of a story's text, rewriting that page (and the feed, which holds it) only", async () => {
    const files = await edit(storyFile, (t) =>
      t.replace("The first version of the story.", "The second version, saved while the preview runs."),
    );
    const body = await until("/stories/preview/", (s, b) => s === 200 && b.includes("The second version"), "the edited story");
    expect(body).toContain('data-figure="choropleth"');
    expect(files).toEqual(["feed.xml", "stories/preview/index.html"]);
  }, 300_000);

  it("shows an edited figure spec, rewriting the page, the figure's embed page and its map's configuration, and their Korean drawings, only", async () => {
    const legend = (page: string) => [...page.matchAll(/<rect width="18" height="12" fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]);
    const before = legend((await navigate(`${preview.origin}/stories/preview/`)).body);
    const files = await edit(storyFile, (t) => t.replace("palette: ylgnbu", "palette: greens"));
    // The map the reader opens reads its configuration from its own file (src/figures/map-files.ts).
    await until("/maps/preview-1.json", (s, b) => s === 200 && b.includes('"palette":"greens"'), "the new palette");
    const body = (await navigate(`${preview.origin}/stories/preview/`)).body;
    expect(before.length).toBeGreaterThan(0);
    expect(legend(body)).toHaveLength(before.length);
    expect(legend(body)).not.toEqual(before);
    // The Korean drawing of the figure: its embed page and map file, and the Korean story that shows it (`use:`), in the Korean feed.
    expect(files).toEqual([
      "embed/preview-1/index.html",
      "feed.xml",
      "ko/embed/preview-1/index.html",
      "ko/feed.xml",
      "ko/maps/preview-1.json",
      "ko/stories/preview/index.html",
      "maps/preview-1.json",
      "stories/preview/index.html",
    ]);
    const embed = await navigate(`${preview.origin}/embed/preview-1/`);
    expect(legend(embed.body)).toEqual(legend(body));
    for (const url of ["/ko/embed/preview-1/", "/ko/stories/preview/"])
      expect(legend((await navigate(`${preview.origin}${url}`)).body), url).toEqual(legend(body));
    expect((await navigate(`${preview.origin}/ko/maps/preview-1.json`)).body).toContain('"palette":"greens"');
  }, 300_000);

  it("runs the data pipeline for an edited CSV row and rewrites only the pages that show that dataset", async () => {
    const csv = file("data", "tables", "electricity-gu.csv");
    const files = await edit(csv, (t) => t.replace(",change_2009_2012,18.69,", ",change_2009_2012,19.69,"));
    const body = await until("/stories/electric/", (s, b) => s === 200 && b.includes("19.69"), "the edited row");
    expect(body).not.toContain("18.69");
    // The story and the embed page of the figure on the edited dataset, its download, and the
    // pages that list its rows (the district's page, the style guide's figure on it).
    for (const expected of [
      "stories/electric/index.html",
      "embed/electric-1/index.html",
      "maps/electric-1.json",
      "data/electricity-gu.csv",
      "districts/geumcheon-gu/index.html",
    ])
      expect(files).toContain(expected);
    const allowed = new Set([
      "stories/electric/index.html",
      "embed/electric-1/index.html",
      "maps/electric-1.json",
      "districts/geumcheon-gu/index.html",
      "styleguide/index.html",
      "embed/styleguide-electricity-change/index.html",
      "maps/styleguide-electricity-change.json",
      "feed.xml",
      // The Korean edition's pages of the district and of the dataset show its rows too.
      "ko/districts/geumcheon-gu/index.html",
      "ko/data/electricity-gu/index.html",
      "ko/embed/electric-1/index.html",
      "ko/maps/electric-1.json",
      "ko/feed.xml",
    ]);
    expect(files.filter((f) => !f.startsWith("data/") && !allowed.has(f))).toEqual([]);
  }, 300_000);

  it("rebuilds edited browser code without rewriting any page", async () => {
    const files = await edit(
      file("src", "assets", "main.ts"),
      (t) => `${t}\ndocument.documentElement.dataset.previewEdit = "browser code";\n`,
    );
    // The preview names each edition's bundle without a hash (main-en.js, main-ko.js).
    const script = await until("/assets/main-en.js", (s, b) => s === 200 && b.includes("browser code"), "the rebuilt bundle");
    expect(script).toContain("previewEdit");
    expect(files.filter((f) => !f.startsWith("assets/"))).toEqual([]);
  }, 300_000);

  it("shows the figure's problem with file, line and hint on every page while the spec is broken, and recovers at the next good save", async () => {
    const broken = readFileSync(storyFile, "utf8").replace("palette: greens", "palette: rainbow");
    const line = broken.split("\n").findIndex((l) => l.startsWith("palette:")) + 1;
    await edit(storyFile, () => broken);
    const page = await until("/stories/preview/", (s, b) => s === 500 && b.includes("rainbow"), "the error page");
    expect(page).toContain("The preview could not be built");
    expect(page).toContain(`src/stories/preview.md:${line}:palette`);
    expect(page).toMatch(/How to fix:<\/strong> Allowed: blues, .*ylgnbu/);
    // Every page, not only the broken story, says the build is broken.
    const home = await until("/", (s) => s === 500, "the error page on the home page");
    expect(home).toContain(`src/stories/preview.md:${line}:palette`);
    expect(preview.output()).toContain(`src/stories/preview.md:${line}:palette`);

    await edit(storyFile, (t) => t.replace("palette: rainbow", "palette: blues"));
    const fixed = await until("/stories/preview/", (s) => s === 200, "the fixed story");
    expect(fixed).toContain("The second version");
    expect((await navigate(`${preview.origin}/maps/preview-1.json`)).body).toContain('"palette":"blues"');
  }, 300_000);

  it("picks up a change to the site's own TypeScript (a layout) without a restart", async () => {
    const before = (await preview.status()).worker;
    writeFileSync(
      file("src", "_includes", "layouts", "story.11ty.ts"),
      readFileSync(file("src", "_includes", "layouts", "story.11ty.ts"), "utf8").replace(
        '<article class="story">',
        '<article class="story" data-layout-edit="yes">',
      ),
    );
    const body = await until("/stories/other/", (s, b) => s === 200 && b.includes('data-layout-edit="yes"'), "the edited layout");
    expect(body).toContain("Population by district.");
    expect((await preview.status()).worker).toBeGreaterThan(before);
  }, 300_000);
});
