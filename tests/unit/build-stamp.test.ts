/**
 * The build's stamp (scripts/lib/build-stamp.ts) is written piece by piece, so that a
 * 10,000-story build does not hold it as one string at its end. What a build with nothing
 * to do reads back must be what the last build wrote: every file of the output, the report
 * and the terminal's lines.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { outputFileEntries, outputFiles, outputUnchanged, readStamp, writeStamp } from "../../scripts/lib/build-stamp.ts";
import { jsonPieces } from "../../scripts/lib/json-pieces.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the build stamp", () => {
  it("reads back as written: the output's files as they were read, the report and lines (quotes, Korean, line breaks)", () => {
    const root = mkdtempSync(join(tmpdir(), "atlas-stamp-"));
    dirs.push(root);
    const out = join(root, "_site");
    // More files than one piece of the writer holds (about 1 MB of JSON).
    for (let d = 0; d < 30; d++) {
      mkdirSync(join(out, "stories", `s-${d}`), { recursive: true });
      for (let f = 0; f < 700; f++) writeFileSync(join(out, "stories", `s-${d}`, `p-${f}.html`), `<p>${d} ${f}</p>`);
    }
    writeFileSync(join(out, '이름 "따옴표".html'), "한국어");
    const report = { pages: { total: 21_001 }, warnings: [{ message: 'a "quoted"\nline', hint: undefined }], none: undefined };
    const lines = ["Build report", '  1 warning: "x" — 관악S밸리', "tab\there"];
    const file = join(root, ".cache", "build", "_site.json");
    writeStamp(file, { key: "k1", files: outputFileEntries(out), pages: 21_001, report, lines });

    const stamp = readStamp<typeof report>(file)!;
    expect(stamp.key).toBe("k1");
    expect(stamp.pages).toBe(21_001);
    expect(stamp.lines).toEqual(lines);
    expect(stamp.report).toEqual(JSON.parse(JSON.stringify(report)));
    expect(Object.keys(stamp.files)).toHaveLength(30 * 700 + 1);
    // A build with nothing to do compares the output with the stamp: unchanged, then one file changed.
    expect(outputUnchanged(outputFiles(out), stamp.files)).toBe(true);
    writeFileSync(join(out, "stories", "s-3", "p-9.html"), "<p>edited, longer</p>");
    expect(outputUnchanged(outputFiles(out), stamp.files)).toBe(false);
    // Written atomically: no temporary file is left beside it.
    expect(readdirSync(join(root, ".cache", "build"))).toEqual(["_site.json"]);
  });
});

describe("JSON in pieces", () => {
  it("is the text JSON.stringify gives, at any depth: undefined members left out, undefined items null, dates as strings", () => {
    const value = {
      a: 1,
      gone: undefined,
      f: () => 1,
      text: 'quote " back\\ slash \n 관악S밸리 \u2028',
      list: [1, undefined, { x: [true, null, undefined], when: new Date(Date.UTC(2023, 2, 14)) }, [[]]],
      nested: { deeper: { deepest: [{}, { k: -0.5e-7 }] } },
      empty: {},
    };
    for (const depth of [0, 1, 2, 3, 6]) expect([...jsonPieces(value, depth)].join(""), `depth ${depth}`).toBe(JSON.stringify(value));
    expect([...jsonPieces([undefined, "x"], 2)].join("")).toBe(JSON.stringify([undefined, "x"]));
  });
  it("writes members given one at a time as an object", () => {
    function* members(): Generator<[string, unknown]> {
      yield ["a.html", [1, 2, 3]];
      yield ["b/c.html", [4, 5, 6]];
    }
    expect(JSON.parse([...jsonPieces({ files: members() })].join(""))).toEqual({ files: { "a.html": [1, 2, 3], "b/c.html": [4, 5, 6] } });
  });
});
