/**
 * Streaming a SYNTHETIC 100,000-row file in SEMAS's column layout (generated here, in a
 * temporary folder, never committed): every store lands in the dong it was placed in,
 * broken rows are counted and the first ones reported with file, line and field.
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SyntheticSemas, writeSyntheticSemas } from "../../scripts/bench/semas-synthetic.ts";
import { runPipeline } from "../../scripts/lib/pipeline.ts";
import { ProblemError } from "../../scripts/lib/problems.ts";
import { createProgress } from "../../scripts/lib/progress.ts";
import { type FixtureProject, fixtureProject } from "../helpers/fixture-project.ts";
import { GENERATED } from "../helpers/paths.ts";

const dong = JSON.parse(readFileSync(join(GENERATED, "dong.geojson"), "utf8")) as FeatureCollection<
  Polygon | MultiPolygon,
  { code: string }
>;
const ROWS = 100_000;

let project: FixtureProject | undefined;
afterEach(() => project?.remove());

/** A fixture project whose bibliography describes the synthetic file (test data only). */
function projectWithSemasSource(): FixtureProject {
  const p = fixtureProject();
  appendFileSync(
    join(p.root, "data", "sources.yaml"),
    `
- id: semas-store-info
  publisher: Test fixture
  title: Synthetic store file in the SEMAS column layout (test data, not real)
  url: https://example.org/synthetic
  published: 2026
  language: ko
  licence: test data
  type: CODE
`,
  );
  return p;
}

describe("npm run data -- --semas <file>", () => {
  let file: string;
  let synthetic: SyntheticSemas;
  let fileDir: FixtureProject;
  beforeAll(async () => {
    fileDir = fixtureProject({ withRaw: false });
    file = join(fileDir.root, "semas-synthetic.csv");
    synthetic = await writeSyntheticSemas(file, dong.features, { rows: ROWS, seed: 3, brokenShare: 0.02 });
    return () => fileDir.remove();
  });

  it("counts the stores of every dong exactly, and rejects and reports broken rows without stopping", async () => {
    project = projectWithSemasSource();
    const lines: string[] = [];
    const progress: string[] = [];
    const { manifest } = await runPipeline({
      root: project.root,
      semas: { file },
      log: (l) => lines.push(l),
      progress: () => ({ start: () => progress.push("start"), update: () => progress.push("update"), stop: () => progress.push("stop") }),
    });
    const info = manifest.datasets["semas-stores-dong"]!;
    const broken = Object.values(synthetic.broken).reduce((a, b) => a + b, 0);
    expect(broken).toBeGreaterThan(1000);
    expect(info).toMatchObject({ kind: "polygons", rows_read: ROWS, rows_rejected: broken, join_coverage: 1 });
    expect(info.sources).toEqual(["semas-store-info", "seoul-maps-kostat-2013"]);

    const rows = parse(readFileSync(join(project.root, "generated", "semas-stores-dong.csv"), "utf8"), { columns: true }) as Record<
      string,
      string
    >[];
    const counted = new Map(rows.map((r) => [r.code, Number(r.stores)]));
    expect(dong.features.map((f) => counted.get(f.properties.code))).toEqual([...synthetic.perDong]);

    const gu = parse(readFileSync(join(project.root, "generated", "semas-stores-gu.csv"), "utf8"), { columns: true }) as Record<
      string,
      string
    >[];
    expect(gu).toHaveLength(25);
    expect(gu.reduce((s, r) => s + Number(r.stores), 0)).toBe(ROWS - broken);

    // The summary counts the rejections by kind and shows the first ones with file:line:field.
    const summary = lines.find((l) => l.startsWith("semas:"))!;
    expect(summary).toContain(`${ROWS} rows read, ${ROWS - broken} kept, ${broken} rejected`);
    expect(summary).toContain(`swapped-lat-lon ${synthetic.broken["swapped-lat-lon"]}`);
    const first = synthetic.brokenLines[0]!;
    const shownFile = file.startsWith(project.root) ? file.slice(project.root.length + 1) : file;
    expect(lines.some((l) => l.includes(`rejected ${shownFile}:${first.line}:`))).toBe(true);
    const swapped = synthetic.brokenLines.find((b) => b.kind === "swapped-lat-lon")!;
    expect(lines.find((l) => l.includes(`:${swapped.line}:위도`))).toContain("look swapped");
    expect(progress[0]).toBe("start");
    expect(progress.at(-1)).toBe("stop");
  });

  it("stops with file, line and column when the file lacks a SEMAS column", async () => {
    project = projectWithSemasSource();
    const bad = join(project.root, "no-coordinates.csv");
    writeFileSync(bad, "상가업소번호,상호명,상권업종대분류명,위도\nA1,가게,음식,37.5\n");
    const error = (await runPipeline({ root: project.root, semas: { file: bad } }).catch((e) => e)) as ProblemError;
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.message).toContain('no-coordinates.csv:1:경도 — the header has no column "경도"');
  });

  it("needs a source entry for the file before it reads it", async () => {
    project = fixtureProject();
    const error = (await runPipeline({ root: project.root, semas: { file } }).catch((e) => e)) as ProblemError;
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.message).toContain('the SEMAS file needs the source id "semas-store-info"');
  });
});

describe("the progress bar", () => {
  it("is drawn on a terminal only, so CI logs stay clean", () => {
    const fake = (isTTY: boolean) => ({ isTTY, write: () => true, columns: 80 }) as unknown as NodeJS.WriteStream;
    const previous = process.env.CI;
    delete process.env.CI;
    try {
      expect(createProgress("semas", fake(false))).toBeUndefined();
      expect(createProgress("semas", fake(true))).toBeDefined();
      process.env.CI = "1";
      expect(createProgress("semas", fake(true))).toBeUndefined();
    } finally {
      if (previous === undefined) delete process.env.CI;
      else process.env.CI = previous;
    }
  });
});
