import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { quoteOpenedAbove } from "../../scripts/lib/csv.ts";
import { runPipeline } from "../../scripts/lib/pipeline.ts";
import { ProblemError } from "../../scripts/lib/problems.ts";
import { type FixtureProject, fixtureProject } from "../helpers/fixture-project.ts";

let project: FixtureProject | undefined;
afterEach(() => project?.remove());

/** Change a file the pipeline fingerprints but no dataset reads, so that the next run is not skipped. */
const touchUnreadFile = (root: string) =>
  writeFileSync(join(root, "data", "corrections.yaml"), `${readFileSync(join(root, "data", "corrections.yaml"), "utf8")}\n`);

const snapshotDir = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), "utf8")]),
  );

describe("npm run data", () => {
  it("is deterministic: two runs write the same bytes", async () => {
    project = fixtureProject();
    await runPipeline({ root: project.root, outDir: "a" });
    await runPipeline({ root: project.root, outDir: "b" });
    const a = snapshotDir(join(project.root, "a"));
    expect(Object.keys(a)).toEqual([
      "census-2015-dong.csv",
      "census-2015-gu.csv",
      "census-seoul.csv",
      "datapackage.json",
      "district-offices.csv",
      "district-offices.geojson",
      "districts.csv",
      "districts.geojson",
      "dong.csv",
      "dong.geojson",
      "electricity-gu.csv",
      "g-valley-anchors.csv",
      "g-valley-anchors.geojson",
      "gangbuk-design-timeline.csv",
      "ghg-gu.csv",
      "ghg-sectors.csv",
      "ghg-seoul.csv",
      "ghg-targets.csv",
      "manifest.json",
      "policy-facts.csv",
      "policy-milestones.csv",
      "s-valley-metrics.csv",
      "s-valley-sites.csv",
      "s-valley-sites.geojson",
      "sources.json",
      "venture-districts.csv",
    ]);
    expect(snapshotDir(join(project.root, "b"))).toEqual(a);
  });

  it("records path, sha256, count and sources of every output in the manifest", async () => {
    project = fixtureProject();
    const { manifest } = await runPipeline({ root: project.root });
    const geo = manifest.outputs.find((o) => o.path === "districts.geojson")!;
    expect(geo.count).toBe(25);
    expect(geo.sources).toEqual([
      "census-2010",
      "code-district-centers",
      "code-gu-office-addresses",
      "code-gu-offices-tmap",
      "seoul-maps-kostat-2013",
    ]);
    const { createHash } = await import("node:crypto");
    for (const output of manifest.outputs) {
      const bytes = readFileSync(join(project.root, "generated", output.path));
      expect(output.sha256, output.path).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
  });

  it("gives every dataset its counts, rejections, join coverage and sources, and counts points without coordinates", async () => {
    project = fixtureProject();
    const { manifest } = await runPipeline({ root: project.root });
    const sites = manifest.datasets["s-valley-sites"]!;
    expect(sites).toMatchObject({
      kind: "points",
      key: "id",
      count: 13,
      rows_read: 13,
      rows_rejected: 0,
      rows_without_geometry: 8,
      join_coverage: 1,
    });
    expect(sites.files.csv.count).toBe(13);
    expect(sites.files.geojson!.count).toBe(5);
    expect(sites.sources).toContain("asiae-2023-03-15-gwanak-s-valley");
    expect(manifest.datasets["ghg-seoul"]).toMatchObject({ kind: "table", join_coverage: null });
    expect(manifest.datasets.dong!.count).toBe(423);
    for (const d of Object.values(manifest.datasets)) {
      expect(d.sources.length, d.name).toBeGreaterThan(0);
      expect(d).not.toHaveProperty("used_by");
    }
  });

  it("skips work when nothing changed, and rebuilds when an input changes", async () => {
    project = fixtureProject();
    expect((await runPipeline({ root: project.root })).skipped).toBe(false);
    expect((await runPipeline({ root: project.root })).skipped).toBe(true);
    const csv = join(project.root, "data", "districts.csv");
    writeFileSync(csv, readFileSync(csv, "utf8").replace("11210,11620,관악구,Gwanak-gu,511185", "11210,11620,관악구,Gwanak-gu,511186"));
    expect((await runPipeline({ root: project.root })).skipped).toBe(false);
  });

  it("rebuilds only the datasets whose own inputs changed, and writes the same bytes as a full run", async () => {
    project = fixtureProject();
    const generated = join(project.root, "generated");
    const all = (await runPipeline({ root: project.root })).rebuilt;
    expect(all).toContain("districts");
    expect(all).toContain("ghg-seoul");
    const edit = (rel: string, from: string, to: string) => {
      const file = join(project!.root, rel);
      const text = readFileSync(file, "utf8");
      expect(text, rel).toContain(from);
      writeFileSync(file, text.replace(from, to));
    };

    // One table's CSV: only that dataset is rebuilt; the others keep their files.
    edit("data/tables/ghg-seoul.csv", "Reduction base year of the original method.", "Base year of the original method.");
    const lines: string[] = [];
    const one = await runPipeline({ root: project.root, log: (l) => lines.push(l) });
    expect(one.rebuilt).toEqual(["ghg-seoul"]);
    expect(lines.find((l) => l.startsWith("ghg-seoul:"))).toMatch(/^ghg-seoul: read 15, kept 15 rows/);
    expect(lines.find((l) => l.startsWith("unchanged since the last run"))).toBe(
      `unchanged since the last run, files kept: ${all.filter((id) => id !== "ghg-seoul").join(", ")}`,
    );
    expect(readFileSync(join(generated, "ghg-seoul.csv"), "utf8")).toContain("Base year of the original method.");
    await runPipeline({ root: project.root, outDir: "full", force: true });
    expect(snapshotDir(generated)).toEqual(snapshotDir(join(project.root, "full")));

    // A point dataset: rebuilt with its spatial join, still equal to a full run.
    edit("data/sites/g-valley-anchors.csv", "Gasan Digital Complex", "Gasan Digital Complex Station");
    expect((await runPipeline({ root: project.root })).rebuilt).toEqual(["g-valley-anchors"]);
    await runPipeline({ root: project.root, outDir: "full", force: true });
    expect(snapshotDir(generated)).toEqual(snapshotDir(join(project.root, "full")));

    // districts.csv feeds the districts and their offices together.
    edit("data/districts.csv", "11210,11620,관악구,Gwanak-gu,511185", "11210,11620,관악구,Gwanak-gu,511186");
    expect((await runPipeline({ root: project.root })).rebuilt).toEqual(["districts", "district-offices"]);

    // The sources are every dataset's input: all of them are rebuilt.
    edit("data/sources.yaml", "publisher:", "publisher: ");
    expect((await runPipeline({ root: project.root })).rebuilt).toHaveLength(Object.keys(one.manifest.datasets).length);

    // A file the pipeline does not read changes the fingerprint but rebuilds nothing.
    edit("data/corrections.yaml", "", "# a comment\n");
    const none = await runPipeline({ root: project.root });
    expect([none.skipped, none.rebuilt]).toEqual([false, []]);
    await runPipeline({ root: project.root, outDir: "full", force: true });
    expect(snapshotDir(generated)).toEqual(snapshotDir(join(project.root, "full")));
  });

  it("rebuilds a dataset whose file in generated/ was changed or removed", async () => {
    project = fixtureProject();
    const generated = join(project.root, "generated");
    await runPipeline({ root: project.root });
    const before = snapshotDir(generated);
    writeFileSync(join(generated, "ghg-targets.csv"), "tampered\n");
    touchUnreadFile(project.root);
    const result = await runPipeline({ root: project.root });
    expect(result.rebuilt).toEqual(["ghg-targets"]);
    expect(readFileSync(join(generated, "ghg-targets.csv"), "utf8")).toBe(before["ghg-targets.csv"]);
  });

  it("a failing run names file, line and field, and leaves the previous generated/ byte-identical", async () => {
    project = fixtureProject();
    await runPipeline({ root: project.root });
    const before = snapshotDir(join(project.root, "generated"));
    const csv = join(project.root, "data", "districts.csv");
    const lines = readFileSync(csv, "utf8").split("\n");
    const gwanakLine = lines.findIndex((l) => l.startsWith("11210,")) + 1;
    const jungLine = lines.findIndex((l) => l.startsWith("11020,")) + 1;
    writeFileSync(
      csv,
      lines
        .map((l) => (l.startsWith("11210,") ? l.replace("511185", "lots") : l))
        .map((l) => (l.startsWith("11020,") ? l.replace("census-2010", "census-2011") : l))
        .join("\n"),
    );
    const error = (await runPipeline({ root: project.root }).catch((e) => e)) as ProblemError;
    expect(error).toBeInstanceOf(ProblemError);
    // Both problems are reported in one run.
    expect(error.message).toContain(`data/districts.csv:${gwanakLine}:population_2010 — "lots"`);
    expect(error.message).toContain(`data/districts.csv:${jungLine}:source — source id "census-2011" is not in data/sources.yaml`);
    expect(snapshotDir(join(project.root, "generated"))).toEqual(before);
  });

  it("a CSV saved in Korean Excel's CP949 is refused as one problem that says to save it as UTF-8, and generated/ stays as it was", async () => {
    project = fixtureProject();
    await runPipeline({ root: project.root });
    const before = snapshotDir(join(project.root, "generated"));
    const csv = join(project.root, "data", "districts.csv");
    const text = readFileSync(csv, "utf8");
    const koreanLine = text.split("\n").findIndex((l) => /[가-힣]/.test(l)) + 1;
    // The file as CP949 writes it, each Hangul syllable as two bytes that are not UTF-8 ("가" is B0 A1; the rest is ASCII).
    const cp949 = Buffer.concat(
      text.split(/([가-힣])/).map((part) => (/^[가-힣]$/.test(part) ? Buffer.from([0xb0, 0xa1]) : Buffer.from(part))),
    );
    expect(new TextDecoder("euc-kr").decode(cp949)).toContain("가가가");
    writeFileSync(csv, cp949);
    const error = (await runPipeline({ root: project.root }).catch((e) => e)) as ProblemError;
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.problems).toEqual([expect.objectContaining({ code: "csv-encoding", file: "data/districts.csv", line: koreanLine })]);
    expect(error.problems[0]!.hint).toContain("CSV UTF-8");
    expect(snapshotDir(join(project.root, "generated"))).toEqual(before);
  });

  it("an emptied CSV, a quote left open and a broken source list: one clear problem each, not a flood", async () => {
    const { root } = (project = fixtureProject());
    const path = (file: string) => join(root, file);
    const problemsOf = async () => ((await runPipeline({ root }).catch((e) => e)) as ProblemError).problems;
    const original = (file: string) => readFileSync(path(file), "utf8");

    const census = original("data/tables/census-seoul.csv");
    writeFileSync(path("data/tables/census-seoul.csv"), `${census.split("\n")[0]}\n`);
    expect(await problemsOf()).toEqual([expect.objectContaining({ code: "csv-empty", file: "data/tables/census-seoul.csv", line: 1 })]);
    writeFileSync(path("data/tables/census-seoul.csv"), census);

    const targets = original("data/tables/ghg-targets.csv");
    writeFileSync(path("data/tables/ghg-targets.csv"), targets.replace('(−40 %)"', "(−40 %)"));
    const quoting = await problemsOf();
    // Reported at the line where the quote opens (4), not where the parser noticed it (5).
    const opens = 1 + targets.split("\n").findIndex((l) => l.includes('"29,667 thousand t (−40 %)"'));
    expect(quoting).toEqual([expect.objectContaining({ code: "csv-syntax", file: "data/tables/ghg-targets.csv", line: opens })]);
    expect(quoting[0]!.message).toBe(
      `bad quoting: the value in double quotes that opens on this line is not closed (it runs on to line ${opens + 1})`,
    );
    writeFileSync(path("data/tables/ghg-targets.csv"), targets);

    const sources = original("data/sources.yaml");
    const lines = sources.split("\n");
    const titleLine = lines.findIndex((l) => /^\s+title: "/.test(l));
    lines[titleLine] += ' "';
    writeFileSync(path("data/sources.yaml"), lines.join("\n"));
    expect(await problemsOf()).toEqual([expect.objectContaining({ code: "yaml-syntax", file: "data/sources.yaml", line: titleLine + 1 })]);
  });
});

describe("where a quote left open in a CSV opened (quoteOpenedAbove)", () => {
  const csv = ["id,name,n", '1,"Seoul, Gwanak,3', '2,"Nakseong",4', '3,"Sillim ""old"" town",5'].join("\n");
  it("finds the line of the opening quote of a value that runs on to the line the parser stumbled on", () => {
    // The quote opened on line 2 is closed by the first quote of line 3.
    expect(quoteOpenedAbove(csv, 3)).toBe(2);
  });
  it("finds a quote still open at the end of the file", () => {
    expect(quoteOpenedAbove('id,name\n1,ok\n2,"never closed\n3,x\n', 5)).toBe(3);
  });
  it("says nothing when no quoted value runs into the line from above (doubled quotes are not an end)", () => {
    expect(quoteOpenedAbove(csv, 2)).toBeUndefined();
    expect(quoteOpenedAbove(["id,name", '1,"Sillim ""old"" town"', '2,a"b'].join("\n"), 3)).toBeUndefined();
  });
  it("reads a file that starts with a byte-order mark", () => {
    expect(quoteOpenedAbove('\uFEFF"id",name\n1,"open\n2,x"y\n', 3)).toBe(2);
  });
});
