/**
 * The build report, on a scratch site whose stories we choose: each dataset lists exactly
 * the stories whose figures draw from it (in the terminal, on /build-report.html and as
 * `used_by` in the published /data/manifest.json), and the warnings name the stories that
 * need attention. The report page stays out of the navigation, the sitemap and the search.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import * as cheerio from "cheerio";
import { afterAll, describe, expect, it } from "vitest";
import { storyText } from "../../scripts/lib/new-story.ts";
import type { Manifest } from "../../src/lib/manifest.ts";
import { GENERATED, SITE } from "../helpers/paths.ts";
import { scratchSite } from "../helpers/scratch-site.ts";
import { sitePages } from "../helpers/site-pages.ts";

const story = (title: string, body: string) => `---
title: ${title}
dek: A test story.
byline: Test desk
date: 2026-11-20
districts: all
---

${body}
`;

/** A line chart of ghg-seoul with ghg-targets as its target: it uses both datasets. */
const EMISSIONS = story(
  "Emissions",
  `Text.

\`\`\`figure
kind: line
dataset: ghg-seoul
x: year
y: value_kt
series: status
where: { series: original, scope: all sectors, approx: false }
exclude: { id: 2020-first-estimate }
target:
  dataset: ghg-targets
  x: target_year
  y: value_kt
  where: { series: original }
  label_ko: 목표
title: Emissions against the targets
title_ko: 배출량과 목표
\`\`\`
`,
);

/** A locator map: s-valley-sites on the districts (8 of its rows have no coordinates). */
const SITES = story(
  "Sites",
  `Text.

\`\`\`figure
kind: points
dataset: s-valley-sites
highlight: gwanak-gu
frame: highlight
title: The startup sites
\`\`\`
`,
);

const fixture = scratchSite("report", {
  stories: {
    "emissions.md": EMISSIONS,
    "sites.md": SITES,
    "words-only.md": story("Words only", "A story without a figure."),
    "draft.md": storyText({ title: "A draft", district: "gwanak-gu", districtName: "Gwanak-gu", date: "2026-11-21" }),
  },
});
const { output } = await fixture.build();
afterAll(() => fixture.remove());

const published = JSON.parse(readFileSync(join(fixture.site, "data", "manifest.json"), "utf8")) as Manifest;
const report = cheerio.load(readFileSync(join(fixture.site, "build-report.html"), "utf8"));

describe("the build report", () => {
  it("publishes the manifest with the stories that use each dataset, and leaves generated/ as the pipeline wrote it", () => {
    const usedBy = Object.fromEntries(Object.entries(published.datasets).map(([name, d]) => [name, d.used_by]));
    expect(usedBy["ghg-seoul"]).toEqual(["/stories/emissions/"]);
    expect(usedBy["ghg-targets"]).toEqual(["/stories/emissions/"]);
    expect(usedBy["s-valley-sites"]).toEqual(["/stories/sites/"]);
    // The districts are drawn under the points, and the draft's example map shows them.
    expect(usedBy.districts).toEqual(["/stories/draft/", "/stories/sites/"]);
    // Used only by the style guide, which is not a story.
    expect(usedBy["ghg-gu"]).toEqual([]);
    expect(readFileSync(join(fixture.root, "generated", "manifest.json"), "utf8")).toBe(
      readFileSync(join(GENERATED, "manifest.json"), "utf8"),
    );
    expect(readFileSync(join(fixture.root, "generated", "manifest.json"), "utf8")).not.toContain("used_by");
  });

  it("lists each dataset's stories and figures on the page", () => {
    const row = (name: string) => report(`#dataset-${name}`);
    const links = (name: string) =>
      row(name)
        .find("td a")
        .map((_, a) => report(a).attr("href"))
        .get();
    expect(links("ghg-targets")).toContain("/stories/emissions/#emissions-1");
    expect(links("ghg-targets").filter((h) => h.startsWith("/stories/"))).toEqual([
      "/stories/emissions/",
      "/stories/emissions/#emissions-1",
    ]);
    expect(links("s-valley-sites").filter((h) => h.startsWith("/stories/"))).toEqual(["/stories/sites/", "/stories/sites/#sites-1"]);
    expect(row("s-valley-sites").find("th").text()).toContain("13 rows read, 13 kept, 0 rejected; 5 points placed");
    expect(row("policy-facts").find("td").text()).toBe("no figure");
  });

  it("prints the same in the terminal", () => {
    expect(output).toContain("Build report (the details: _site/build-report.html)");
    // Pages of both editions, counted by kind: a Korean version is not lumped in with "other".
    expect(output).toMatch(
      /\d+ pages: 4 stories and \d+ Korean versions?, 50 district pages and \d+ figure embeds \(both editions\), \d+ other/,
    );
    expect(report.text()).toMatch(/pages: 4 stories and \d+ Korean versions?, 50 district pages and \d+ figure embeds \(both editions\)/);
    expect(output).toMatch(
      /ghg-targets +6 read, 6 kept, 0 rejected → \/stories\/emissions\/ \(1 figure\), 1 figure on \/styleguide\/charts\//,
    );
    expect(output).toMatch(
      /s-valley-sites +13 read, 13 kept, 0 rejected; 5\/5 points in a gu; 8 without coordinates → \/stories\/sites\/ \(1 figure\)/,
    );
    expect(output).toMatch(
      /page weight, gzip, before any interaction: first view \(HTML, JavaScript, CSS\) at most [\d.]+ KB of 27\.0 KB \(\/[^)]*\), JavaScript at most [\d.]+ KB of 15\.0 KB/,
    );
  });

  it("warns about placeholder text, stories without figures, rows missing from maps and unused datasets", () => {
    const warnings = report(".report-warnings li")
      .map((_, li) => report(li).text().replace(/\s+/g, " "))
      .get();
    const about = (start: string) => warnings.filter((w) => w.startsWith(start));
    expect(about("src/stories/draft.md:3:dek")).toHaveLength(1);
    expect(about("src/stories/draft.md:5:byline")).toHaveLength(1);
    expect(about("src/stories/draft.md:11 — the story still has the example paragraph")).toHaveLength(1);
    expect(about("src/stories/words-only.md — the story has no figure")).toHaveLength(1);
    expect(
      about("src/stories/sites.md:11 — the map “The startup sites” shows s-valley-sites, where 8 of 13 rows have no coordinates"),
    ).toHaveLength(1);
    expect(warnings.find((w) => w.includes("used by no story"))).toContain("ghg-gu");
    // A figure without its Korean title: its Korean drawing (/ko/embed/) shows the English one.
    expect(about("src/stories/sites.md:16:title_ko — the figure's title has no Korean text")).toHaveLength(1);
    // Stories that are fine get no warning (but the list of stories the Korean edition lacks).
    expect(warnings.filter((w) => w.includes("emissions.md") && !w.includes("has no Korean version"))).toEqual([]);
    expect(output).toContain("src/stories/draft.md:3:dek — the dek is still the example text of new:story");
  });

  it("is not linked from any page, not in the sitemap, and not in the search index", () => {
    const linking = sitePages(fixture.site).filter((url) => {
      const file = url.endsWith("/") ? join(fixture.site, url, "index.html") : join(fixture.site, url);
      return url !== "/build-report.html" && readFileSync(file, "utf8").includes("build-report");
    });
    expect(linking).toEqual([]);
    expect(readFileSync(join(fixture.site, "sitemap.xml"), "utf8")).not.toContain("build-report");
    expect(report("[data-pagefind-body]")).toHaveLength(0);
    expect(report('meta[name="robots"]').attr("content")).toBe("noindex");
    // Pagefind indexed the stories but not the report: the URL of every indexed page.
    const indexed = readdirSync(join(fixture.site, "pagefind", "fragment")).map(
      (f) => /"url":"([^"]+)"/.exec(gunzipSync(readFileSync(join(fixture.site, "pagefind", "fragment", f))).toString())?.[1],
    );
    expect(indexed).toContain("/stories/emissions/");
    expect(indexed).not.toContain("/build-report.html");
  });
});

it("the real build publishes used_by for every dataset of the pipeline's manifest", () => {
  const real = JSON.parse(readFileSync(join(SITE, "data", "manifest.json"), "utf8")) as Manifest;
  const pipeline = JSON.parse(readFileSync(join(GENERATED, "manifest.json"), "utf8")) as Manifest;
  expect(Object.keys(real.datasets)).toEqual(Object.keys(pipeline.datasets));
  for (const d of Object.values(real.datasets)) expect(Array.isArray(d.used_by), d.name).toBe(true);
});
