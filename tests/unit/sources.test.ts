/**
 * A broken entry of data/sources.yaml is reported once, where it is, and what cites it is
 * not reported again: no cascade of "source id … is not in data/sources.yaml" for the rows
 * that cite a source whose entry has a mistake.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { runPipeline } from "../../scripts/lib/pipeline.ts";
import { isProblemError, type ProblemError } from "../../scripts/lib/problems.ts";
import { type FixtureProject, fixtureProject } from "../helpers/fixture-project.ts";

let project: FixtureProject | undefined;
afterEach(() => project?.remove());

async function problemsAfter(edit: (yaml: string) => string): Promise<ProblemError["problems"]> {
  project = fixtureProject();
  const path = join(project.root, "data", "sources.yaml");
  writeFileSync(path, edit(readFileSync(path, "utf8")));
  const error = await runPipeline({ root: project.root, outDir: "out" }).catch((e: unknown) => e);
  if (!isProblemError(error)) throw new Error(`expected problems, got ${String(error)}`);
  return error.problems;
}

const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

it("an invalid URL of a source that 25 rows cite is one problem, at its line, saying what a URL is", async () => {
  const yaml = readFileSync(join(process.cwd(), "data", "sources.yaml"), "utf8");
  const problems = await problemsAfter((y) =>
    y.replace(
      "url: https://github.com/southkorea/southkorea-population/blob/",
      "url: htps//github.com/southkorea/southkorea-population/blob/",
    ),
  );
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({
    code: "invalid-source",
    file: "data/sources.yaml",
    field: "url",
    line: lineOf(yaml, "url: https://github.com/southkorea/southkorea-population/blob/"),
  });
  expect(problems[0]!.message).toMatch(/^"htps\/\/github\.com\/.*" is not a web address$/);
  expect(problems[0]!.hint).toContain("https://");
});

it("a variant: a source without its publisher is reported once, and its rows are not reported as citing an unknown id", async () => {
  const problems = await problemsAfter((y) => y.replace("  publisher: Statistics Korea (KOSIS), compiled by Team POPONG\n", ""));
  expect(problems.map((p) => p.code)).toEqual(["invalid-source"]);
  expect(problems[0]).toMatchObject({ field: "publisher" });
});

it("control characters in a source's text, in the file or as a YAML escape, are refused at their line", async () => {
  const bell = await problemsAfter((y) =>
    y.replace("  publisher: Statistics Korea (KOSIS), compiled by Team POPONG", "  publisher: Statistics Korea \u0007(KOSIS)"),
  );
  expect(bell).toEqual([expect.objectContaining({ code: "control-character", file: "data/sources.yaml", line: 7 })]);
  const escaped = await problemsAfter((y) =>
    y.replace("  publisher: Statistics Korea (KOSIS), compiled by Team POPONG", '  publisher: "Statistics Korea \\u001b[2J"'),
  );
  expect(escaped).toEqual([expect.objectContaining({ code: "control-character", field: "publisher" })]);
});
