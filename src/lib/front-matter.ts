/** The front matter at the top of a Markdown page: the lines between the two `---`. */

/** Lines taken by front matter (both --- lines included), or 0. */
export function frontMatterLines(source: string): number {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return 0;
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === "---");
  return end < 0 ? 0 : end + 1;
}

export interface FrontMatter {
  /** Lines taken, both --- lines included (0: the page has none). */
  lines: number;
  /** The YAML between the --- lines. */
  yaml: string;
  /** Line (1-based) of a top-level key, for messages that point at it. */
  lineOf(key: string): number | undefined;
}

export function frontMatterOf(source: string): FrontMatter {
  const lines = frontMatterLines(source);
  const head = lines ? source.split(/\r?\n/, lines) : [];
  return {
    lines,
    yaml: head.slice(1, -1).join("\n"),
    lineOf: (key) => {
      const i = head.findIndex((l) => l.startsWith(`${key}:`));
      return i < 0 ? undefined : i + 1;
    },
  };
}
