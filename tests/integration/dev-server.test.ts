/**
 * `npm start` as a journalist uses it, on a scratch copy of the project (tests/.tmp/, with
 * the boundary files so the data pipeline runs): the preview serves each edit — a story's
 * text, a figure spec, a row of a CSV file, browser code, a layout — once saved, and
 * rewrites only the files the edit changes (their mtimes tell); a broken spec shows the
 * problem (file:line, how to fix it) on every page and the next good save recovers.
 * Two pages stay open in Chromium all along, as in a journalist's browser: the edited story
 * shows each edit in place (no reload: the reader's place, open tables and what the page's
 * code did stay), its edited figure made live again; a page no save touched stays as it is;
 * browser code and a broken build load the page again.
 * Pages are polled; nothing here asserts how fast that happens (npm run bench does).
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ELECTRICITY_FIGURE } from "../../scripts/bench/bench-site.ts";
import { SYNTHETIC_MARKER } from "../../src/site/story-numbers.ts";
import { launchBrowser } from "../helpers/browser.ts";
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
// Its stories give no number in their text: the numbers of their text are checked, as on the real site.
rmSync(file(SYNTHETIC_MARKER));
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

/**
 * Save an edit, wait until the preview has built it, and name the files it rewrote. The build
 * is known by the server's own count and the time it saw the change, not by counting saves:
 * on a busy machine one save can reach the watcher twice, and a second, empty build must not
 * be taken for the next save's (it was, once, and every later test read its predecessor's build).
 */
async function edit(path: string, change: (text: string) => string): Promise<string[]> {
  const base = (await preview.idle(builds, 100_000)).builds;
  const before = mtimes(preview.dir);
  const savedAt = Date.now();
  writeFileSync(path, change(readFileSync(path, "utf8")));
  const deadline = Date.now() + 100_000;
  for (;;) {
    const s = await preview.status();
    if (s.seenAt >= savedAt && s.builds > base && s.busy === 0) {
      // A second event of the same save starts its (empty) build within the watcher's delay: let it finish too.
      await new Promise((r) => setTimeout(r, 250));
      builds = (await preview.idle(s.builds, 100_000)).builds;
      break;
    }
    if (Date.now() > deadline) throw new Error(`the preview never built the save of ${path}. Output:\n${preview.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return rewritten(before, mtimes(preview.dir));
}

/** A page open in Chromium: how often the preview updated it in place, and how often it was loaded. */
interface OpenPage {
  page: Page;
  updates: number;
  loads: number;
}
let browser: Browser;
let story: OpenPage;
let other: OpenPage;

async function open(url: string): Promise<OpenPage> {
  const page = await browser.newPage();
  const open: OpenPage = { page, updates: 0, loads: 0 };
  await page.exposeFunction("__previewUpdated", () => open.updates++);
  await page.addInitScript(() =>
    document.addEventListener("atlas:preview-updated", () => (window as unknown as { __previewUpdated(): void }).__previewUpdated()),
  );
  page.on("domcontentloaded", () => open.loads++);
  await page.goto(preview.origin + url);
  // A mark of this visit: a reload would lose it.
  await page.evaluate(() => Object.assign(window, { visit: "first" }));
  return open;
}

/** Sockets that connect 4 s after the page asked for them, passing their events on (a slow page's live reload). */
const SLOW_SOCKETS = `{
  const Real = window.WebSocket;
  const Slow = function (url, protocols) {
    const shim = new EventTarget();
    let real;
    shim.readyState = 0;
    shim.send = (d) => real && real.send(d);
    shim.close = () => real && real.close();
    setTimeout(() => {
      real = new Real(url, protocols);
      for (const type of ["open", "message", "close", "error"])
        real.addEventListener(type, (e) => {
          shim.readyState = real.readyState;
          const event = type === "message" ? new MessageEvent("message", { data: e.data }) : new Event(type);
          shim.dispatchEvent(event);
          if (typeof shim["on" + type] === "function") shim["on" + type](event);
        });
    }, 4000);
    return shim;
  };
  Object.assign(Slow, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
  window.WebSocket = Slow;
}`;

/** Wait until the open page's text holds `text` (polled: the page's policy forbids evaluating strings). */
async function shows(open: OpenPage, text: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await open.page.evaluate((t) => document.body.textContent?.includes(t), text).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the open page never showed "${text}". Server output:\n${preview.output().slice(-3000)}`);
}

/**
 * The fonts Chromium drew an element's text with (CSS.getPlatformFontsForNode), once they are
 * all the page's own: a font file loads when the characters ask for it.
 */
async function fontsOf(page: Page, selector: string): Promise<{ familyName: string; isCustomFont: boolean; glyphCount: number }[]> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  const fonts = async () => (await cdp.send("CSS.getPlatformFontsForNode", { nodeId })).fonts;
  await expect.poll(async () => (await fonts()).every((f) => f.isCustomFont), { timeout: 20_000 }).toBe(true);
  const drawn = await fonts();
  await cdp.detach();
  return drawn;
}

const visit = (open: OpenPage) => open.page.evaluate(() => (window as unknown as { visit?: string }).visit);

beforeAll(async () => {
  preview = await startPreview(fixture.root);
  await preview.idle(++builds);
  await until("/stories/preview/", (status, body) => status === 200 && body.includes("The first version"), "the first build");
  browser = await launchBrowser();
  story = await open("/stories/preview/");
  other = await open("/stories/other/");
}, 600_000);

afterAll(async () => {
  await browser?.close();
  preview?.stop();
  fixture.remove();
});

describe("the preview", () => {
  it("says on its pages that search and share cards are left out, and serves them with live reload", async () => {
    const page = await until("/stories/preview/", (s) => s === 200, "the story");
    expect(page).toContain("/.11ty/reload-client.js");
    // The page updater (scripts/preview/client.ts), last in the page so that it runs once the page is read.
    expect(page).toMatch(/<script src="\/__atlas\/preview\.js"><\/script>\s*<\/body>/);
    expect(page).toMatch(/class="atlas-preview-note"[^>]*><strong>Preview<\/strong> The search index and the share cards are not made/);
  });

  it("shows an edit of a story's text, rewriting that page (and the feed, which holds it) only", async () => {
    const files = await edit(storyFile, (t) =>
      t.replace("The first version of the story.", "The second version, saved while the preview runs."),
    );
    const body = await until("/stories/preview/", (s, b) => s === 200 && b.includes("The second version"), "the edited story");
    expect(body).toContain('data-figure="choropleth"');
    expect(files).toEqual(["feed.xml", "stories/preview/index.html"]);
    // The open page shows it in place: not loaded again, scrolled where it was, its map still live.
    await shows(story, "The second version");
    expect(await visit(story)).toBe("first");
    expect(story).toMatchObject({ updates: 1, loads: 1 });
    expect(await story.page.locator("figure[data-figure] .figure__table").first().getAttribute("open")).toBeNull();
    // The page no save touched was neither updated nor loaded again.
    expect(other).toMatchObject({ updates: 0, loads: 1 });
  }, 300_000);

  it("shows a paragraph added to the story in place, where it was written", async () => {
    await edit(storyFile, (t) => t.replace("The second version, saved while the preview runs.\n", "$&\nA paragraph added below it.\n"));
    await shows(story, "A paragraph added below it.");
    const paragraphs = await story.page.locator("article.story > p").allTextContents();
    expect(paragraphs.indexOf("A paragraph added below it.")).toBe(
      paragraphs.indexOf("The second version, saved while the preview runs.") + 1,
    );
    expect(await visit(story)).toBe("first");
    expect(story.loads).toBe(1);
    // Taken out again: the page returns to what the later tests expect.
    await edit(storyFile, (t) => t.replace("\nA paragraph added below it.\n", ""));
    // The page still shows "The second version": wait for the paragraph to go, not for that.
    await expect
      .poll(() => story.page.locator("article.story > p", { hasText: "A paragraph added below it." }).count(), { timeout: 60_000 })
      .toBe(0);
  }, 300_000);

  it("draws characters the site's fonts were cut without in the site's font, not a fallback", async () => {
    // The preview cuts the font files once, from the characters the site had when it started.
    const rare = "ŧŋ";
    await edit(storyFile, (t) => t.replace("The second version, saved while the preview runs.\n", `$&\n${rare}\n`));
    await shows(story, rare);
    const index = await story.page.evaluate(
      (text) => [...document.querySelectorAll("article.story > p")].findIndex((p) => p.textContent === text),
      rare,
    );
    expect(index).toBeGreaterThanOrEqual(0);
    const fonts = await fontsOf(story.page, `article.story > p:nth-of-type(${index + 1})`);
    expect(fonts.reduce((n, f) => n + f.glyphCount, 0)).toBe(rare.length);
    await edit(storyFile, (t) => t.replace(`\n${rare}\n`, ""));
    await until("/stories/preview/", (s, b) => s === 200 && !b.includes(rare), "the story without the rare characters");
  }, 300_000);

  it("writes the note of a Korean preview page in the site's font (a system without a Korean font showed empty boxes)", async () => {
    const page = await browser.newPage();
    await page.goto(`${preview.origin}/ko/stories/preview/`);
    expect(await page.locator(".atlas-preview-note").textContent()).toContain("미리보기");
    expect((await fontsOf(page, ".atlas-preview-note")).every((f) => f.familyName === "Pretendard")).toBe(true);
    await page.close();
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
    // The open page's map was put in place of the old one, in the new colours, and made live
    // by the site's code: its table closed, its districts reachable by keyboard, a tooltip on hover.
    const fills = () =>
      story.page.evaluate(() =>
        [...document.querySelectorAll('figure[data-figure] .legend rect[fill^="#"]')].map((r) => r.getAttribute("fill")),
      );
    const deadline = Date.now() + 60_000;
    while (JSON.stringify(await fills()) !== JSON.stringify(legend(body)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(await fills()).toEqual(legend(body));
    expect(await visit(story)).toBe("first");
    expect(story.loads).toBe(1);
    const figure = story.page.locator("figure[data-figure]").first();
    expect(await figure.locator(".figure__table").getAttribute("open")).toBeNull();
    expect(await figure.locator('.mark[tabindex="0"]').count()).toBe(1);
    await figure.locator('.mark[tabindex="0"]').focus();
    await expect.poll(() => figure.locator(".tooltip").isVisible()).toBe(true);
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
    // Code cannot be changed in place: the open pages load again, and run the new bundle.
    await expect
      .poll(() => story.page.evaluate(() => document.documentElement.dataset.previewEdit).catch(() => undefined))
      .toBe("browser code");
    expect(await visit(story)).toBeUndefined();
    expect(story.loads).toBe(2);
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

    // The open page shows the problem too, then the story again at once when the fix is saved
    // right away (the error page also asks the preview whether the build is mended).
    await shows(story, "The preview could not be built");
    await edit(storyFile, (t) => t.replace("palette: rainbow", "palette: blues"));
    const fixed = await until("/stories/preview/", (s) => s === 200, "the fixed story");
    expect(fixed).toContain("The second version");
    expect((await navigate(`${preview.origin}/maps/preview-1.json`)).body).toContain('"palette":"blues"');
    await shows(story, "The second version");
    expect(story.loads).toBeGreaterThan(2);
    await expect.poll(() => story.page.locator(".atlas-preview-note").count()).toBe(1);
  }, 300_000);

  it("stops at a number of a story's text that stands in no dataset, as the full build does, and recovers at the next good save", async () => {
    const text = readFileSync(storyFile, "utf8");
    const line = text.split("\n").findIndex((l) => l.startsWith("The second version")) + 1;
    await edit(storyFile, (t) =>
      t.replace("The second version, saved while the preview runs.", "The second version counts 987,654 people."),
    );
    try {
      const page = await until("/stories/preview/", (s, b) => s === 500 && b.includes("987,654"), "the error page");
      expect(page).toContain(`src/stories/preview.md:${line}`);
      expect(page).toContain("987,654 stands in no dataset");
      // The open page was loaded again by the recovery just before: it shows the problem all the same.
      await shows(story, "987,654 stands in no dataset");
    } finally {
      // Mended whatever happened: the tests after this one need a site that builds.
      await edit(storyFile, () => text);
    }
    const fixed = await until("/stories/preview/", (s) => s === 200, "the fixed story");
    expect(fixed).toContain("The second version, saved while the preview runs.");
    expect(fixed).not.toContain("987,654");
  }, 300_000);

  it("stops when a CSV edit takes away a number a story gives, though no figure of that story reads the CSV, and recovers when the row is mended", async () => {
    const text = readFileSync(storyFile, "utf8");
    const csv = file("data", "tables", "electricity-gu.csv");
    const rows = readFileSync(csv, "utf8");
    // The preview story's figure reads the districts table; its text quotes the electricity table.
    await edit(storyFile, (t) => `${t.trimEnd()}\n\nMapo's use grew by 12.86 per cent.\n`);
    const line =
      readFileSync(storyFile, "utf8")
        .split("\n")
        .findIndex((l) => l.includes("12.86")) + 1;
    try {
      await until("/stories/preview/", (s, b) => s === 200 && b.includes("12.86 per cent"), "the quoted number");
      await edit(csv, (t) => t.replace(",change_2009_2012,12.86,", ",change_2009_2012,13.86,"));
      // As `npm run build` would: the story's number now stands in no dataset.
      const page = await until("/stories/preview/", (s) => s === 500, "the error page");
      expect(page).toContain(`src/stories/preview.md:${line}`);
      expect(page).toContain("12.86 stands in no dataset");
      await shows(story, "12.86 stands in no dataset");
      await edit(csv, () => rows);
      const mended = await until("/stories/preview/", (s) => s === 200, "the story with its row mended");
      expect(mended).toContain("12.86 per cent");
    } finally {
      // Mended whatever happened: the tests after this one need a site that builds.
      if (readFileSync(csv, "utf8") !== rows) await edit(csv, () => rows);
      await edit(storyFile, () => text);
    }
    expect(await until("/stories/preview/", (s) => s === 200, "the story as it was")).not.toContain("12.86");
  }, 300_000);

  it("shows a failure that came before the open page's live-reload connection was made", async () => {
    // A slow page: its sockets (the dev server's reload client and the page's updater) connect
    // 4 s after it loaded, so the failure's broadcast reaches neither of them.
    const page = await browser.newPage();
    // As a string: the test's compiled functions call a helper (esbuild's __name) the page lacks.
    await page.addInitScript(SLOW_SOCKETS);
    const text = readFileSync(storyFile, "utf8");
    try {
      await page.goto(`${preview.origin}/stories/other/`);
      expect(await page.locator("h1").count()).toBeGreaterThan(0);
      await edit(storyFile, (t) => `${t.trimEnd()}\n\nA last line counts 987,654 people.\n`);
      await until("/stories/other/", (s) => s === 500, "the error page");
      await shows({ page, updates: 0, loads: 0 }, "987,654 stands in no dataset");
    } finally {
      await edit(storyFile, () => text);
      await page.close();
    }
  }, 300_000);

  it("picks up a change to the site's own TypeScript (a layout) without a restart", async () => {
    const before = (await preview.status()).worker;
    // The broken build loaded every open page again: mark this visit anew.
    await other.page.evaluate(() => Object.assign(window, { visit: "before the layout edit" }));
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
    // The open page takes the new attribute in place, once the new build process has built the site.
    await expect
      .poll(() => other.page.evaluate(() => document.querySelector("article.story")?.getAttribute("data-layout-edit")), {
        timeout: 120_000,
      })
      .toBe("yes");
    expect(await visit(other)).toBe("before the layout edit");
  }, 300_000);
});
