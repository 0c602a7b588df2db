/**
 * `use:` on a Korean page: the figure of that id, defined in an English story, drawn in
 * Korean (its spec's `_ko` texts, the data's Korean labels) under the same id:
 *
 *     ```figure
 *     use: gwanak-promotion-districts
 *     ```
 *
 * A scrolly reuses the English scrolly's states with the Korean page's step texts, one
 * for each English step:
 *
 *     ```scrolly
 *     use: seoul-at-a-glance-1
 *     steps:
 *       - text: 서울에는 25개 자치구가 있다.
 *       - text: …
 *     ```
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument } from "yaml";
import { type Problem, ProblemError } from "../../scripts/lib/problems.ts";
import type { FigureBlock } from "./render.ts";
import type { StepTexts } from "./scrolly.ts";
import { type ParsedSpec, parseSpecYaml, suggest } from "./spec.ts";

export interface UseDirective {
  id: string;
  /** The Korean step texts of a ```scrolly. */
  steps?: StepTexts[];
  spec: ParsedSpec;
}

/** The `use:` of a block, or undefined when the block is a spec of its own. Cheap: most blocks are not. */
export function useDirective(block: FigureBlock): UseDirective | undefined {
  if (!/^use\s*:/m.test(block.body)) return undefined;
  const { spec, problems } = parseSpecYaml(block.body, block.file, block.fenceLine);
  if (!spec) throw new ProblemError(problems, `The figure at ${block.file}:${block.fenceLine} cannot be built`);
  if (spec.data.use === undefined) return undefined;
  const fail = (p: Omit<Problem, "file">[]): never => {
    throw new ProblemError(
      p.map((x) => ({ file: block.file, ...x })),
      `The figure at ${block.file}:${block.fenceLine} cannot be built`,
    );
  };
  const allowed = block.scrolly ? ["use", "steps"] : ["use"];
  const extra = Object.keys(spec.data).filter((k) => !allowed.includes(k));
  if (extra.length)
    fail([
      {
        code: "figure-use-keys",
        line: spec.lineOf(extra[0]!),
        field: extra[0]!,
        message: `a figure that uses another (\`use:\`) takes ${block.scrolly ? "only `use` and `steps`" : "no other key"}, not ${extra.map((k) => `"${k}"`).join(", ")}`,
        hint: block.scrolly
          ? "The states come from the English scrolly: give only the Korean `steps:` texts, one `- text: …` for each English step."
          : "The figure's texts in Korean go in the English story's spec (`title_ko:`, `subtitle_ko:`, `notes_ko:`), see docs/figures.md.",
      },
    ]);
  if (typeof spec.data.use !== "string" || !spec.data.use.trim())
    fail([
      {
        code: "figure-use-id",
        line: spec.lineOf("use"),
        field: "use",
        message: "`use:` needs the id of a figure",
        hint: "Write the id of the English story's figure, e.g. `use: gwanak-promotion-districts` (the ids are in the English story's specs, or <story>-<n>).",
      },
    ]);
  const directive: UseDirective = { id: (spec.data.use as string).trim(), spec };
  if (block.scrolly) {
    const raw = spec.data.steps;
    const bad = (i: number) => ({
      code: "scrolly-step",
      line: spec.lineOf(["steps", i]),
      field: `steps.${i}`,
      message: `step ${i + 1} has no text`,
      hint: "Give each step a `text:` in Korean (write `text: |` and indent the lines below it for several paragraphs).",
    });
    if (!Array.isArray(raw) || !raw.length)
      fail([
        {
          code: "scrolly-no-steps",
          line: spec.lineOf(raw === undefined ? "use" : "steps"),
          field: "steps",
          message: "a scrolly that uses another needs its steps' texts",
          hint: "Write `steps:` and under it one `- text: …` (in Korean) for each step of the English scrolly, in the same order.",
        },
      ]);
    const steps = raw as unknown[];
    const problems = steps.flatMap((s, i) => {
      const step = s as Record<string, unknown> | null;
      if (!step || typeof step !== "object" || typeof step.text !== "string" || !step.text.trim()) return [bad(i)];
      const unknown = Object.keys(step).filter((k) => k !== "text" && k !== "description");
      return unknown.length
        ? [
            {
              code: "scrolly-unknown-state",
              line: spec.lineOf(["steps", i, unknown[0]!]),
              field: `steps.${i}.${unknown[0]}`,
              message: `"${unknown[0]}" in step ${i + 1}: a Korean step gives only its text (and a description)`,
              hint: "The states (highlight, zoom, value, …) come from the English scrolly; change them there.",
            },
          ]
        : [];
    });
    if (problems.length) fail(problems);
    directive.steps = steps.map((s) => {
      const step = s as { text: string; description?: unknown };
      return { text: step.text, ...(typeof step.description === "string" ? { description: step.description } : {}) };
    });
  }
  return directive;
}

/** The id a block's figure gets, read from its YAML without validating it (`id:`, else `<page>-<n>`). */
export function declaredId(block: FigureBlock, fallback: string): string {
  const doc = parseDocument(block.body, { lineCounter: new LineCounter() });
  if (isMap(doc.contents)) {
    const pair = doc.contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === "id");
    if (pair && isScalar(pair.value) && typeof pair.value.value === "string") return pair.value.value;
  }
  return fallback;
}

/** A `use:` naming no English figure: where it is, and the ids there are. */
export function unknownUse(block: FigureBlock, directive: UseDirective, ids: string[], missingStory?: string): never {
  throw new ProblemError(
    [
      {
        code: "figure-use-unknown",
        file: block.file,
        line: directive.spec.lineOf("use"),
        field: "use",
        message: missingStory
          ? `no figure of the English stories has the id "${directive.id}": the English story this page translates, ${missingStory}, is missing`
          : `no figure of the English stories has the id "${directive.id}"`,
        hint: missingStory
          ? `A Korean story draws its English story's figures. Restore ${missingStory} (git restore ${missingStory}), or if the story is withdrawn, remove its Korean version too (${block.file}).`
          : `Use the id of a figure of the English story (its \`id:\`, or <story>-<n> for the n-th figure of a story without one). Ids: ${ids.join(", ")}.${suggest(directive.id, ids)}`,
      },
    ],
    `The figure at ${block.file}:${block.fenceLine} cannot be built`,
  );
}

/** A scrolly's `use:` whose steps do not match the English scrolly's, one for one. */
export function stepCountMismatch(block: FigureBlock, directive: UseDirective, english: FigureBlock, count: number): never {
  const given = directive.steps?.length ?? 0;
  throw new ProblemError(
    [
      {
        code: "scrolly-use-steps",
        file: block.file,
        line: directive.spec.lineOf("steps"),
        field: "steps",
        message: `${given} step${given === 1 ? "" : "s"} here, but the scrolly "${directive.id}" (${english.file}:${english.fenceLine}) has ${count}`,
        hint: `Give one \`- text: …\` for each of its ${count} steps, in the same order: each Korean text goes with the English step's state.`,
      },
    ],
    `The scrolly at ${block.file}:${block.fenceLine} cannot be built`,
  );
}

/** `use:` where the kinds of fence differ: a ```figure using a scrolly, or the other way round. */
export function fenceMismatch(block: FigureBlock, directive: UseDirective, english: FigureBlock): never {
  const want = english.scrolly ? "scrolly" : "figure";
  throw new ProblemError(
    [
      {
        code: "figure-use-fence",
        file: block.file,
        line: directive.spec.lineOf("use"),
        field: "use",
        message: `"${directive.id}" is a ${want} (${english.file}:${english.fenceLine}), but this block is a ${block.scrolly ? "scrolly" : "figure"}`,
        hint: english.scrolly ? "Write it as ```scrolly with `use:` and the Korean `steps:`." : "Write it as ```figure with `use:` alone.",
      },
    ],
    `The figure at ${block.file}:${block.fenceLine} cannot be built`,
  );
}
