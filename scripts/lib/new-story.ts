/**
 * The story scaffold behind `npm run new:story`: a Markdown file with complete front
 * matter and one example figure that builds, named after the title. Never overwrites.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parse as parseYaml, stringify } from "yaml";
import { suggest } from "../../src/figures/spec.ts";
import { seoulToday } from "../../src/lib/calendar-date.ts";
import { parseCsv } from "./csv.ts";
import { DISTRICTS_FILE, slugOf } from "./districts.ts";
import { ProblemList } from "./problems.ts";
import { STORY_PLACEHOLDERS, STORY_PLACEHOLDERS_KO } from "./story-placeholders.ts";

export interface NewStoryOptions {
  root: string;
  title: string;
  /** District slug, e.g. gwanak-gu. */
  district: string;
  /** File name without .md; made from the title when absent. */
  slug?: string;
  /** Publication date, YYYY-MM-DD (default: today in Seoul, the day the site publishes by). */
  date?: string;
}

/** "Gwanak's startup plan, 2023" → "gwanaks-startup-plan-2023". */
export function storySlug(title: string): string {
  return title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

function districtNames(root: string): Map<string, string> {
  const problems = new ProblemList();
  const table = parseCsv(readFileSync(join(root, DISTRICTS_FILE), "utf8"), DISTRICTS_FILE, problems);
  return new Map(table.rows.map((r) => [slugOf(r.values.name_en ?? ""), r.values.name_en ?? ""]));
}

export function storyText(o: { title: string; district: string; districtName: string; date: string }): string {
  const front = stringify(
    {
      title: o.title,
      dek: STORY_PLACEHOLDERS.dek,
      kicker: o.districtName,
      byline: STORY_PLACEHOLDERS.byline,
      date: o.date,
      districts: [o.district],
    },
    { lineWidth: 0 },
  );
  return `---
${front}---

${STORY_PLACEHOLDERS.body} Separate paragraphs with a blank line.
Every number you mention must come from a dataset in data/ (see docs/data.md).

The map below is an example that builds as it is: change its \`value\`, \`title\` and
\`notes\`, or replace the block. docs/figures.md shows every kind of
figure with an example to copy; so does the style guide at /styleguide/ on the preview.

\`\`\`figure
kind: choropleth
dataset: districts
value: density_2010
title: Population density by district, 2010
subtitle: People per square kilometre, 2010 census
notes: Density is the census population divided by the area of the simplified 2013 census boundary.
\`\`\`
`;
}

export async function newStory(options: NewStoryOptions): Promise<{ file: string }> {
  const problems = new ProblemList();
  const names = districtNames(options.root);
  const slug = options.slug ?? storySlug(options.title);
  const date = options.date ?? seoulToday();
  if (!options.title.trim())
    problems.add({
      code: "missing-title",
      file: "(command line)",
      field: "--title",
      message: "no title given",
      hint: 'Run: npm run new:story -- --title "Your headline" --district gwanak-gu',
    });
  if (!names.has(options.district)) {
    problems.add({
      code: "unknown-district",
      file: "(command line)",
      field: "--district",
      message: `"${options.district}" is not a district`,
      hint: `${names.has(`${options.district}-gu`) ? `Did you mean "${options.district}-gu"? ` : ""}Use one of: ${[...names.keys()].sort().join(", ")}.`,
    });
  }
  if (!slug) {
    problems.add({
      code: "missing-slug",
      file: "(command line)",
      field: "--slug",
      message: "the title has no letters or digits to make a file name from",
      hint: "Add --slug my-story-name (lowercase letters, digits and hyphens).",
    });
  } else if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
    problems.add({
      code: "invalid-slug",
      file: "(command line)",
      field: "--slug",
      message: `"${slug}" is not a valid file name`,
      hint: "Use lowercase letters, digits and single hyphens.",
    });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
    problems.add({
      code: "invalid-date",
      file: "(command line)",
      field: "--date",
      message: `"${date}" is not a date`,
      hint: "Write it as YYYY-MM-DD.",
    });
  const rel = `src/stories/${slug}.md`;
  if (slug && existsSync(join(options.root, rel))) {
    problems.add({
      code: "story-exists",
      file: rel,
      message: "a story with this file name already exists; nothing was written",
      hint: "Choose another title or pass --slug other-name, or edit the existing file.",
    });
  }
  problems.throwIfAny("The story was not created");
  const file = join(options.root, rel);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, storyText({ title: options.title, district: options.district, districtName: names.get(options.district)!, date }), {
    flag: "wx",
  });
  return { file: rel };
}

/** A figure of an English story, as a translation reuses it: its id, and its steps if it is a scrolly. */
export interface StoryFigure {
  id: string;
  scrolly: boolean;
  steps: number;
}

/**
 * The figures of an English story in file order: the id its spec sets, or
 * `<slug>-<n>` (n counts the page's figures from 1), as the figure renderer names them.
 */
export function storyFigures(text: string, slug: string): StoryFigure[] {
  const out: StoryFigure[] = [];
  for (const m of text.matchAll(/^```(figure|scrolly)[ \t]*\r?\n([\s\S]*?)^```[ \t]*$/gm)) {
    let spec: Record<string, unknown> = {};
    try {
      spec = (parseYaml(m[2]!) as Record<string, unknown>) ?? {};
    } catch {
      // A spec that does not parse still takes its place in the count; the build reports it.
    }
    const id = typeof spec.id === "string" ? spec.id : `${slug}-${out.length + 1}`;
    out.push({ id, scrolly: m[1] === "scrolly", steps: Array.isArray(spec.steps) ? spec.steps.length : 0 });
  }
  return out;
}

/** A Korean story's first draft: the English story's front matter keys, Korean placeholders, and a `use:` fence for each English figure. */
export function koreanStoryText(o: { slug: string; districts: unknown; kicker: string; date: string; figures: StoryFigure[] }): string {
  const front = stringify(
    {
      title: STORY_PLACEHOLDERS_KO.title,
      dek: STORY_PLACEHOLDERS_KO.dek,
      kicker: o.kicker,
      byline: STORY_PLACEHOLDERS_KO.byline,
      date: o.date,
      districts: o.districts,
      translation_key: o.slug,
    },
    { lineWidth: 0, flowCollectionPadding: false },
  );
  const fences = o.figures.map((f) =>
    f.scrolly
      ? `\`\`\`scrolly\nuse: ${f.id}\nsteps:\n${Array.from({ length: f.steps }, () => `  - text: |\n      ${STORY_PLACEHOLDERS_KO.body}\n`).join("")}\`\`\``
      : `\`\`\`figure\nuse: ${f.id}\n\`\`\``,
  );
  return `---
${front}---

${STORY_PLACEHOLDERS_KO.body} 문단 사이는 한 줄 띄웁니다. 모든 숫자는 data/의 데이터에 있어야 합니다(docs/data.md).
아래 그래픽은 영문 기사(src/stories/${o.slug}.md)의 것을 한국어로 그립니다. 그래픽의 한국어 제목과 설명은 영문 기사의 spec에 title_ko 등으로 씁니다(docs/writing-a-story.md).

${fences.join("\n\n")}
`;
}

export interface NewTranslationOptions {
  root: string;
  /** The English story's file name without .md. */
  translationOf: string;
  date?: string;
}

/** `npm run new:story -- --lang ko --translation-of <slug>`: src/ko/stories/<slug>.md, never overwritten. */
export async function newTranslation(options: NewTranslationOptions): Promise<{ file: string }> {
  const problems = new ProblemList();
  const slug = options.translationOf;
  const date = options.date ?? seoulToday();
  const english = `src/stories/${slug}.md`;
  const rel = `src/ko/stories/${slug}.md`;
  if (!slug || !existsSync(join(options.root, english)))
    problems.add({
      code: "unknown-story",
      file: "(command line)",
      field: "--translation-of",
      message: slug ? `there is no English story ${english}` : "no English story named",
      hint: `Name the English story by its file name: npm run new:story -- --lang ko --translation-of gwanak-s-valley.${slug ? nearestStory(slug, englishStories(options.root)) : ""}`,
    });
  else if (existsSync(join(options.root, rel)))
    problems.add({
      code: "story-exists",
      file: rel,
      message: "this story already has a Korean version; nothing was written",
      hint: "Edit the existing file.",
    });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
    problems.add({
      code: "invalid-date",
      file: "(command line)",
      field: "--date",
      message: `"${date}" is not a date`,
      hint: "Write it as YYYY-MM-DD.",
    });
  problems.throwIfAny("The Korean story was not created");
  const text = readFileSync(join(options.root, english), "utf8");
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const data = (fm ? parseYaml(fm[1]!) : {}) as Record<string, unknown>;
  const districts = data.districts ?? "all";
  const names = districtKoNames(options.root);
  const kicker = Array.isArray(districts) ? districts.map((d) => names.get(String(d)) ?? String(d)).join(" · ") : "서울 25개 자치구";
  const file = join(options.root, rel);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, koreanStoryText({ slug, districts, kicker, date, figures: storyFigures(text, slug) }), { flag: "wx" });
  return { file: rel };
}

function districtKoNames(root: string): Map<string, string> {
  const problems = new ProblemList();
  const table = parseCsv(readFileSync(join(root, DISTRICTS_FILE), "utf8"), DISTRICTS_FILE, problems);
  return new Map(table.rows.map((r) => [slugOf(r.values.name_en ?? ""), r.values.name_ko ?? ""]));
}

/** The English stories' file names, without .md. */
function englishStories(root: string): string[] {
  const dir = join(root, "src", "stories");
  return existsSync(dir) ? readdirSync(dir).flatMap((f) => (f.endsWith(".md") ? [f.slice(0, -3)] : [])) : [];
}

/** " Did you mean …?" for a story named nearly right: a letter or two off, or every word of the name in another ("dobong-energy" → "dobongs-energy-use"). */
function nearestStory(slug: string, stories: string[]): string {
  const near = suggest(slug, stories);
  if (near) return near;
  const words = slug.split("-").filter((w) => w.length > 2);
  const found = stories.find((s) => words.length > 0 && words.every((w) => s.split("-").some((x) => x.startsWith(w))));
  return found ? ` Did you mean "${found}"?` : "";
}
