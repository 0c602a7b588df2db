/**
 * Hostile or careless sources, built for real: a scratch copy of the site (tests/helpers/
 * scratch-site.ts) is built once as it should be, then once per bad input of issue 11. Each
 * bad build must stop with the problem named at its file (and line), and leave behind
 * exactly what was there: the same _site/ and generated/, no staging folder, no file
 * written anywhere else in the project. The variants of each input are in
 * tests/unit/hostile-sources.test.ts and tests/unit/markdown-html.test.ts (no build needed).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seoulToday } from "../../src/lib/calendar-date.ts";
import { type ScratchSite, scratchSite } from "../helpers/scratch-site.ts";

const story = (fm: string, body = "Text.\n") => `---\ntitle: A story\ndate: 2026-01-05\n${fm}---\n\n${body}`;
const tomorrow = new Date(Date.parse(`${seoulToday()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const ALLOWED = story(
  "",
  `The <abbr title="Seoul Metropolitan Government">SMG</abbr> cut CO<sub>2</sub> by 10<sup>6</sup> t,
says <span lang="ko">서울시</span>; press <kbd>Ctrl</kbd>+<kbd>F</kbd>.<br>
<!-- desk: check the figure before publishing -->
See [the plan](https://news.seoul.go.kr/env/) and [Gwanak](/districts/gwanak-gu/).
`,
);

const fixture: ScratchSite = scratchSite("hostile-sources", {
  stories: {
    "allowed-html.md": ALLOWED,
    "scheduled.md": `---\ntitle: Scheduled for tomorrow\ndate: ${tomorrow}\n---\n\nNot yet.\n`,
  },
});
let baseline = "";
let firstOutput = "";

/** Every file under `dir` (links too) with a hash of its content, as one string. */
function tree(dir: string, skip: (rel: string) => boolean = () => false): string {
  const lines: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const rel = relative(fixture.root, path);
      if (skip(rel)) continue;
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat?.isDirectory()) walk(path);
      else lines.push(`${rel} ${stat ? createHash("sha1").update(readFileSync(path)).digest("hex") : "(link)"}`);
    }
  };
  walk(dir);
  return lines.join("\n");
}

/** The whole scratch project but its sources (which the cases edit), for "nothing written anywhere". */
const state = () => tree(fixture.root, (rel) => /^(src|data|generated|\.cache)(\/|$)/.test(rel) && rel !== "generated");

beforeAll(async () => {
  // A page that is not written at all (permalink: false once crashed the build with a TypeError).
  writeFileSync(
    join(fixture.root, "src", "draft.md"),
    "---\ntitle: Draft\nlayout: layouts/page.11ty.ts\npermalink: false\n---\n\nNot published.\n",
  );
  firstOutput = (await fixture.build()).output;
  baseline = state();
}, 300_000);
afterAll(() => fixture.remove());

/** Writes `files` (path in the scratch project → text), builds, and takes them away again; returns the build's output. */
async function refused(files: Record<string, string>, change?: () => () => void): Promise<string> {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(fixture.root, path)), { recursive: true });
    writeFileSync(join(fixture.root, path), text);
  }
  const undo = change?.();
  let output = "";
  try {
    await fixture.build();
  } catch (error) {
    output = (error as Error).message;
  } finally {
    for (const path of Object.keys(files)) rmSync(join(fixture.root, path), { force: true });
    undo?.();
  }
  expect(output, "the build should have failed").toMatch(/failed \(exit 1\)/);
  // Nothing changed or added anywhere: the same _site/ and generated/, no staging folder,
  // no demo.pth in the project's root.
  const after = state();
  expect(readdirSync(fixture.root).filter((n) => /\.(staging|old)-/.test(n))).toEqual([]);
  expect(after).toBe(baseline);
  return output;
}

describe("a scratch site with an allowed-HTML story, a scheduled story and a page that is not written", () => {
  it("renders the allowed inline elements and publishes no comment", () => {
    const page = readFileSync(join(fixture.site, "stories", "allowed-html", "index.html"), "utf8");
    for (const tag of [
      '<abbr title="Seoul Metropolitan Government">SMG</abbr>',
      "<sub>2</sub>",
      "<sup>6</sup>",
      '<span lang="ko">서울시</span>',
      "<kbd>Ctrl</kbd>",
      "<br>",
    ])
      expect(page).toContain(tag);
    expect(page).toContain('<a href="https://news.seoul.go.kr/env/" rel="noopener">the plan</a>');
    expect(page).not.toContain("desk: check");
  });

  it("builds a page with permalink: false by writing nothing for it", () => {
    expect(firstOutput).not.toMatch(/TypeError/);
    expect(existsSync(join(fixture.site, "draft"))).toBe(false);
  });

  it("leaves the scheduled story out of every page and lists it in the build report", () => {
    expect(existsSync(join(fixture.site, "stories", "scheduled"))).toBe(false);
    for (const file of ["index.html", "feed.xml", "sitemap.xml", join("stories", "index.html")].filter((f) =>
      existsSync(join(fixture.site, f)),
    ))
      expect(readFileSync(join(fixture.site, file), "utf8"), file).not.toContain("Scheduled for tomorrow");
    expect(firstOutput).toMatch(new RegExp(`src/stories/scheduled\\.md:3:date — “Scheduled for tomorrow” is dated ${tomorrow}: scheduled`));
    expect(readFileSync(join(fixture.site, "build-report.html"), "utf8")).toContain(
      `is dated ${tomorrow}: scheduled, so left out of this build`,
    );
  });
});

describe("each bad input is refused, and the build leaves everything as it was", () => {
  it("a story's permalink out of the site's folder (../x/demo.pth)", async () => {
    const out = await refused({ "src/stories/pth.md": story('permalink: "../x/demo.pth"\n') });
    expect(out).toMatch(/src\/stories\/pth\.md:4:permalink — a story cannot choose its address/);
    expect(existsSync(join(fixture.root, "x"))).toBe(false);
  });

  it("a page's permalinkBypassOutputDir, which writes relative to the project", async () => {
    const out = await refused({
      "src/bypass.md": "---\ntitle: x\nlayout: layouts/page.11ty.ts\npermalink: x/demo.pth\npermalinkBypassOutputDir: true\n---\nhi\n",
    });
    expect(out).toMatch(/src\/bypass\.md:4:permalink — the page would be written outside the site's folder/);
  });

  it("a page's permalink onto the site's font", async () => {
    const out = await refused({
      "src/font.md": "---\ntitle: x\nlayout: layouts/page.11ty.ts\npermalink: /assets/fonts/atlas-sans-400.woff2\n---\nhi\n",
    });
    expect(out).toMatch(
      /src\/font\.md:4:permalink — "\/assets\/fonts\/atlas-sans-400\.woff2" is in \/assets\/, which the build fills itself/,
    );
  });

  it("a permalink with line breaks that would add rules to _headers", async () => {
    const out = await refused({
      "src/headers.md": '---\ntitle: x\nlayout: layouts/page.11ty.ts\npermalink: "/x/\\n/*\\n  X-Evil: 1\\n"\n---\nhi\n',
    });
    expect(out).toMatch(/src\/headers\.md:4:permalink — the address "\/x\/\\n\/\*\\n {2}X-Evil: 1\\n" is not a plain site path/);
  });

  it("raw HTML in a story: a meta refresh, a javascript: link, a handler, a frame, a form", async () => {
    const out = await refused({
      "src/stories/html.md": story(
        "",
        'Text <meta http-equiv="refresh" content="0;url=https://evil.example/"> here.\n\nA [link](javascript:alert(1)) and <span onclick="x">y</span>.\n\n<iframe src="https://evil.example/"></iframe>\n\n<form action="https://evil.example/"></form>\n',
      ),
    });
    expect(out).toMatch(/src\/stories\/html\.md:6 — <meta> is not allowed in a story/);
    expect(out).toMatch(/src\/stories\/html\.md:8 — the link "javascript:alert\(1\)" does not go to a web page/);
    expect(out).toMatch(/src\/stories\/html\.md:8 — <span onclick="x">: the attribute onclick is not allowed/);
    expect(out).toMatch(/src\/stories\/html\.md:10 — <iframe> is not allowed/);
    expect(out).toMatch(/src\/stories\/html\.md:12 — <form> is not allowed/);
  });

  it("a Markdown page outside src/stories/ without the layout, with a script", async () => {
    const out = await refused({ "src/loose.md": "---\ntitle: Loose\n---\n\nHello.\n" });
    expect(out).toMatch(/src\/loose\.md — the page has no doctype: it is not in the site's layout/);
  });

  it("an HTML page and a scripted SVG in src/static/", async () => {
    const out = await refused({
      "src/static/evil.html": "<script>alert(1)</script>",
      "src/static/evil.svg": '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>',
    });
    expect(out).toMatch(/src\/static\/evil\.html — src\/static\/ holds pictures and plain files, not \.html files/);
    expect(out).toMatch(/src\/static\/evil\.svg:2 — the SVG contains <script>/);
  });

  it("a figure of a 200,000-row table, refused at the figure before anything is drawn", async () => {
    const manifestPath = join(fixture.root, "generated", "manifest.json");
    const csvPath = join(fixture.root, "generated", "ghg-gu.csv");
    const [manifestText, csvText] = [readFileSync(manifestPath, "utf8"), readFileSync(csvPath, "utf8")];
    const started = performance.now();
    const out = await refused(
      {
        "src/stories/big.md": story(
          "",
          "```figure\nkind: bar\ndataset: ghg-gu\nwhere: { metric: co2_energy }\nvalue: value\nlabel: gu_name_en\ntitle: Every row\n```\n",
        ),
      },
      () => {
        const rows = parse(csvText, { columns: true }) as Record<string, string>[];
        const big = Array.from({ length: 200_000 }, (_, i) => ({ ...rows[i % rows.length]!, id: `row-${i}` }));
        writeFileSync(csvPath, stringify(big, { header: true, columns: Object.keys(rows[0]!) }));
        const manifest = JSON.parse(manifestText);
        manifest.datasets["ghg-gu"].count = big.length;
        writeFileSync(manifestPath, JSON.stringify(manifest));
        return () => {
          writeFileSync(manifestPath, manifestText);
          writeFileSync(csvPath, csvText);
        };
      },
    );
    expect(out).toMatch(
      /src\/stories\/big\.md:8:dataset — ghg-gu has 200,000 rows \([\d,]+ left after `where` and `exclude`\): a figure draws at most 5,000 marks/,
    );
    expect(out).toMatch(/how to fix: Draw fewer rows: filter them with `where`/);
    expect(out).not.toMatch(/heap out of memory/);
    console.log(`200,000-row figure refused after ${Math.round(performance.now() - started)} ms (scratch copy and build)`);
  });

  it("a date that is not a day (2026-02-30)", async () => {
    const out = await refused({ "src/stories/date.md": "---\ntitle: A story\ndate: 2026-02-30\n---\n\nText.\n" });
    expect(out).toMatch(/src\/stories\/date\.md:3:date — "2026-02-30" is not a date: February 2026 has 28 days/);
  });

  /** A corrections log of one entry about `page` in place of the scratch site's, for one build. */
  const correctionOf = (page: string) => () => {
    const path = join(fixture.root, "data", "corrections.yaml");
    const before = readFileSync(path, "utf8");
    writeFileSync(path, `- date: 2026-01-05\n  type: correction\n  page: ${page}\n  wrong: A figure was misquoted.\n  now: Fixed.\n`);
    return () => writeFileSync(path, before);
  };

  it('a correction whose page is "/\\evil.example/phish"', async () => {
    const out = await refused({}, correctionOf('"/\\\\evil.example/phish"'));
    expect(out).toMatch(/data\/corrections\.yaml:1:page — a site path such as \/stories\/…\//);
  });

  it("a correction naming a page the site does not have", async () => {
    const out = await refused({}, correctionOf("/stories/allowed-htm/"));
    expect(out).toMatch(/data\/corrections\.yaml:3:page — "\/stories\/allowed-htm\/" is not a page of the site/);
    expect(out).toContain('Did you mean "/stories/allowed-html/"?');
  });

  it("control characters (ESC, BEL) in a figure's title: refused, and never sent to the terminal", async () => {
    const out = await refused({
      "src/stories/esc.md": story(
        "",
        "```figure\nkind: bar\ndataset: districts\nvalue: density_2010\ntitle: Red \u001b[31m alert \u0007\n```\n",
      ),
    });
    expect(out).toMatch(/src\/stories\/esc\.md:10:title — an invisible control character, ESC \(U\+001B\), in "title"/);
    expect(out).not.toContain("\u001b[31m");
    expect(out).not.toContain("\u0007");
  });

  it("a story file named with spaces and quotes", async () => {
    const out = await refused({ 'src/stories/My "best" story.md': story("") });
    expect(out).toMatch(/Rename the file to src\/stories\/my-best-story\.md/);
  });

  it("a build that crashes (a dangling link among the data files) leaves no staging folder", async () => {
    const link = join(fixture.root, "generated", "broken.csv");
    const out = await refused({}, () => {
      symlinkSync("/nonexistent-atlas-file", link);
      return () => rmSync(link, { force: true });
    });
    expect(out).toMatch(/ENOENT/);
  });
});
