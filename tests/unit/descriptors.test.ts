/**
 * Datasets described by descriptors (data/**\/*.resource.yaml): every kind of mistake in a
 * CSV or its descriptor stops `npm run data` with file, line and column and leaves
 * generated/ as it was; a dataset added with only a CSV and a descriptor is validated,
 * published in the data package and drawn by a figure.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { csvFiles, descriptorFiles } from "../../scripts/lib/datasets/descriptor.ts";
import { runPipeline } from "../../scripts/lib/pipeline.ts";
import { ProblemError } from "../../scripts/lib/problems.ts";
import { DatasetStore } from "../../src/figures/datasets.ts";
import { load } from "../helpers/figure-render.ts";
import { type FixtureProject, fixtureProject } from "../helpers/fixture-project.ts";
import { ROOT } from "../helpers/paths.ts";

let project: FixtureProject | undefined;
afterEach(() => project?.remove());

const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), "utf8")]),
  );

/** Edit a file of the fixture, then return the 1-based line that starts with `start` (0 when not given). */
function edit(root: string, file: string, from: string | RegExp, to: string, start?: string): number {
  const path = join(root, file);
  const text = readFileSync(path, "utf8");
  expect(text, file).toMatch(from);
  const next = text.replace(from, to);
  writeFileSync(path, next);
  return start === undefined ? 0 : next.split("\n").findIndex((l) => l.startsWith(start)) + 1;
}

/** Run the pipeline after a first good run; return the message and check generated/ did not change. */
async function failure(change: (root: string) => void): Promise<string> {
  project = fixtureProject();
  const { root } = project;
  await runPipeline({ root });
  const before = snapshot(join(root, "generated"));
  change(root);
  const error = await runPipeline({ root }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ProblemError);
  expect(snapshot(join(root, "generated"))).toEqual(before);
  return (error as ProblemError).message;
}

const GU = "data/tables/census-2015-gu.csv";
const SITES = "data/sites/s-valley-sites.csv";

describe("every dataset has a descriptor", () => {
  it("in the repository: each CSV in data/ is described", () => {
    const described = new Set(descriptorFiles(ROOT).map((f) => f.replace(".resource.yaml", ".csv")));
    for (const csv of csvFiles(ROOT)) expect(described.has(csv), csv).toBe(true);
    expect(descriptorFiles(ROOT).length).toBeGreaterThanOrEqual(18);
  });

  it("a CSV without one stops the run and says how to write it", async () => {
    const message = await failure((root) => writeFileSync(join(root, "data/tables/orphan.csv"), "id,value\na,1\n"));
    expect(message).toContain("data/tables/orphan.csv — no descriptor describes this CSV file");
    expect(message).toContain("npm run new:dataset -- data/tables/orphan.csv");
  });
});

describe("a CSV against its descriptor: file, line and column of each mistake", () => {
  it("a column in the CSV the descriptor does not declare, and a declared column missing", async () => {
    const message = await failure((root) => {
      edit(root, GU, "gu_code,total,korean_nationals,foreigners,source", "gu_code,total,koreans,foreigners,source");
    });
    expect(message).toContain(`${GU}:1:koreans — "koreans" is not a field of data/tables/census-2015-gu.resource.yaml`);
    expect(message).toContain(`${GU}:1:korean_nationals — the header has no column "korean_nationals"`);
  });

  it("a value outside an enum, and one below a minimum", async () => {
    let enumLine = 0;
    let rangeLine = 0;
    const message = await failure((root) => {
      enumLine = edit(root, "data/tables/ghg-seoul.csv", /\n(2016-inventory,[^\n]*),inventory,/, "\n$1,guess,", "2016-inventory,");
      rangeLine = edit(root, GU, "\n11020,128478,118021,10457,", "\n11020,-128478,118021,10457,", "11020,");
    });
    expect(message).toContain(`data/tables/ghg-seoul.csv:${enumLine}:status — "guess": one of inventory, estimate, re-based`);
    expect(message).toContain(`${GU}:${rangeLine}:total — "-128478": less than the minimum, 0`);
  });

  it("a broken foreign key: a gu code and a dong code that do not exist, and a district's administrative code", async () => {
    let guLine = 0;
    let dongLine = 0;
    let adminLine = 0;
    const message = await failure((root) => {
      guLine = edit(root, GU, "\n11210,", "\n11260,", "11260,");
      adminLine = edit(root, GU, "\n11220,", "\n11650,", "11650,");
      dongLine = edit(root, "data/tables/census-2015-dong.csv", "\n1121052,", "\n1121099,", "1121099,");
    });
    expect(message).toContain(`${GU}:${guLine}:gu_code — 11260 is not one of Seoul's 25 gu`);
    expect(message).toContain(`data/tables/census-2015-dong.csv:${dongLine}:dong_code — 1121099 is not one of the 423 dong`);
    expect(message).toContain(`${GU}:${adminLine}:gu_code — 11650 is not one of Seoul's 25 gu`);
    expect(message).toContain("11650 is the administrative code (SIG_CD) of Seocho-gu; the atlas uses KOSTAT's: write 11220.");
  });

  it("a district name typed beside its code that is not the code's name (a typo is published as typed otherwise)", async () => {
    let line = 0;
    const message = await failure((root) => {
      const names = new Map(
        readFileSync(join(root, "data/districts.csv"), "utf8")
          .trim()
          .split("\n")
          .slice(1)
          .map((l): [string, string] => [l.split(",")[0]!, l.split(",")[3]!]),
      );
      const rows = readFileSync(join(root, GU), "utf8").trim().split("\n");
      // Every row names its gu; one is misspelt, one written without "-gu" in lower case (which is its name).
      const named = rows.map((row, i) => {
        const code = row.split(",")[0]!;
        const name = i === 0 ? "gu_name" : code === "11230" ? "Gangnum-gu" : code === "11160" ? "gangseo" : names.get(code)!;
        return row.replace(/^([^,]+),/, `$1,${name},`);
      });
      line = named.findIndex((r) => r.startsWith("11230,")) + 1;
      writeFileSync(join(root, GU), `${named.join("\n")}\n`);
      edit(
        root,
        "data/tables/census-2015-gu.resource.yaml",
        "    - name: gu_name_en\n",
        "    - name: gu_name\n      type: string\n      title: Gu\n      title_ko: 자치구\n$&",
      );
    });
    expect(message).toContain(`${GU}:${line}:gu_name — "Gangnum-gu" is not the name of 11230 (Gangnam-gu, 강남구), which gu_code gives`);
    expect(message).toContain("derived: { lookup: gu_code, take: name_en }");
    // The only problem: the other names, "gangseo" among them, are their codes' names.
    expect(message.match(/gu_name — /g)).toHaveLength(1);
  });

  it("a column whose every value fails its type points at the descriptor's type, once, not at each row", async () => {
    let line = 0;
    const message = await failure((root) => {
      edit(
        root,
        "data/tables/electricity-gu.resource.yaml",
        "    - name: value\n      type: number\n",
        "    - name: value\n      type: integer\n",
      );
      line = readFileSync(join(root, "data/tables/electricity-gu.resource.yaml"), "utf8").split("\n").indexOf("    - name: value") + 1;
    });
    expect(message).toContain(
      `data/tables/electricity-gu.resource.yaml:${line}:value — no value of column "value" in data/tables/electricity-gu.csv is of type integer: line 2 has "18.69": a whole number, and this one has decimals`,
    );
    expect(message).toContain("the 15 other rows fail the same way");
    expect(message).toContain("give value the type its values have (number for decimals");
    expect(message).not.toContain("electricity-gu.csv:3:value");
  });

  it("a number written with a thousands separator or a unit says how to write it", async () => {
    let comma = 0;
    let unit = 0;
    const message = await failure((root) => {
      comma = edit(root, GU, "\n11020,128478,", '\n11020,"128,478",', "11020,");
      unit = edit(root, GU, "\n11030,", "\n11030,X", "11030,");
      edit(root, GU, /\n11030,X(\d+),/, "\n11030,$1 people,");
    });
    expect(message).toContain(`${GU}:${comma}:total — "128,478": a number written with thousands separators: write it 128478`);
    expect(message).toMatch(new RegExp(`${GU}:${unit}:total — "\\d+ people": a number with "people" after it: write the number alone`));
  });

  it("an unknown source id in a coordinate-source column (not only in source)", async () => {
    let line = 0;
    const message = await failure((root) => {
      const text = readFileSync(join(root, SITES), "utf8");
      const row = text.split("\n").find((l) => /,code-[a-z-]+,building,/.test(l))!;
      line = text.split("\n").indexOf(row) + 1;
      writeFileSync(join(root, SITES), text.replace(row, row.replace(/,code-[a-z-]+,building,/, ",code-nowhere,building,")));
    });
    expect(message).toContain(`${SITES}:${line}:coord_source — source id "code-nowhere" is not in data/sources.yaml`);
  });

  it("a total that is not the sum of its parts", async () => {
    let line = 0;
    const message = await failure((root) => {
      line = edit(root, GU, "\n11010,161521,", "\n11010,161522,", "11010,");
    });
    expect(message).toContain(`${GU}:${line}:total — 161522 is not korean_nationals + foreigners (146119 + 15402 = 161521)`);
  });

  it("control characters in a text cell, and a date outside 1900 … next year", async () => {
    let escLine = 0;
    let dateLine = 0;
    const message = await failure((root) => {
      escLine = edit(
        root,
        "data/tables/gangbuk-design-timeline.csv",
        /\nplan-completed,([^,]*),/,
        "\nplan-completed,$1,\u001b[31m",
        "plan-completed,",
      );
      dateLine = edit(
        root,
        "data/tables/s-valley-metrics.csv",
        /\n2021-03-facilities,2021-03,/,
        "\n2021-03-facilities,1850-03,",
        "2021-03-facilities,",
      );
    });
    expect(message).toMatch(
      new RegExp(`gangbuk-design-timeline\\.csv:${escLine}:milestone — .*contains the control character U\\+001B at character 1`),
    );
    expect(message).toMatch(
      new RegExp(`s-valley-metrics\\.csv:${dateLine}:date — "1850-03": a date between 1900 and \\d{4} \\(one year from now\\)`),
    );
  });
});

describe("a mistake in a descriptor", () => {
  it("names the descriptor and the line of the key", async () => {
    const file = "data/tables/census-2015-gu.resource.yaml";
    let line = 0;
    const message = await failure((root) => {
      line =
        edit(
          root,
          file,
          "    - name: foreigners\n      type: integer",
          "    - name: foreigners\n      type: integr",
          "    - name: foreigners",
        ) + 1;
    });
    expect(message).toContain(
      `${file}:${line}:schema.fields.5 (foreigners).type — "integr" is not one of string, integer, number, boolean, date, year, list`,
    );
    expect(message).toContain('how to fix: Did you mean "integer"?');
  });

  it("a missing Korean title is a field to fill in", async () => {
    const file = "data/tables/census-seoul.resource.yaml";
    const message = await failure((root) => edit(root, file, "title_ko: 서울 인구, 인구주택총조사 2005~2020년", 'title_ko: ""'));
    expect(message).toContain(`${file}:5:title_ko — a Korean title (title_ko) is required: fill it in`);
    expect(message).toContain("(1 problem)");
  });
});

describe("a dataset added with a CSV and a descriptor only", () => {
  it("is validated, written to generated/, published in the data package, and drawn by a figure", async () => {
    project = fixtureProject();
    const { root } = project;
    writeFileSync(
      join(root, "data/tables/test-parks.csv"),
      'gu,parks,source\n11210,12,census-2010\n11050,7,census-2010\n11180,"",census-2010\n',
    );
    writeFileSync(
      join(root, "data/tables/test-parks.resource.yaml"),
      `name: test-parks
title: Parks by gu (test)
title_ko: 자치구별 공원 (시험)
description: A test dataset.
description_ko: 시험용 데이터.
path: test-parks.csv
licenses: [{ name: MIT, title: MIT License }]
label_field: gu_name_en
schema:
  primaryKey: gu_code
  foreignKeys: [{ fields: gu_code, reference: { resource: districts, fields: code } }]
  fields:
    - { name: gu_code, from: gu, type: string, title: Gu, title_ko: 자치구 코드, constraints: { required: true } }
    - { name: gu_name_en, type: string, title: District, title_ko: 자치구, derived: { lookup: gu_code, take: name_en } }
    - { name: parks, type: integer, title: Parks, title_ko: 공원 수, unit: parks, constraints: { minimum: 0 } }
    - { name: source, type: list, title: Sources, title_ko: 출처, checks: [source-ids], constraints: { required: true } }
`,
    );
    const { manifest } = await runPipeline({ root });
    expect(manifest.datasets["test-parks"]).toMatchObject({ count: 3, title_ko: "자치구별 공원 (시험)", key: "gu_code" });
    expect(readFileSync(join(root, "generated/test-parks.csv"), "utf8")).toBe(
      "gu_code,gu_name_en,parks,source\n11050,Gwangjin-gu,7,census-2010\n11180,Geumcheon-gu,,census-2010\n11210,Gwanak-gu,12,census-2010\n",
    );
    const pkg = JSON.parse(readFileSync(join(root, "generated/datapackage.json"), "utf8")) as {
      resources: { name: string; schema?: unknown }[];
    };
    expect(pkg.resources.find((r) => r.name === "test-parks")?.schema).toMatchObject({
      primaryKey: "gu_code",
      foreignKeys: [{ fields: "gu_code", reference: { resource: "districts", fields: "code" } }],
    });
    const $ = load(new DatasetStore(join(root, "generated")), "kind: bar\ndataset: test-parks\nvalue: parks\ntitle: Parks\n");
    expect($("svg").text()).toContain("Gwanak-gu");
    expect($("table").text()).toContain("12");
    rmSync(join(root, "generated"), { recursive: true, force: true });
  });
});
