/**
 * `npm start` as a journalist uses it, on a scratch copy of the project (tests/.tmp/): the
 * preview server, started on a free port, serves an edited story soon after the file is
 * saved, shows the build's problem (file:line, what is wrong, how to fix it) on every page
 * while a figure spec is broken, and serves the story again once it is fixed. Pages are
 * polled; nothing here asserts how fast that happens.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.ts";
import { scratchSite } from "../helpers/scratch-site.ts";

const STORY = `---
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

const fixture = scratchSite("dev", { stories: { "preview.md": STORY } });
const storyFile = join(fixture.root, "src", "stories", "preview.md");
let server: ChildProcess | undefined;
let output = "";
let origin = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** GET as a browser navigates to a page (the server adds its live-reload script to navigations only; fetch() cannot say so). */
function navigate(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "sec-fetch-mode": "navigate" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    }).on("error", reject);
  });
}

/** Poll `url` until `done` accepts the response; fail with the server's output if it never does. */
async function until(url: string, done: (status: number, body: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 180_000;
  let last = "no response yet";
  while (Date.now() < deadline) {
    try {
      const { status, body } = await navigate(origin + url);
      if (done(status, body)) return body;
      last = `${status}: ${body.slice(0, 200)}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} never happened (last answer ${last}). Server output:\n${output.slice(-3000)}`);
}

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // The project's scripts/dev.ts, run in the scratch copy as `npm start` runs it there
  // (ATLAS_SKIP_DATA: the copy has generated/ but not the raw boundary files).
  server = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "dev.ts"), "--port", String(port)], {
    cwd: fixture.root,
    env: { ...process.env, ATLAS_SKIP_DATA: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  await until("/stories/preview/", (status, body) => status === 200 && body.includes("The first version"), "the first build");
}, 240_000);

afterAll(() => {
  // The server and any build it is running: their own process group.
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
  fixture.remove();
});

it("serves the story with live reload, and the edited story soon after it is saved", async () => {
  const first = await until("/stories/preview/", (s) => s === 200, "the story");
  expect(first).toContain("/.11ty/reload-client.js");
  writeFileSync(storyFile, STORY.replace("The first version of the story.", "The second version, saved while the preview runs."));
  const body = await until("/stories/preview/", (s, b) => s === 200 && b.includes("The second version"), "the edited story");
  expect(body).toContain('data-figure="choropleth"');
}, 240_000);

it("shows the figure's problem with file, line and hint on every page while the spec is broken", async () => {
  const broken = readFileSync(storyFile, "utf8").replace("palette: ylgnbu", "palette: rainbow");
  writeFileSync(storyFile, broken);
  const line = broken.split("\n").findIndex((l) => l.startsWith("palette:")) + 1;
  const page = await until("/stories/preview/", (s, b) => s === 500 && b.includes("rainbow"), "the error page");
  expect(page).toContain("The preview could not be built");
  expect(page).toContain(`src/stories/preview.md:${line}:palette`);
  expect(page).toMatch(/How to fix:<\/strong> Allowed: blues, .*ylgnbu/);
  // Every page, not only the broken story, says the build is broken.
  const home = await until("/", (s) => s === 500, "the error page on the home page");
  expect(home).toContain(`src/stories/preview.md:${line}:palette`);
  expect(output).toContain(`src/stories/preview.md:${line}:palette`);
}, 240_000);

it("recovers as soon as the spec is fixed", async () => {
  writeFileSync(storyFile, readFileSync(storyFile, "utf8").replace("palette: rainbow", "palette: greens"));
  const body = await until("/stories/preview/", (s) => s === 200, "the fixed story");
  expect(body).toContain("The second version");
  expect(body).toContain('data-figure="choropleth"');
}, 240_000);
