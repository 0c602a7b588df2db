/**
 * The Korean text the data carries, so that a Korean figure, table, tooltip or corrections
 * page never has to show English data text: Korean dates and labels from templates, Korean
 * units and caveats in the descriptors (checked where a mistake can be made), Korean
 * columns beside the English ones, what reaches the manifest the figures read, the text one
 * edition lacks listed with file and line in the build report, and Korean corrections.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseCsv } from "../../scripts/lib/csv.ts";
import { fieldInfo, fillTemplate } from "../../scripts/lib/csv-dataset.ts";
import { columnOf, type FieldDescriptor, parseDescriptor } from "../../scripts/lib/datasets/descriptor.ts";
import { loadDescriptors } from "../../scripts/lib/datasets/index.ts";
import { translationGaps } from "../../scripts/lib/datasets/korean.ts";
import { dateLabel } from "../../scripts/lib/date-label.ts";
import { runPipeline } from "../../scripts/lib/pipeline.ts";
import { ProblemList } from "../../scripts/lib/problems.ts";
import { parseCorrections } from "../../src/_data/corrections.ts";
import type { Manifest } from "../../src/lib/manifest.ts";
import { collectBuildReport } from "../../src/site/build-report.ts";
import { type FixtureProject, fixtureProject } from "../helpers/fixture-project.ts";
import { ROOT } from "../helpers/paths.ts";

const field = (f: Partial<FieldDescriptor> & Pick<FieldDescriptor, "name" | "type">): FieldDescriptor =>
  ({ title: f.name, title_ko: f.name, ...f }) as FieldDescriptor;

describe("dates and labels in Korean", () => {
  it("writes dates at their precision as Korean news does", () => {
    expect(dateLabel("2023-03-15", "ko")).toBe("2023년 3월 15일");
    expect(dateLabel("2024-05", "ko")).toBe("2024년 5월");
    expect(dateLabel("2031", "ko")).toBe("2031년");
    expect(dateLabel("2024-05")).toBe("May 2024");
    expect(dateLabel("", "ko")).toBeNull();
  });

  it("fills a Korean template with Korean dates, years and category labels", () => {
    const fields = [
      field({ name: "metric_ko", type: "string" }),
      field({
        name: "kind",
        type: "string",
        constraints: { enum: ["actual", "target"] },
        categories: [
          { value: "actual", label: "reported", label_ko: "보도 수치" },
          { value: "target", label: "target", label_ko: "목표" },
        ],
      }),
      field({ name: "date", type: "date" }),
      field({ name: "year", type: "year" }),
    ];
    const row = { metric: "tenant firms", metric_ko: "입주기업", kind: "actual", date: "2024-05", year: 2018 };
    expect(fillTemplate("{metric_ko} ({kind}, {date|날짜 미표기})", row, fields, "ko")).toBe("입주기업 (보도 수치, 2024년 5월)");
    expect(fillTemplate("{metric_ko} ({kind}, {date|날짜 미표기})", { ...row, date: null }, fields, "ko")).toBe(
      "입주기업 (보도 수치, 날짜 미표기)",
    );
    expect(fillTemplate("({year|연도 미표기})", row, fields, "ko")).toBe("(2018년)");
    // The English template is as it was.
    expect(fillTemplate("{metric} ({kind}, {date})", row, fields)).toBe("tenant firms (reported, May 2024)");
    expect(fillTemplate("({year})", row, fields)).toBe("(2018)");
    // A part in square brackets stands only when every cell it names is filled.
    expect(fillTemplate("{metric}[ ({date})], {kind}", row, fields)).toBe("tenant firms (May 2024), reported");
    expect(fillTemplate("{metric}[ ({date})], {kind}", { ...row, date: "" }, fields)).toBe("tenant firms, reported");
  });

  it("publishes a field's categories in the manifest", () => {
    const info = fieldInfo(
      field({
        name: "status",
        type: "string",
        constraints: { enum: ["planned"] },
        categories: [{ value: "planned", label: "planned", label_ko: "계획" }],
      }),
    );
    expect(info.categories).toEqual([{ value: "planned", label: "planned", label_ko: "계획" }]);
  });
});

describe("Korean text in a descriptor: mistakes named with file and line", () => {
  const descriptor = (notes: string) => `name: demo
title: Demo
title_ko: 데모
description: A demo.
description_ko: 데모.
path: demo.csv
licenses: [{ name: MIT, title: MIT License }]
${notes}
schema:
  primaryKey: id
  fields:
    - { name: id, type: string, title: Id, title_ko: 식별자 }
`;

  it("notes_ko must have one entry per entry of notes", () => {
    const problems = new ProblemList();
    const d = parseDescriptor(descriptor('notes: ["One.", "Two."]\nnotes_ko: ["하나."]'), "data/tables/demo.resource.yaml", problems);
    expect(d).toBeUndefined();
    expect(problems.items).toHaveLength(1);
    expect(problems.items[0]).toMatchObject({ file: "data/tables/demo.resource.yaml", line: 9, field: "notes_ko" });
    expect(problems.items[0]!.message).toContain("one entry per entry of notes");
  });

  it("accepts as many Korean notes as English ones, or none", () => {
    for (const notes of ['notes: ["One.", "Two."]\nnotes_ko: ["하나.", "둘."]', 'notes: ["One."]', ""]) {
      const problems = new ProblemList();
      expect(parseDescriptor(descriptor(notes), "demo.resource.yaml", problems), notes).toBeDefined();
      expect(problems.items).toEqual([]);
    }
  });

  let project: FixtureProject | undefined;
  afterEach(() => project?.remove());

  it("categories must label every value of the enum, and no other", () => {
    project = fixtureProject({ withRaw: false });
    const file = "data/tables/gangbuk-design-timeline.resource.yaml";
    const path = join(project.root, file);
    const text = readFileSync(path, "utf8");
    const edited = text.replace(
      "        - { value: unknown, label: status not known, label_ko: 미상 }\n",
      "        - { value: unsure, label: unsure, label_ko: 미정 }\n",
    );
    expect(edited).not.toBe(text);
    writeFileSync(path, edited);
    const problems = new ProblemList();
    loadDescriptors(project.root, problems);
    const messages = problems.items.filter((p) => p.file === file).map((p) => `${p.line}:${p.field} ${p.message}`);
    const line = edited.split("\n").indexOf("    - name: status") + 1;
    expect(messages).toEqual([
      `${line}:status the categories of "status" name "unsure", not in its enum`,
      `${line}:status the categories of "status" give no label for "unknown"`,
    ]);
  });
});

describe("the repository's data has its Korean text", () => {
  const problems = new ProblemList();
  const descriptors = loadDescriptors(ROOT, problems);

  it("loads without a problem", () => {
    expect(problems.items).toEqual([]);
    expect(descriptors.length).toBeGreaterThanOrEqual(18);
  });

  it("every field with a unit has a Korean unit", () => {
    const missing = descriptors.flatMap((d) =>
      d.descriptor.schema.fields.filter((f) => f.unit && !f.unit_ko).map((f) => `${d.file}: ${f.name} (${f.unit})`),
    );
    expect(missing).toEqual([]);
  });

  it("every dataset with caveats has them in Korean, one for one", () => {
    for (const d of descriptors) {
      if (!d.descriptor.notes?.length) continue;
      expect(d.descriptor.notes_ko?.length, d.file).toBe(d.descriptor.notes.length);
    }
  });

  it("every enumerated field that names its values names them in Korean", () => {
    for (const d of descriptors)
      for (const f of d.descriptor.schema.fields)
        for (const c of f.categories ?? []) expect(c.label_ko.trim(), `${d.file}: ${f.name} = ${c.value}`).not.toBe("");
  });

  it("every English text column a reader sees has a Korean column beside it, filled on the same rows", () => {
    // Text columns with no Korean twin, and why: ids and source ids; a source's own words
    // (as_stated, as_printed), which a translation would misquote; text already in Korean.
    const notTranslated = new Set(["id", "source", "coord_source", "as_stated", "as_printed"]);
    const alreadyKorean = new Set(["ghg-targets.plan", "g-valley-anchors.address", "district-offices.address", "districts.sig_cd"]);
    const checked: string[] = [];
    for (const d of descriptors) {
      if (!d.data) continue;
      const table = parseCsv(readFileSync(join(ROOT, d.data), "utf8"), d.data, new ProblemList());
      const fields = d.descriptor.schema.fields;
      const has = (name: string) => fields.some((f) => f.name === name);
      for (const f of fields) {
        const column = columnOf(f);
        if (!column || f.type !== "string" || f.name.endsWith("_ko") || notTranslated.has(f.name)) continue;
        if (alreadyKorean.has(`${d.descriptor.name}.${f.name}`) || /(^|_)code$/.test(f.name)) continue;
        if (f.name.endsWith("_en") && has(f.name.replace(/_en$/, "_ko"))) continue;
        if (f.constraints?.enum) {
          // An enumeration is named in Korean by its categories (source ids excepted).
          if (!f.checks?.includes("source-ids")) expect(f.categories, `${d.file}: ${f.name} has no categories`).toBeDefined();
          continue;
        }
        const ko = fields.find((g) => g.name === `${f.name}_ko`);
        expect(ko, `${d.file}: ${f.name} has no ${f.name}_ko`).toBeDefined();
        for (const row of table.rows) {
          const english = (row.values[column] ?? "").trim();
          const korean = (row.values[columnOf(ko!)!] ?? "").trim();
          expect(Boolean(korean), `${d.data}:${row.line}: ${f.name} is ${english ? "filled" : "empty"}, ${f.name}_ko is not`).toBe(
            Boolean(english),
          );
        }
        checked.push(`${d.descriptor.name}.${f.name}`);
      }
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        "policy-milestones.milestone",
        "policy-facts.fact",
        "s-valley-metrics.metric",
        "ghg-gu.notes",
        "s-valley-sites.address",
      ]),
    );
  });

  it("every derived English label has a Korean twin", () => {
    for (const d of descriptors)
      for (const f of d.descriptor.schema.fields)
        if (f.derived && "template" in f.derived && !f.name.endsWith("_ko"))
          expect(
            d.descriptor.schema.fields.some((g) => g.name === `${f.name}_ko`),
            `${d.file}: ${f.name}`,
          ).toBe(true);
  });

  it("every correction is written in Korean too", () => {
    const list = parseCorrections(readFileSync(join(ROOT, "data/corrections.yaml"), "utf8"));
    for (const c of list) {
      expect(c.wrong_ko, `${c.id} wrong_ko`).toMatch(/[가-힣]/);
      expect(c.now_ko, `${c.id} now_ko`).toMatch(/[가-힣]/);
    }
  });
});

describe("the repository's data lacks no text in either edition", () => {
  it("no row, unit, description or caveat is missing in Korean or in English", () => {
    const descriptors = loadDescriptors(ROOT, new ProblemList());
    const gaps = descriptors.flatMap((d) =>
      translationGaps(d, d.data ? parseCsv(readFileSync(join(ROOT, d.data), "utf8"), d.data, new ProblemList()) : undefined),
    );
    expect(gaps.map((g) => `${g.file}:${g.line ?? ""}:${g.field} ${g.message}`)).toEqual([]);
  });
});

describe("a data run: what the Korean edition's figures read", () => {
  let project: FixtureProject | undefined;
  afterEach(() => project?.remove());

  const generated = (root: string) => ({
    manifest: JSON.parse(readFileSync(join(root, "generated/manifest.json"), "utf8")) as Manifest,
    rows: (name: string) => {
      const table = parseCsv(readFileSync(join(root, `generated/${name}.csv`), "utf8"), name, new ProblemList());
      return new Map(table.rows.map((r) => [r.values.id ?? r.values.code ?? "", r.values]));
    },
  });

  it("gives the manifest Korean titles, labels, units, descriptions and caveats, and rows their Korean text", async () => {
    project = fixtureProject();
    await runPipeline({ root: project.root });
    const { manifest, rows } = generated(project.root);

    const metrics = manifest.datasets["s-valley-metrics"]!;
    expect(metrics.title_ko).toBe("숫자로 본 관악S밸리");
    expect(metrics.description_ko).toMatch(/[가-힣]/);
    expect(metrics.notes_ko).toHaveLength(metrics.notes!.length);
    expect(metrics.label_field).toBe("metric");
    expect(metrics.label_field_ko).toBe("metric_ko");
    const field = (info: typeof metrics, name: string) => info.fields.find((f) => f.name === name)!;
    expect(field(metrics, "metric")).toMatchObject({ label: "Metric", ko_field: "metric_ko" });
    expect(field(metrics, "metric_ko")).toMatchObject({ label_ko: "지표" });
    expect(field(metrics, "unit")).toMatchObject({ ko_field: "unit_ko" });
    expect(field(metrics, "date")).toMatchObject({ description_ko: "출처가 밝힌 정밀도(연, 월 또는 일)로 적은 날짜" });
    expect(field(metrics, "kind").categories).toContainEqual({ value: "target", label: "target", label_ko: "목표" });
    expect(field(manifest.datasets.districts!, "density_2010")).toMatchObject({ unit: "people per km²", unit_ko: "명/㎢" });
    expect(field(manifest.datasets.dong!, "gu_name_en")).toMatchObject({ ko_field: "gu_name_ko" });
    // Every dataset built from a descriptor has its Korean title, and no text is missing.
    for (const info of Object.values(manifest.datasets)) {
      expect(info.title_ko, info.name).toMatch(/[가-힣]/);
      expect(info.translation_gaps, info.name).toBeUndefined();
    }

    const jobs = rows("s-valley-metrics").get("2023-target-jobs")!;
    expect([jobs.metric_ko, jobs.unit_ko, jobs.label_ko]).toEqual(["일자리 창출", "명", "일자리 창출 (목표, 2023년)"]);
    expect(rows("s-valley-metrics").get("2024-05-tenant-firms")!.label_ko).toBe("입주기업 (보도 수치, 2024년 5월)");
    expect(rows("s-valley-sites").get("snu-research-park")!.gu_name_ko).toBe("관악구");
    expect(rows("venture-districts").get("hongneung-wolgok")!.gu_names_ko).toBe("동대문구;성북구");
    expect(rows("census-seoul").get("2010-korean-nationals")!.label_ko).toBe("2010년 인구주택총조사: 내국인");
    // Dong and their gu in Korean, from the boundary file's own names.
    expect(rows("dong").get("1121071")).toMatchObject({ gu_name_ko: "관악구" });
  });

  it("lists text one edition lacks with file and line, in the data run's log and the build report, and goes on", async () => {
    project = fixtureProject();
    const metricsCsv = "data/tables/s-valley-metrics.csv";
    const factsCsv = "data/tables/policy-facts.csv";
    const sitesDescriptor = "data/sites/s-valley-sites.resource.yaml";
    const edit = (file: string, change: (text: string) => string) => {
      const path = join(project!.root, file);
      const before = readFileSync(path, "utf8");
      const after = change(before);
      expect(after).not.toBe(before);
      writeFileSync(path, after);
      return after;
    };
    const lineOf = (text: string, start: string) => text.split("\n").findIndex((l) => l.startsWith(start)) + 1;
    // A row written in English only, one in Korean only, and a unit without its Korean.
    const metrics = edit(metricsCsv, (t) => t.replace("jobs created,일자리 창출,", "jobs created,,"));
    const facts = edit(factsCsv, (t) => t.replace("For early-stage companies that struggle to attract investment.", ""));
    edit(sitesDescriptor, (t) => t.replace("      unit_ko: ㎡\n", ""));

    const log: string[] = [];
    await runPipeline({ root: project.root, log: (line) => log.push(line) });
    const { manifest } = generated(project.root);

    const jobsLine = lineOf(metrics, "2023-target-jobs,");
    const fundLine = lineOf(facts, "s-valley-support-fund,");
    expect(manifest.datasets["s-valley-metrics"]!.translation_gaps).toEqual([
      expect.objectContaining({ file: metricsCsv, line: jobsLine, field: "metric_ko", missing: "ko" }),
    ]);
    expect(manifest.datasets["policy-facts"]!.translation_gaps).toEqual([
      expect.objectContaining({ file: factsCsv, line: fundLine, field: "notes", missing: "en" }),
    ]);
    expect(manifest.datasets["s-valley-sites"]!.translation_gaps).toEqual([
      expect.objectContaining({ file: sitesDescriptor, field: "floor_area_m2", missing: "ko" }),
    ]);
    expect(log).toContainEqual(expect.stringContaining("s-valley-metrics: read 17, kept 17 rows, rejected 0"));
    expect(log).toContainEqual(expect.stringContaining("1 text missing in Korean"));
    expect(log).toContainEqual(
      `  ${metricsCsv}:${jobsLine}:metric_ko — metric is filled but metric_ko is empty: the Korean edition shows the English text`,
    );

    const report = collectBuildReport({ root: project.root, manifest, figures: [], results: [], weights: [], preview: true });
    const missing = report.warnings.filter((w) => w.code.startsWith("missing-"));
    expect(missing.map((w) => `${w.code} ${w.file}:${w.line ?? ""}:${w.field}`).sort()).toEqual(
      [
        `missing-english-text ${factsCsv}:${fundLine}:notes`,
        `missing-korean-text ${metricsCsv}:${jobsLine}:metric_ko`,
        `missing-korean-text ${sitesDescriptor}:${missing.find((w) => w.field === "floor_area_m2")?.line}:floor_area_m2`,
      ].sort(),
    );
    expect(missing.find((w) => w.field === "floor_area_m2")!.line).toBeGreaterThan(1);
  });
});
