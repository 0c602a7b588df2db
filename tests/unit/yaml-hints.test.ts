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
  });

  it("a quote left open: named at the line where it opens, not where the parser gave up", () => {
    // The open quote swallows the lines below it, the next entry too: the parser notices at the end of the file.
    const text = `${correction('"an open quote')}${correction("A second entry.")}`;
    let message = "";
    try {
      parseCorrections(text);
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(
      /corrections\.yaml:5 — the value in double quotes that opens on this line is not closed \(the parser read on to line 11\)\n {4}how to fix: Close the quote where the value ends\. Inside double quotes, write \\" for a quote mark\./,
    );
    // In a descriptor, a single quote: its own advice.
    const problems = new ProblemList();
    const descriptor = "name: x\ntitle: 'Gangbuk-gu''s design\ndescription: y\nschema:\n  fields:\n    - name: a\n      type: string\n";
    expect(parseDescriptor(descriptor, "data/tables/x.resource.yaml", problems)).toBeUndefined();
    expect(problems.items[0]).toMatchObject({
      line: 2,
      message: "the value in single quotes that opens on this line is not closed (the parser read on to line 8)",
    });
    expect(problems.items[0]!.hint).toContain("write an apostrophe twice: 'it''s'");
    // A quote closed on a later line is a value on several lines, not a mistake.
    expect(parseCorrections(correction('"a value\n    on two lines."'))[0]!.now).toBe("a value on two lines.");
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
