/**
 * Each kind of contract error a maintainer can make in data/, demonstrated on a copy of the
 * real data: the message names file, line and field, all errors of a run come together, the
 * command exits non-zero, and generated/ is left byte-identical.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runPipeline } from "../../scripts/lib/pipeline.ts";
import { ProblemError } from "../../scripts/lib/problems.ts";
import { type FixtureProject, fixtureProject } from "../helpers/fixture-project.ts";
import { ROOT } from "../helpers/paths.ts";

let project: FixtureProject | undefined;
afterEach(() => project?.remove());

/** Change the line of `file` that starts with `prefix`; returns its 1-based line number. */
function editLine(root: string, file: string, prefix: string, change: (line: string) => string): number {
  const path = join(root, file);
  const lines = readFileSync(path, "utf8").split("\n");
  const index = lines.findIndex((l) => l.startsWith(prefix));
  if (index < 0) throw new Error(`no line starting with ${prefix} in ${file}`);
  lines[index] = change(lines[index]!);
  writeFileSync(path, lines.join("\n"));
  return index + 1;
}

async function problemsOf(root: string): Promise<string> {
  const error = await runPipeline({ root }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ProblemError);
  return (error as ProblemError).message;
}

const SITES = "data/sites/s-valley-sites.csv";
const ANCHORS = "data/sites/g-valley-anchors.csv";

describe("data contracts: one error of each kind, named by file, line and field", () => {
  it("bad CSV quoting", async () => {
    project = fixtureProject();
    const line = editLine(project.root, SITES, "nakseong-venture-center,", (l) => l.replace("Nakseong Venture", 'Nakseong "Venture'));
    expect(await problemsOf(project.root)).toContain(`${SITES}:${line}:name_en — bad quoting`);
  });

  it("a required field left empty", async () => {
    project = fixtureProject();
    const line = editLine(project.root, SITES, "snu-research-park,", (l) => l.replace("SNU Research Park (main building)", ""));
    expect(await problemsOf(project.root)).toContain(`${SITES}:${line}:name_en — (empty): a value is required`);
  });

  it("an unknown source id", async () => {
    project = fixtureProject();
    const line = editLine(project.root, "data/tables/ghg-seoul.csv", "2017-inventory,", (l) =>
      l.replace("smg-ghg-inventory-plan-2022", "smg-ghg-inventory-plan-2099"),
    );
    expect(await problemsOf(project.root)).toContain(
      `data/tables/ghg-seoul.csv:${line}:source — source id "smg-ghg-inventory-plan-2099" is not in data/sources.yaml`,
    );
  });

  it("an unknown district", async () => {
    project = fixtureProject();
    const line = editLine(project.root, "data/tables/ghg-gu.csv", "gkug-gwanak-per-person,", (l) => l.replace(",11210,", ",11260,"));
    expect(await problemsOf(project.root)).toContain(`data/tables/ghg-gu.csv:${line}:gu — 11260 is not one of Seoul's 25 gu`);
  });

  it("a duplicate id", async () => {
    project = fixtureProject();
    const path = join(project.root, "data/tables/s-valley-metrics.csv");
    const lines = readFileSync(path, "utf8").trimEnd().split("\n");
    const first = lines.findIndex((l) => l.startsWith("2024-sales,")) + 1;
    lines.push(lines[first - 1]!);
    writeFileSync(path, `${lines.join("\n")}\n`);
    expect(await problemsOf(project.root)).toContain(
      `data/tables/s-valley-metrics.csv:${lines.length}:id — "2024-sales" is already used on line ${first}`,
    );
  });

  it("a point outside Seoul", async () => {
    project = fixtureProject();
    const line = editLine(project.root, SITES, "startup-here-ro-3,", (l) => l.replace("37.470669429618546", "37.9"));
    expect(await problemsOf(project.root)).toContain(`${SITES}:${line}:lat — 37.9 is outside Seoul (37.41…37.72)`);
  });

  it("swapped latitude and longitude", async () => {
    project = fixtureProject();
    const line = editLine(project.root, SITES, "nakseong-venture-center,", (l) =>
      l.replace("37.484015686342055,126.95560482303536", "126.95560482303536,37.484015686342055"),
    );
    expect(await problemsOf(project.root)).toContain(
      `${SITES}:${line}:lat — 126.95560482303536 is outside Seoul (37.41…37.72); lat and lon look swapped`,
    );
  });

  it("a point in another district than the row claims", async () => {
    project = fixtureProject();
    // Gasan Digital Complex station lies in Geumcheon-gu (11180); claim Guro-gu (11170).
    const line = editLine(project.root, ANCHORS, "gasan-digital-complex-station,", (l) => l.replace(",11180,", ",11170,"));
    expect(await problemsOf(project.root)).toContain(
      `${ANCHORS}:${line}:gu — the row says 11170 (Guro-gu) but 37.4816, 126.8826 lies in 11180 (Geumcheon-gu)`,
    );
  });

  it("a gu office geocoded into the wrong gu", async () => {
    project = fixtureProject();
    // Gwanak-gu's office at the coordinates of Jongno-gu's.
    const line = editLine(project.root, "data/district-offices.csv", "11210,", (l) =>
      l.replace("37.478469,126.951133", "37.572661,126.979584"),
    );
    expect(await problemsOf(project.root)).toContain(
      `data/district-offices.csv:${line}:code — the row says 11210 (Gwanak-gu) but 37.572661, 126.979584 lies in 11010 (Jongno-gu)`,
    );
  });
});

describe("a run with several errors", () => {
  it("reports all of them together, exits non-zero and leaves generated/ byte-identical", async () => {
    project = fixtureProject();
    const { root } = project;
    await runPipeline({ root });
    const snapshot = () =>
      Object.fromEntries(
        readdirSync(join(root, "generated"))
          .sort()
          .map((f) => [f, readFileSync(join(root, "generated", f), "utf8")]),
      );
    const before = snapshot();

    const swapped = editLine(root, SITES, "nakseong-venture-center,", (l) =>
      l.replace("37.484015686342055,126.95560482303536", "126.95560482303536,37.484015686342055"),
    );
    const unknownSource = editLine(root, "data/tables/ghg-targets.csv", "2030-minus-40,", (l) =>
      l.replace("smg-energyinfo-carbon-plan", "nope"),
    );
    const badDate = editLine(root, "data/tables/gangbuk-design-timeline.csv", "plan-completed,", (l) => l.replace("2023-12", "2023-13"));
    const badStatus = editLine(root, "data/tables/ghg-seoul.csv", "2016-inventory,", (l) => l.replace(",inventory,", ",guess,"));

    // The command a maintainer runs, in the fixture folder.
    const run = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "scripts", "build-data.ts")], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, CI: "1" },
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("generated/ was left as it was (4 problems)");
    expect(run.stderr).toContain(`${SITES}:${swapped}:lat — 126.95560482303536 is outside Seoul`);
    expect(run.stderr).toContain(`data/tables/ghg-targets.csv:${unknownSource}:source — source id "nope"`);
    expect(run.stderr).toContain(`data/tables/gangbuk-design-timeline.csv:${badDate}:date — "2023-13"`);
    expect(run.stderr).toContain(`data/tables/ghg-seoul.csv:${badStatus}:status — "guess"`);
    expect(run.stderr).toContain("how to fix:");
    expect(snapshot()).toEqual(before);
  });
});
