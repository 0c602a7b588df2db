/**
 * Every kind of mistake in a figure spec stops the build with the story's file and line,
 * the key, what is wrong and what is allowed (datasets, fields, values that exist).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem, ProblemError } from "../../scripts/lib/problems.ts";
import { figurePlugin } from "../../src/figures/markdown.ts";
import { SiteFigures } from "../../src/figures/site-figures.ts";
import { suggest } from "../../src/figures/spec.ts";
import { fixtureStore } from "../helpers/figure-fixtures.ts";
import { problemsOf, STORY, specLine } from "../helpers/figure-render.ts";

const fx = fixtureStore();
afterAll(() => fx.remove());
const one = (body: string) => {
  const problems = problemsOf(fx.store, body);
  expect(problems, JSON.stringify(problems, null, 2)).toHaveLength(1);
  expect(problems[0]!.file).toBe(STORY);
  return problems[0]!;
};

describe("spec mistakes name the file, the line, the key and what is allowed", () => {
  it("YAML that does not parse", () => {
    const p = one("kind: bar\ndataset: areas\nvalue: [oops\ntitle: T");
    expect(p.code).toBe("spec-yaml");
    expect(p.line).toBeGreaterThanOrEqual(specLine(3));
    expect(p.hint).toMatch(/key: value/);
  });

  it("a quote left open: the line where it opens, though the parser reads on to the block's end", () => {
    const p = one('kind: bar\ntitle: "Population by district\ndataset: areas\nvalue: value\nnotes: x');
    expect(p).toMatchObject({ code: "spec-yaml", line: specLine(2) });
    expect(p.message).toBe(
      `the figure spec is not valid YAML: the value in double quotes that opens on this line is not closed (the parser read on to line ${specLine(5)})`,
    );
    expect(p.hint).toMatch(/^Close the quote where the value ends/);
  });

  it("a key written twice", () => {
    const p = one("kind: bar\ndataset: areas\nvalue: value\nvalue: change\ntitle: T");
    expect(p.code).toBe("spec-yaml");
    expect(p.line).toBe(specLine(4));
    expect(p.hint).toMatch(/never repeat a key/);
  });

  it("a block that is not key: value lines", () => {
    expect(one("just some text").code).toBe("spec-shape");
  });

  it("no kind, or an unknown kind: lists the kinds", () => {
    const missing = one("dataset: areas\ntitle: T");
    expect(missing).toMatchObject({ code: "spec-missing-key", field: "kind" });
    expect(missing.hint).toBe("Kinds: choropleth, points, bar, line, timeline, progress.");
    const unknown = one("kind: pie\ndataset: areas\ntitle: T");
    expect(unknown).toMatchObject({ code: "spec-unknown-kind", field: "kind", line: specLine(1) });
    expect(unknown.hint).toBe("Kinds: choropleth, points, bar, line, timeline, progress.");
    expect(one("kind: pionts\ndataset: areas\ntitle: T").hint).toBe(
      'Kinds: choropleth, points, bar, line, timeline, progress. Did you mean "points"?',
    );
  });

  it("a required key left out", () => {
    const p = one("kind: bar\ndataset: areas\nvalue: value");
    expect(p).toMatchObject({ code: "spec-missing-key", field: "title", message: '"title" is required' });
  });

  it("an unknown key: lists the keys of the kind and suggests the near miss", () => {
    const p = one("kind: choropleth\ndataset: areas\nvalue: value\npallete: blues\ntitle: T");
    expect(p).toMatchObject({ code: "spec-unknown-key", field: "pallete", line: specLine(4) });
    expect(p.hint).toContain("Allowed keys: kind, id, dataset, title");
    expect(p.hint).toContain('Did you mean "palette"?');
  });

  it("a value outside a list: lists the allowed values", () => {
    const p = one("kind: choropleth\ndataset: areas\nvalue: value\nmethod: natural\ntitle: T");
    expect(p).toMatchObject({ code: "spec-invalid-value", field: "method", line: specLine(4) });
    expect(p.hint).toBe("Allowed: quantile, equal, jenks.");
    const palette = one("kind: choropleth\ndataset: areas\nvalue: value\npalette: rainbow\ntitle: T");
    expect(palette.hint).toBe("Allowed: blues, greens, purples, oranges, ylgnbu, rdbu, puor, brbg.");
  });

  it("a value of the wrong type or out of range", () => {
    const word = one("kind: choropleth\ndataset: areas\nvalue: value\nclasses: five\ntitle: T");
    expect(word).toMatchObject({ field: "classes", line: specLine(4) });
    expect(word.hint).toBe("Write a number.");
    const many = one("kind: choropleth\ndataset: areas\nvalue: value\nclasses: 12\ntitle: T");
    expect(many.hint).toBe("Allowed: 9 or less.");
    const list = one("kind: bar\ndataset: areas\nvalue: value\nhighlight: A1\ntitle: T");
    expect(list.hint).toBe("Write a list, e.g. [a, b].");
  });

  it("an id that is not a slug", () => {
    const p = one("kind: bar\nid: My Chart\ndataset: areas\nvalue: value\ntitle: T");
    expect(p).toMatchObject({ field: "id", line: specLine(2) });
    expect(p.message).toContain("lowercase letters, digits and single hyphens");
  });

  it("an unknown dataset: lists the datasets", () => {
    const p = one("kind: bar\ndataset: area\nvalue: value\ntitle: T");
    expect(p).toMatchObject({ code: "spec-unknown-dataset", field: "dataset", line: specLine(2), message: 'no dataset "area"' });
    expect(p.hint).toContain("Datasets: area-stats, areas, crowd, hostile");
    expect(p.hint).toContain('Did you mean "areas"?');
  });

  it("an unknown dataset far from every name: the names that share its first part", () => {
    // "area-count" is no edit or two from any name, but only one name starts "area-".
    const p = one("kind: bar\ndataset: area-count\nvalue: value\ntitle: T");
    expect(p.hint).toContain('Did you mean "area-stats"?');
    // Several: listed, not guessed (the site's greenhouse-gas tables).
    const names = ["districts", "ghg-gu", "ghg-sectors", "ghg-seoul", "ghg-targets", "policy-facts"];
    expect(suggest("ghg-district", names)).toBe(' Those starting "ghg-": ghg-gu, ghg-sectors, ghg-seoul, ghg-targets.');
    expect(suggest("ghg-district-2020", names)).toBe(' Those starting "ghg-": ghg-gu, ghg-sectors, ghg-seoul, ghg-targets.');
    expect(suggest("electricity", names)).toBe("");
  });

  it("a dataset of the wrong kind: lists the datasets that fit", () => {
    const p = one("kind: points\ndataset: areas\ntitle: T");
    expect(p).toMatchObject({
      code: "spec-wrong-dataset-kind",
      field: "dataset",
      message: '"areas" holds polygons, but this figure needs points',
    });
    expect(p.hint).toBe("Datasets with points: crowd, hostile-points, sites.");
  });

  it("an unknown field, or a field of the wrong type: lists the fields that fit", () => {
    const unknown = one("kind: bar\ndataset: areas\nvalue: residents\ntitle: T");
    expect(unknown).toMatchObject({
      code: "spec-unknown-field",
      field: "value",
      line: specLine(3),
      message: '"residents" is not a field of areas',
    });
    expect(unknown.hint).toBe("Numeric fields of areas: value, change, area_km2.");
    const text = one("kind: bar\ndataset: areas\nvalue: name_en\ntitle: T");
    expect(text).toMatchObject({ code: "spec-wrong-field-type", message: '"name_en" in areas is string, not numeric' });
    const date = one("kind: line\ndataset: series\nx: status\ny: total\ntitle: T");
    expect(date.hint).toBe("Date or year fields of series: year.");
  });

  it("a key to highlight that no row has: lists the keys", () => {
    const p = one("kind: bar\ndataset: areas\nvalue: value\nhighlight: [A1, Z9]\ntitle: T");
    expect(p).toMatchObject({
      code: "spec-unknown-value",
      field: "highlight.1",
      line: specLine(4),
      message: '"Z9" is not a key of areas in the rows shown',
    });
    expect(p.hint).toContain("Allowed: A1, area-1, A2, area-2");
  });

  it("a filter on a field that does not exist, or on a value no row has", () => {
    const field = one("kind: bar\ndataset: areas\nvalue: value\nwhere: {colour: red}\ntitle: T");
    expect(field).toMatchObject({ code: "spec-unknown-field", field: "where.colour", line: specLine(4) });
    const value = one("kind: bar\ndataset: areas\nvalue: value\nwhere:\n  group: west\ntitle: T");
    expect(value).toMatchObject({
      code: "spec-unknown-value",
      field: "where.group",
      line: specLine(5),
      message: '"west" is not a value of "group" in areas',
    });
    expect(value.hint).toBe("Allowed: north, south.");
  });

  it("a mistake in a nested key is reported at its own line", () => {
    const p = one(
      "kind: line\ndataset: series\nx: year\ny: total\nseries: status\ntarget:\n  dataset: targets\n  x: year\n  y: amount\ntitle: T",
    );
    expect(p).toMatchObject({ code: "spec-unknown-field", field: "target.y", line: specLine(9) });
    expect(p.hint).toBe("Numeric fields of targets: value, pct.");
    const key = one(
      "kind: line\ndataset: series\nx: year\ny: total\nseries: status\ntarget:\n  x: year\n  y: total\n  colour: red\ntitle: T",
    );
    expect(key).toMatchObject({ code: "spec-unknown-key", field: "target.colour", line: specLine(9) });
    expect(key.hint).toContain('Allowed keys in "target": dataset, x, y, where, exclude, label.');
  });

  it("an annotation at an x that is not a date", () => {
    const p = one("kind: line\ndataset: series\nx: year\ny: total\nseries: status\nannotations:\n  - x: soon\n    text: Later\ntitle: T");
    expect(p).toMatchObject({ field: "annotations.0.x", line: specLine(7), message: '"soon" is not a year or date' });
  });

  it("two rows for one x in a line: asks to split them into series or filter them", () => {
    const p = one("kind: line\ndataset: series\nx: year\ny: total\ntitle: T");
    expect(p).toMatchObject({ code: "spec-repeated-x", field: "x" });
    expect(p.message).toContain("2020");
    expect(p.hint).toContain("series: <field>");
  });

  it("a target in another unit than the line", () => {
    const p = one(
      "kind: line\ndataset: series\nx: year\ny: total\nseries: status\ntarget:\n  dataset: targets\n  x: year\n  y: pct\ntitle: T",
    );
    expect(p).toMatchObject({ code: "spec-unit-mismatch", field: "target.y", message: "the target is in % but the line is in kt" });
  });

  it("progress: a target filter that picks several rows, or rows in different units", () => {
    const several = problemsOf(
      fx.store,
      "kind: progress\ndataset: metrics\nvalue: value\nactual: {metric: firms, kind: actual}\ntarget: {kind: target}\ntitle: T",
    );
    expect(several.find((p) => p.code === "spec-several-rows")).toMatchObject({
      field: "target",
      line: specLine(5),
      message: '2 rows of metrics match "target"; it must pick exactly one',
    });
    const units = one(
      "kind: progress\ndataset: metrics\nvalue: value\nactual: {metric: jobs, kind: actual}\ntarget: {metric: jobs, kind: target}\ntitle: T",
    );
    expect(units).toMatchObject({ code: "spec-unit-mismatch", message: "the rows picked are in different units: employees, jobs" });
  });

  it("choropleth of a table without polygons, or with several rows per polygon", () => {
    const bare = one("kind: choropleth\ndataset: area-stats\nvalue: total\ntitle: T");
    expect(bare.hint).toContain("boundaries: districts");
    const twice = one("kind: choropleth\ndataset: area-stats\nboundaries: areas\njoin: area_code\nvalue: total\ntitle: T");
    expect(twice).toMatchObject({ code: "spec-join-duplicate", message: "several rows of area-stats fall on the same polygon: A1" });
    const wrong = one(
      "kind: choropleth\ndataset: area-stats\nboundaries: areas\njoin: area_code\njoin_on: slug\nwhere: {year: 2020}\nvalue: total\ntitle: T",
    );
    expect(wrong).toMatchObject({ code: "spec-join-unmatched", field: "join" });
    expect(wrong.hint).toContain('Values of "slug" in areas: area-1');
  });

  it("values in different units on one scale: asks to pick one unit", () => {
    const p = one("kind: bar\ndataset: metrics\nvalue: value\ntitle: T");
    expect(p).toMatchObject({ code: "spec-mixed-units", field: "value" });
    expect(p.message).toBe('the rows picked give "value" in 3 units: firms; jobs; employees');
  });

  it("filters that leave no row", () => {
    const p = one("kind: bar\ndataset: areas\nvalue: value\nwhere: {group: north}\nexclude: {group: north}\ntitle: T");
    expect(p).toMatchObject({ code: "spec-no-rows", field: "exclude" });
  });

  it("reports every mistake of a spec at once, formatted as file:line:key — message", () => {
    const problems = problemsOf(fx.store, "kind: choropleth\ndataset: areas\nvalue: nope\nmethod: natural\ncolour: red\ntitle: T");
    expect(problems.map((p) => p.field).sort()).toEqual(["colour", "method", "value"]);
    expect(formatProblem(problems.find((p) => p.field === "method")!)).toMatch(
      /^src\/stories\/test\.md:14:method — "natural" is not allowed for "method": .*\n {4}how to fix: Allowed: quantile, equal, jenks\. \[spec-invalid-value\]$/,
    );
  });
});

describe("figures in Markdown files", () => {
  const dir = mkdtempSync(join(tmpdir(), "atlas-md-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const story = (name: string, text: string) => {
    mkdirSync(join(dir, "stories"), { recursive: true });
    writeFileSync(join(dir, "stories", name), text);
    return join(dir, "stories", name);
  };

  it("counts lines from the top of the story file, front matter included", () => {
    const path = story(
      "lines.md",
      "---\ntitle: A story\ndate: 2024-01-01\n---\n\nSome text.\n\n```figure\nkind: bar\ndataset: areas\nvalue: nope\ntitle: T\n```\n",
    );
    const md = new MarkdownIt();
    figurePlugin(md, { figures: new SiteFigures(fx.store, dir) });
    const source = "\nSome text.\n\n```figure\nkind: bar\ndataset: areas\nvalue: nope\ntitle: T\n```\n";
    let error: unknown;
    try {
      md.render(source, { page: { inputPath: path } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).problems[0]).toMatchObject({ file: "stories/lines.md", line: 11, field: "value" });
  });

  it("stops the build when two figures share an id, naming both", () => {
    story("a.md", "---\ntitle: A\n---\n```figure\nkind: bar\nid: same\ndataset: areas\nvalue: value\ntitle: One\n```\n");
    story("b.md", "---\ntitle: B\n---\n\n```figure\nkind: bar\nid: same\ndataset: areas\nvalue: change\ntitle: Two\n```\n");
    rmSync(join(dir, "stories", "lines.md"));
    let error: unknown;
    try {
      new SiteFigures(fx.store, dir).all(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProblemError);
    const p = (error as ProblemError).problems[0]!;
    expect(p).toMatchObject({ code: "figure-duplicate-id", file: "stories/b.md", line: 5, field: "id" });
    expect(p.message).toBe('the figure id "same" is already used by the figure at stories/a.md:4');
  });
});

describe("caveats", () => {
  it("picks caveats by number, and lists them when a number does not exist", () => {
    const p = one("kind: bar\ndataset: areas\nvalue: value\ncaveats: [2]\ntitle: T");
    expect(p).toMatchObject({
      code: "spec-unknown-value",
      field: "caveats",
      line: specLine(4),
      message: "this figure has 1 caveat, so there is no number 2",
    });
    expect(p.hint).toBe("The caveats: (1) Fixture areas are squares, not real districts.");
  });
});
