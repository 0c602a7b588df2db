/**
 * The benchmark site: generated stories, each with placeholder prose around a map and a chart
 * of the real districts dataset; every 100th story also maps the electricity table (so that
 * a CSV edit in the preview benchmark touches a few pages, as an edit usually does). Written
 * into a scratch copy of the project (tests/.tmp/, git-ignored, removed afterwards); nothing
 * here reaches _site/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SCRATCH_DIR, type ScratchSite, scratchSite } from "../../tests/helpers/scratch-site.ts";

/** The map of the electricity table on every 100th story. */
export const ELECTRICITY_FIGURE = `\`\`\`figure
kind: choropleth
dataset: electricity-gu
where: { metric: change_2009_2012 }
value: value
boundaries: districts
join: gu_code
palette: puor
midpoint: 0
classes: 4
method: equal
title: Change in electricity use
title_ko: 전력 사용량 변화
\`\`\``;

/** Story n: a few paragraphs of placeholder prose around a map and a chart of the real dataset. */
export function benchStory(n: number): string {
  const para = `Paragraph text for benchmark story ${n}. It stands in for a reporter's prose: a few sentences with **bold**, _italic_ and a [link](/) so Markdown has something to do.`;
  return `---
title: Benchmark story ${n}
dek: A generated story for the build benchmark.
date: 2026-01-${String((n % 28) + 1).padStart(2, "0")}
---

${para}

${para}

\`\`\`figure
kind: choropleth
dataset: districts
value: density_2010
title: Density map ${n}
title_ko: 인구밀도 지도 ${n}
method: quantile
classes: 5
palette: ylgnbu
\`\`\`

${para}

\`\`\`figure
kind: bar
dataset: districts
value: population_2010
title: Population chart ${n}
title_ko: 인구 그래프 ${n}
\`\`\`

${para}
${n % 100 === 0 ? `\n${ELECTRICITY_FIGURE}\n` : ""}`;
}

/** The same Markdown without its figure blocks. */
export function stripFigures(markdown: string): string {
  return markdown.replace(/^```figure\n[\s\S]*?^```\n/gm, "");
}

export const storyFile = (n: number) => `story-${String(n).padStart(5, "0")}.md`;

export function benchStories(count: number): Record<string, string> {
  const stories: Record<string, string> = {};
  for (let n = 1; n <= count; n++) stories[storyFile(n)] = benchStory(n);
  return stories;
}

/** A scratch copy of the project with `count` benchmark stories (and the boundary files, for the data pipeline). */
export function benchSite(name: string, count: number): ScratchSite {
  return scratchSite(name, { stories: benchStories(count), boundaries: true });
}

/** The same stories, figures stripped, as a bare Eleventy input (no config, no layout). */
export function bareSite(name: string, count: number): { dir: string } {
  const dir = join(SCRATCH_DIR, `${name}-${process.pid}`);
  mkdirSync(join(dir, "stories"), { recursive: true });
  for (const [file, text] of Object.entries(benchStories(count))) writeFileSync(join(dir, "stories", file), stripFigures(text));
  return { dir };
}
