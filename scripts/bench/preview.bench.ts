/**
 * Preview benchmark: `npm start` on the 1,000-story benchmark site (scripts/bench/bench-site.ts),
 * a story open in Chromium, and edits saved one after another — the story's text, a spec of
 * one of its figures, a row of the CSV file one of its figures maps, the browser code.
 * Each edit is timed from the moment the file is written to the moment the open page shows
 * it: updated in place (the preview's `atlas:preview-updated` event, scripts/preview/client.ts)
 * or reloaded (DOMContentLoaded); the preview is left to finish before the next edit.
 * Medians and 95th percentiles of 20 edits of each kind (5 with --quick).
 * Chromium runs with WebGL off: the map stays the build-time SVG and MapLibre does not take
 * the processors the preview measures.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser } from "../../tests/helpers/browser.ts";
import { startPreview } from "../../tests/helpers/preview-server.ts";
import { benchSite, storyFile } from "./bench-site.ts";
import { type Bench, type BenchRow, median } from "./types.ts";

/** The story the edits go to: it also maps the electricity table (every 100th story does). */
const STORY = 100;
const GOALS = { prose: 300, figure: 1000, data: 2000, code: 1000 } as const;
/** A layout edit (the site's own TypeScript): a new build process builds the whole site; timed twice, no goal. */
const LAYOUT_EDITS = 2;
type Kind = keyof typeof GOALS | "layout";

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Rewrite a file in place; an edit that changes nothing is a mistake in the benchmark (the file's format moved on). */
function change(path: string, edit: (text: string) => string): void {
  const before = readFileSync(path, "utf8");
  const after = edit(before);
  if (after === before) throw new Error(`the benchmark's edit of ${path} changed nothing: has the file's format changed?`);
  writeFileSync(path, after);
}

const bench: Bench = async ({ quick, log }) => {
  const n = quick ? 5 : 20;
  const site = benchSite("bench-preview", 1000);
  const story = join(site.root, "src", "stories", storyFile(STORY));
  const csv = join(site.root, "data", "tables", "electricity-gu.csv");
  const main = join(site.root, "src", "assets", "main.ts");
  const layout = join(site.root, "src", "_includes", "layouts", "story.11ty.ts");
  const preview = await startPreview(site.root);
  const browser = await launchBrowser(["--disable-webgl", "--disable-3d-apis"]);
  const times: Record<Kind, number[]> = { prose: [], figure: [], data: [], code: [], layout: [] };
  const worker: Record<Kind, number[]> = { prose: [], figure: [], data: [], code: [], layout: [] };
  /** From the file write to the server's message to the page (update or reload; the rest is the browser). */
  const server: Record<Kind, number[]> = { prose: [], figure: [], data: [], code: [], layout: [] };
  /** From the file write to the server seeing it (the file watcher, and the wait for the rest of the save). */
  const seen: Record<Kind, number[]> = { prose: [], figure: [], data: [], code: [], layout: [] };
  /** How the page came to show each edit. */
  const how: Record<Kind, string[]> = { prose: [], figure: [], data: [], code: [], layout: [] };
  let builds = 0;
  try {
    log("the preview's first build …");
    const first = await preview.idle(++builds);
    log(`first build ${first.last?.ms} ms`);
    const page: Page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    // Each time the page may show an edit: updated in place, or loaded again.
    const events: { at: number; how: "in place" | "reload" }[] = [];
    let wake: (() => void) | undefined;
    const event = (how: "in place" | "reload") => {
      events.push({ at: performance.now(), how });
      wake?.();
    };
    await page.exposeFunction("__atlasBenchUpdated", () => event("in place"));
    await page.addInitScript(() =>
      document.addEventListener("atlas:preview-updated", () =>
        (window as unknown as { __atlasBenchUpdated(): void }).__atlasBenchUpdated(),
      ),
    );
    page.on("domcontentloaded", () => event("reload"));
    /** The next event after the first `seen`. */
    const nextEvent = async (seen: number) => {
      const deadline = Date.now() + 120_000;
      while (events.length <= seen) {
        if (Date.now() > deadline) throw new Error("the page neither updated nor reloaded within 2 minutes");
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 1000);
        });
      }
      return events[seen]!;
    };
    await page.goto(`${preview.origin}/stories/story-${String(STORY).padStart(5, "0")}/`);
    // Each edit: what to change, and what the page shows once it has it.
    const edits: Record<Kind, (i: number) => { save(): void; shows: string }> = {
      prose: (i) => ({
        save: () =>
          change(story, (t) =>
            t.replace(/Paragraph text for benchmark story 100( \(edit \d+\))?\./, `Paragraph text for benchmark story 100 (edit ${i}).`),
          ),
        shows: `document.body.textContent.includes("story 100 (edit ${i}).")`,
      }),
      figure: (i) => ({
        save: () =>
          change(story, (t) =>
            t.replace(/title: Density map 100\n(subtitle: .*\n)?/, `title: Density map 100\nsubtitle: Version ${i} of the spec\n`),
          ),
        shows: `document.body.textContent.includes("Version ${i} of the spec")`,
      }),
      data: (i) => {
        // Two decimals, the last never 0 (the page would show 10.1 for 10.10).
        const value = `${11 + i}.37`;
        return {
          save: () => change(csv, (t) => t.replace(/^(geumcheon-change-2009-2012,\d+,\d+,change_2009_2012,)[\d.]+,/m, `$1${value},`)),
          shows: `document.body.textContent.includes("${value}")`,
        };
      },
      code: (i) => ({
        save: () =>
          change(
            main,
            (t) =>
              `${t.replace(/\ndocument\.documentElement\.dataset\.benchEdit = .*\n$/, "")}\ndocument.documentElement.dataset.benchEdit = "${i}";\n`,
          ),
        shows: `document.documentElement.dataset.benchEdit === "${i}"`,
      }),
      layout: (i) => ({
        save: () =>
          change(layout, (t) =>
            t.replace(/<article class="story"( data-bench-edit="\d+")?>/, `<article class="story" data-bench-edit="${i}">`),
          ),
        shows: `document.querySelector("article.story")?.dataset.benchEdit === "${i}"`,
      }),
    };
    for (const kind of [...(Object.keys(GOALS) as Kind[]), "layout" as const]) {
      for (let i = 0; i < (kind === "layout" ? LAYOUT_EDITS : n); i++) {
        const { save, shows } = edits[kind](i);
        let seenEvents = events.length;
        const started = performance.now();
        const savedAt = Date.now();
        save();
        // Each update or reload of the tab, until one shows the edit.
        for (;;) {
          const e = await nextEvent(seenEvents++);
          if (await page.evaluate(shows)) {
            times[kind].push(Math.round(e.at - started));
            how[kind].push(e.how);
            break;
          }
        }
        const status = await preview.idle(++builds);
        worker[kind].push(status.last?.ms ?? 0);
        server[kind].push(status.reloadedAt - savedAt);
        seen[kind].push(status.seenAt - savedAt);
        if (status.failing) throw new Error(`the ${kind} edit ${i} failed to build:\n${preview.output().slice(-2000)}`);
        log(
          `${kind} ${i + 1}/${kind === "layout" ? LAYOUT_EDITS : n}: ${times[kind].at(-1)} ms until the page shows it (${how[kind].at(-1)}; seen after ${seen[kind].at(-1)} ms, ${status.last?.how} in ${status.last?.ms} ms in the build process, reload sent after ${server[kind].at(-1)} ms)`,
        );
      }
    }
  } finally {
    await browser.close();
    preview.stop();
    site.remove();
  }
  const labels: Record<Kind, string> = {
    prose: "a story's text",
    figure: "a figure spec",
    data: "a CSV row (the pipeline, then the pages that show it)",
    code: "browser code (esbuild rebuild)",
    layout: "a layout (site TypeScript: a new build process builds the site)",
  };
  const rows: BenchRow[] = (Object.keys(GOALS) as (keyof typeof GOALS)[]).flatMap((kind) => [
    {
      label: `${labels[kind]}: save → the page shows it, median`,
      value: median(times[kind]),
      unit: "ms",
      goal: `≤ ${GOALS[kind].toLocaleString("en")} ms`,
      met: median(times[kind]) <= GOALS[kind],
    },
    { label: `${labels[kind]}: 95th percentile`, value: percentile(times[kind], 95), unit: "ms" },
    { label: `${labels[kind]}: in the build process, median`, value: median(worker[kind]), unit: "ms" },
    { label: `${labels[kind]}: save → the server's message to the page, median`, value: median(server[kind]), unit: "ms" },
    {
      label: `${labels[kind]}: edits shown in place (the rest by a reload)`,
      value: how[kind].filter((h) => h === "in place").length,
      unit: `of ${how[kind].length}`,
    },
  ]);
  rows.push({ label: `${labels.layout}: save → the page shows it, median of ${LAYOUT_EDITS}`, value: median(times.layout), unit: "ms" });
  return {
    name: "preview",
    title: `Preview (npm start): save → the open page shows it, on the 1,000-story site, ${n} edits of each kind`,
    rows,
    notes: [
      "Timed in Chromium from the file write to the moment the open page shows the edit: the preview's page updater has changed the page in place (its atlas:preview-updated event), or the page was loaded again (DOMContentLoaded) when the edit cannot be shown in place (browser code). The preview finishes each build before the next edit. Beside it, the time in the build process and the time from the write to the server's message to the page: what is left is the browser (fetching the page and changing what differs, or loading it again).",
      "The edits: a paragraph of one story; a subtitle added to and changed in its map's spec; the value of one row of data/tables/electricity-gu.csv, which a map on 10 stories and the style guide reads; a line appended to src/assets/main.ts; an attribute in the story layout (src/_includes/layouts/story.11ty.ts), which makes the preview start a new build process: Node cannot unload the modules the old one imported.",
    ],
    data: { times, worker, server, seen, how },
  };
};

export default bench;
