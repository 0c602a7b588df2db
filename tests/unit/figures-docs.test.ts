/** Every example spec (figures and scrollies) in docs/figures.md and docs/writing-a-story.md builds, on the real data. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetStore } from "../../src/figures/datasets.ts";
import { KINDS } from "../../src/figures/registry.ts";
import { renderBlock } from "../../src/figures/scrolly.ts";
import { figureBlocks } from "../../src/figures/site-figures.ts";
import { GENERATED, ROOT } from "../helpers/paths.ts";

const reference = readFileSync(join(ROOT, "docs/figures.md"), "utf8");
const blocks = figureBlocks(reference, "docs/figures.md", "readme");
const store = new DatasetStore(GENERATED);

describe("docs/figures.md", () => {
  it("has a working example of every kind", () => {
    const kinds = new Set(blocks.map((b) => /kind: (\S+)/.exec(b.body)?.[1]));
    expect([...kinds].sort()).toEqual(Object.keys(KINDS).sort());
  });

  it("has a working scrollytelling example", () => {
    expect(blocks.filter((b) => b.scrolly)).toHaveLength(1);
  });

  it.each(blocks.map((b) => [b.body.split("\n")[0], b] as const))("%s … builds", (_, block) => {
    expect(() => renderBlock(block, store)).not.toThrow();
  });
});

/** The journalists' examples sit inside ````markdown blocks (so that the fence shows): their inner figures. */
const writing = readFileSync(join(ROOT, "docs/writing-a-story.md"), "utf8");
const examples = [...writing.matchAll(/^````markdown\n([\s\S]*?)^````$/gm)].flatMap((m) =>
  figureBlocks(m[1]!, "docs/writing-a-story.md", "writing"),
);

describe("docs/writing-a-story.md", () => {
  it("shows an example of every kind", () => {
    expect([...new Set(examples.map((b) => /kind: (\S+)/.exec(b.body)?.[1]))].sort()).toEqual(Object.keys(KINDS).sort());
  });

  it.each(examples.map((b) => [b.body.split("\n")[0], b] as const))("%s … builds", (_, block) => {
    expect(() => renderBlock(block, store)).not.toThrow();
  });
});
