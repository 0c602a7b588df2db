/**
 * The YAML files people edit by hand (the corrections log, the sources, dataset descriptors):
 * a mistake names its line and says in plain words what to do, not only the parser's message.
 */
import { describe, expect, it } from "vitest";
import { parseDescriptor } from "../../scripts/lib/datasets/descriptor.ts";
import { ProblemList } from "../../scripts/lib/problems.ts";
import { parseCorrections } from "../../src/_data/corrections.ts";

const correction = (now: string) => `- date: 2026-01-05\n  type: correction\n  page: /about/\n  wrong: x\n  now: ${now}\n`;

describe("a YAML mistake in a file edited by hand", () => {
  it("a value with a colon and a space, unquoted, in the corrections log: quote it", () => {
    expect(() => parseCorrections(correction('Each share names its sector ("share of a sector: transport").'))).toThrow(
      /corrections\.yaml:5 — Nested mappings are not allowed in compact mappings.*\n {4}how to fix: A value that holds a colon followed by a space \(": "\) must be in quotes/,
    );
    // Quoted, it is read as written.
    expect(parseCorrections(correction(`'Each share names its sector ("share of a sector: transport").'`))[0]!.now).toBe(
      'Each share names its sector ("share of a sector: transport").',
    );
  });

  it("an apostrophe inside single quotes, and a quote left open: what to write instead", () => {
    expect(() => parseCorrections(correction("'Gangbuk-gu's shares'"))).toThrow(/write an apostrophe twice \('it''s'\)/);
    expect(() => parseCorrections(correction('"an open quote'))).toThrow(
      /A quote is opened and not closed \(it may be on a line above this one\)/,
    );
  });

  it("a descriptor's field key out of line: the line, and how its keys line up", () => {
    const problems = new ProblemList();
    const text = "name: x\ntitle: X\nschema:\n  fields:\n    - name: a\n      type: string\n     title: A\n";
    expect(parseDescriptor(text, "data/tables/x.resource.yaml", problems)).toBeUndefined();
    const [p] = problems.items;
    expect(p).toMatchObject({ code: "yaml-syntax", file: "data/tables/x.resource.yaml", line: 7 });
    expect(p!.hint).toContain("start each line of an entry in the same column as the one above it");
    expect(p!.hint).toContain("a field's keys six spaces in");
  });
});
