/** npm run new:dataset: a descriptor inferred from a CSV, which checks out once its titles are filled in. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { descriptorFor, inferField } from "../../scripts/lib/new-dataset.ts";
import { runPipeline } from "../../scripts/lib/pipeline.ts";
import { ProblemError } from "../../scripts/lib/problems.ts";
import { type FixtureProject, fixtureProject } from "../helpers/fixture-project.ts";

let project: FixtureProject | undefined;
afterEach(() => project?.remove());

const CSV = `id,gu,year,status,parks,area_km2,opened,notes,source
a,11210,2020,open,12,1.5,2020-05,,census-2010
b,11050,2021,open,7,0.8,2021,first one,census-2010
c,11180,2021,closed,,2.25,,,census-2010
d,11090,2020,open,3,0.1,2019-12-01,,census-2010
`;

describe("new:dataset", () => {
  it("infers types, required columns, enumerations, the key, foreign keys and source ids", () => {
    const { yaml, fields } = descriptorFor("data/tables/parks.csv", CSV);
    expect(fields.map((f) => [f.name, f.type, f.required])).toEqual([
      ["id", "string", true],
      ["gu", "string", true],
      ["year", "year", true],
      ["status", "string", true],
      ["parks", "integer", false],
      ["area_km2", "number", true],
      ["opened", "date", false],
      ["notes", "string", false],
      ["source", "list", true],
    ]);
    expect(fields.find((f) => f.name === "status")!.enum).toEqual(["closed", "open"]);
    expect(yaml).toContain("primaryKey: id");
    expect(yaml).toContain("- { fields: gu, reference: { resource: districts, fields: code } }");
    expect(yaml).toContain("checks: [source-ids]");
    expect(inferField("when", ["2023-02-30"]).type).toBe("string");
  });

  it("says which cells to correct and which columns the pipeline can write: numbers with separators or units, a typed district name", () => {
    const csv = `gu_code,gu_name,gu_name_ko,electricity_mwh,heat,source
11230,Gangnam-gu,강남구,"302,333",12 Gcal,census-2010
11220,Seocho-gu,,204361,8 Gcal,census-2010
`;
    const { yaml, fields } = descriptorFor("data/tables/energy.csv", csv);
    const field = (name: string) => fields.find((f) => f.name === name)!;
    expect(field("electricity_mwh")).toMatchObject({ type: "integer" });
    expect(field("electricity_mwh").advice).toContain('("302,333"): write numbers bare (302333)');
    expect(field("heat").advice).toContain('("12 Gcal"): write numbers bare (12)');
    expect(field("gu_name").advice).toContain("derived: { lookup: gu_code, take: name_en }");
    expect(field("gu_name_ko").advice).toContain("take: name_ko");
    // A Korean column is never required, even when every row has its Korean text.
    expect(inferField("title_ko", ["가", "나"]).required).toBe(false);
    expect(yaml).toContain("# check: a number written with a thousands separator");
    expect(yaml).toContain('unit_ko: "" # fill in');
  });

  it("writes a descriptor whose only problems are the titles to fill in; filled in, the dataset is built", async () => {
    project = fixtureProject();
    const { root } = project;
    writeFileSync(join(root, "data/tables/parks.csv"), CSV);
    const { yaml } = descriptorFor("data/tables/parks.csv", CSV);
    writeFileSync(join(root, "data/tables/parks.resource.yaml"), yaml);
    const error = (await runPipeline({ root }).catch((e) => e)) as ProblemError;
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.problems.every((p) => p.file === "data/tables/parks.resource.yaml" && /fill it in/.test(p.message))).toBe(true);
    expect(error.message).toContain("schema.fields.4 (parks).title_ko — a Korean title (title_ko) is required: fill it in");

    let n = 0;
    const filled = yaml.replace(/"" # fill in[^\n]*/g, () => `"Filled ${++n}"`);
    writeFileSync(join(root, "data/tables/parks.resource.yaml"), filled);
    const { manifest } = await runPipeline({ root });
    expect(manifest.datasets.parks).toMatchObject({ count: 4, key: "id" });
  });
});
