/**
 * Scheduled stories: a story whose front-matter date is after today (Seoul's date) is left
 * out of the build — no page, no place in the lists, the feed, the search index or the
 * district pages, no embed page for its figures — and listed in the build report. The
 * first build on or after its date publishes it. Dates that are not real days, or more
 * than a year ahead, are the front-matter check's to refuse (src/site/story-front-matter.ts).
 */
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { calendarDateProblem, seoulToday } from "../lib/calendar-date.ts";
import { frontMatterOf } from "../lib/front-matter.ts";

export interface ScheduledStory {
  /** Relative to the project root. */
  file: string;
  /** Line of `date:` in the file. */
  line?: number;
  date: string;
  title?: string;
}

/** True for a story's source: a Markdown file directly in the stories folder. */
export const isStoryPath = (path: string) => /(^|[\\/])stories[\\/][^\\/]+\.md$/.test(path);

export class StorySchedule {
  private found = new Map<string, ScheduledStory | null>();
  private today = seoulToday();

  constructor(private readonly root: string) {}

  /** Forget what was read: a new build, maybe on a new day. */
  reset(today = seoulToday()): void {
    this.found.clear();
    this.today = today;
  }

  /** The story at `path` if it is scheduled (dated after today), else undefined. */
  scheduled(path: string): ScheduledStory | undefined {
    const abs = resolve(this.root, path);
    if (!isStoryPath(abs)) return undefined;
    let entry = this.found.get(abs);
    if (entry === undefined) {
      entry = null;
      try {
        const fm = frontMatterOf(readFileSync(abs, "utf8"));
        const data = fm.lines ? (parseYaml(fm.yaml) as Record<string, unknown> | null) : null;
        const date = data?.date;
        if (typeof date === "string" && !calendarDateProblem(date, this.today) && date > this.today)
          entry = {
            file: relative(this.root, abs).split("\\").join("/"),
            line: fm.lineOf("date"),
            date,
            title: typeof data?.title === "string" ? data.title : undefined,
          };
      } catch {
        // A front matter that cannot be read is reported by the front-matter check.
      }
      this.found.set(abs, entry);
    }
    return entry ?? undefined;
  }

  /** The scheduled stories seen so far, by file. */
  list(): ScheduledStory[] {
    return [...this.found.values()].filter((s): s is ScheduledStory => s !== null).sort((a, b) => a.file.localeCompare(b.file));
  }
}
