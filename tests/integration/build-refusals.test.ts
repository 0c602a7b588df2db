/**
 * Mistakes a journalist makes in a story, on a scratch site built by the real build: each
 * stops it with the story's file and line and what to do, and leaves the last good site as
 * it was. (The site's own numbers are checked in story-numbers.test.ts; a scratch site's
 * stories are placeholder text, so this one turns the numbers check back on.)
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteUrlProblem } from "../../src/site/site-url.ts";
import { SYNTHETIC_MARKER } from "../../src/site/story-numbers.ts";
import { type ScratchSite, scratchSite } from "../helpers/scratch-site.ts";

const story = (front: string, body: string) => `---
title: Gwanak-gu's startup plan
dek: A test story.
byline: Test desk
date: 2026-11-20
districts: [gwanak-gu]
${front}---

${body}
`;

const GOOD = story("", "The plan set a target of 3,100 jobs. See [the district](/districts/gwanak-gu/).");

let site: ScratchSite;
let built = "";

/** The build's output when it fails (it must), and the home page as the last good build left it. */
async function refused(): Promise<{ output: string; home: string }> {
  const output = await site.build().then(
    () => "",
    (error: Error) => error.message,
  );
  expect(output, "the build should have failed").not.toBe("");
  return { output, home: readFileSync(join(site.site, "index.html"), "utf8") };
}

beforeAll(async () => {
  site = scratchSite("refusals", { stories: { "s-valley.md": GOOD } });
  rmSync(join(site.root, SYNTHETIC_MARKER));
  // The story has a correction, as the site's stories do: the log names its address.
  writeFileSync(
    join(site.root, "data", "corrections.yaml"),
    "- date: 2026-11-21\n  type: correction\n  page: /stories/s-valley/\n  wrong: A figure was wrong.\n  now: It is right.\n",
  );
  await site.build();
  built = readFileSync(join(site.site, "index.html"), "utf8");
}, 120_000);
afterAll(() => site?.remove());

const write = (file: string, text: string) => writeFileSync(join(site.root, "src", "stories", file), text);

describe("a story's mistakes stop the build at their line", () => {
  it("a number no dataset holds", async () => {
    write("s-valley.md", GOOD.replace("3,100", "3,200"));
    const { output, home } = await refused();
    expect(output).toContain("src/stories/s-valley.md:9 — 3,200 stands in no dataset");
    expect(output).toContain("[number-not-in-data]");
    expect(home).toBe(built);
  }, 120_000);

  it("a link to a page the site does not have, and a picture it does not hold", async () => {
    write("s-valley.md", GOOD.replace("/districts/gwanak-gu/", "/districts/gwanak/").concat("\n![The hub](/images/hub.jpg)\n"));
    const { output, home } = await refused();
    expect(output).toContain('src/stories/s-valley.md:9 — the link "/districts/gwanak/" goes to no page of the site');
    expect(output).toContain('Did you mean "/districts/gwanak-gu/"?');
    expect(output).toContain('src/stories/s-valley.md:11 — the picture "/images/hub.jpg" is not one of the site\'s files');
    expect(home).toBe(built);
  }, 120_000);

  it("a permalink in a story the corrections log names: the permalink is the problem, not the log", async () => {
    write("s-valley.md", story("permalink: /about/\n", "The plan set a target of 3,100 jobs."));
    const { output, home } = await refused();
    expect(output).toContain("src/stories/s-valley.md:7:permalink — a story cannot choose its address (it would be /about/)");
    expect(output).not.toContain("corrections.yaml");
    expect(home).toBe(built);
  }, 120_000);

  it("two stories at one address (a copy in a folder below): both files named, no stack trace", async () => {
    write("s-valley.md", GOOD);
    mkdirSync(join(site.root, "src", "stories", "old"), { recursive: true });
    write("old/s-valley.md", GOOD);
    const { output, home } = await refused();
    rmSync(join(site.root, "src", "stories", "old"), { recursive: true });
    expect(output).toContain(
      "src/stories/old/s-valley.md — 2 pages would be written to /stories/s-valley/: src/stories/old/s-valley.md, src/stories/s-valley.md",
    );
    expect(output).not.toMatch(/DuplicatePermalinkOutputError|\n\s+at /);
    expect(home).toBe(built);
  }, 120_000);

  it("a Korean story whose English story was deleted: the missing story named, not only an unknown figure", async () => {
    write("s-valley.md", GOOD);
    const korean = join(site.root, "src", "ko", "stories", "old-story.md");
    mkdirSync(join(site.root, "src", "ko", "stories"), { recursive: true });
    writeFileSync(
      korean,
      "---\ntitle: 관악구의 창업 계획\ndek: 시험용 기사.\ndate: 2026-11-20\ntranslation_key: old-story\n---\n\n관악구의 계획을 살펴본다.\n\n```figure\nuse: old-story-1\n```\n",
    );
    const { output, home } = await refused();
    rmSync(korean);
    expect(output).toContain(
      'src/ko/stories/old-story.md:11:use — no figure of the English stories has the id "old-story-1": the English story this page translates, src/stories/old-story.md, is missing',
    );
    expect(output).toContain("Restore src/stories/old-story.md");
    expect(home).toBe(built);
  }, 120_000);

  it("front matter that is not YAML: the line of the mistake, and of a quote left open", async () => {
    write("s-valley.md", GOOD.replace("byline: Test desk", "byline: Desk: Kim Ji-won: data"));
    let { output, home } = await refused();
    expect(output).toContain("src/stories/s-valley.md:4 — the front matter is not valid YAML");
    expect(home).toBe(built);
    write("s-valley.md", GOOD.replace("dek: A test story.", 'dek: "A test story.'));
    ({ output, home } = await refused());
    expect(output).toContain("src/stories/s-valley.md:3 — the front matter is not valid YAML");
    expect(home).toBe(built);
  }, 120_000);
});

describe("an address the site cannot be published at", () => {
  it("a SITE_URL with a path, or without https://, stops the build before any work, and the last site stays", async () => {
    const saved = process.env.SITE_URL;
    try {
      for (const [value, said] of [
        // A GitHub project site: every link of the site starts at "/".
        ["https://newsroom.github.io/seoul-atlas", "has more than an address (/seoul-atlas)"],
        ["atlas.example.org", "is not a web address"],
      ] as const) {
        process.env.SITE_URL = value;
        const { output, home } = await refused();
        expect(output).toContain(`SITE_URL — "${value}" ${said}`);
        expect(output).toContain("[site-url-invalid]");
        expect(home).toBe(built);
      }
    } finally {
      if (saved === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = saved;
    }
    // An address alone passes, with or without its final slash, and so does the preview's.
    for (const value of ["https://atlas.example.org", "https://atlas.example.org/", "http://localhost:8080", undefined])
      expect(siteUrlProblem(value), value).toBeUndefined();
  });
});
