/**
 * Scrollytelling from Markdown: a ```scrolly block is a figure's spec plus `steps`, each a
 * text (Markdown) and the state of the figure while the reader reads it — areas or rows
 * highlighted, a zoom to an area or a box, another field or year, a layer of points:
 *
 *     kind: choropleth
 *     dataset: districts
 *     value: density_2010
 *     title: Population density by district, 2010
 *     steps:
 *       - text: Seoul has 25 districts.
 *       - text: The densest is Yangcheon-gu.
 *         highlight: [yangcheon-gu]
 *         zoom: yangcheon-gu
 *
 * A step's state is the figure's spec with the step's keys on top (a key the step leaves
 * out comes from the figure, never from the step before). Each state is checked like a
 * figure, with the problems at the step's lines, and drawn at build time: the snapshot
 * beside each step's text is what readers without JavaScript see, and what the page's
 * script (src/assets/scrolly.ts) moves the figure to as the steps scroll past.
 */
import MarkdownIt from "markdown-it";
import { type Problem, ProblemError } from "../../scripts/lib/problems.ts";
import { html, raw, type SafeHtml } from "../lib/html.ts";
import { DEFAULT_LANG, fill, type Lang } from "../lib/i18n/index.ts";
import { SCROLLY_STRINGS } from "../lib/i18n/scrolly.ts";
import type { DatasetStore } from "./datasets.ts";
import { figureHtmls } from "./furniture.ts";
import {
  type FigureBlock,
  figureId,
  furnitureOf,
  type RenderedFigure,
  renderedFigure,
  renderFigure,
  renderParts,
  validateSpec,
} from "./render.ts";
import { type ParsedSpec, parseSpecYaml, pathOf, type SpecPath, suggest } from "./spec.ts";
import type { FigureParts, FigureView } from "./types.ts";

/** The states a step can set (those its figure's kind has). */
export const STEP_STATES = ["highlight", "zoom", "value", "where", "points", "frame"] as const;
const STEP_KEYS = ["text", "description", ...STEP_STATES];
/** The kinds a scrolly can move between states. */
export const SCROLLY_KINDS = ["choropleth", "points", "bar"];

interface Step {
  text: string;
  description?: string;
  state: Record<string, unknown>;
}

/** A step's texts in another language (a Korean page's `use:`), one for each step of the figure. */
export interface StepTexts {
  text: string;
  description?: string;
}

/** A ```figure or a ```scrolly block, rendered in its page's language. */
export function renderBlock(block: FigureBlock, store: DatasetStore, steps?: StepTexts[]): RenderedFigure {
  return block.scrolly ? renderScrolly(block, store, block.lang ?? DEFAULT_LANG, steps) : renderFigure(block, store);
}

function specOf(data: Record<string, unknown>, lineOf: (path: SpecPath) => number): ParsedSpec {
  const get = (path: SpecPath) => {
    let v: unknown = data;
    for (const seg of pathOf(path)) v = v && typeof v === "object" ? (v as Record<string | number, unknown>)[seg] : undefined;
    return v;
  };
  return { data, lineOf, get };
}

/** The steps of a parsed scrolly, or the problems of their shape (not yet of their states). */
function readSteps(spec: ParsedSpec, block: FigureBlock): { steps: Step[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const add = (path: SpecPath, code: string, message: string, hint: string) =>
    problems.push({ code, file: block.file, line: spec.lineOf(path), field: pathOf(path).join("."), message, hint });
  const kind = spec.data.kind;
  if (typeof kind === "string" && !SCROLLY_KINDS.includes(kind))
    add(
      "kind",
      "scrolly-kind",
      `a scrolly cannot move a ${kind} figure between states`,
      `Kinds a scrolly can use: ${SCROLLY_KINDS.join(", ")}.`,
    );
  const raw = spec.data.steps;
  const example = "Write `steps:` and under it one `- text: …` per step, with the states it sets, e.g. `highlight: [gwanak-gu]`.";
  if (raw === undefined) {
    add([], "scrolly-no-steps", "a scrolly block needs steps", example);
    return { steps: [], problems };
  }
  if (!Array.isArray(raw) || raw.length === 0) {
    add("steps", "scrolly-no-steps", "`steps` must be a list of steps", example);
    return { steps: [], problems };
  }
  const steps: Step[] = [];
  raw.forEach((item, i) => {
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      add(["steps", i], "scrolly-step", `step ${i + 1} is not a list of keys`, example);
      return;
    }
    const step = item as Record<string, unknown>;
    for (const key of Object.keys(step)) {
      if (!STEP_KEYS.includes(key))
        add(
          ["steps", i, key],
          "scrolly-unknown-state",
          `unknown state "${key}" in step ${i + 1}`,
          `A step has a text and may set: ${STEP_STATES.join(", ")} (those its figure's kind has), and a description.${suggest(key, STEP_KEYS)}`,
        );
    }
    if (typeof step.text !== "string" || !step.text.trim()) {
      add(
        ["steps", i],
        "scrolly-step",
        `step ${i + 1} has no text`,
        "Give each step a `text:` (Markdown; write `text: |` and indent the lines below it for several paragraphs).",
      );
      return;
    }
    if (step.description !== undefined && typeof step.description !== "string")
      add(["steps", i, "description"], "spec-invalid-value", `the description of step ${i + 1} is not a text`, "Write one sentence.");
    const state = Object.fromEntries(STEP_STATES.filter((k) => k in step).map((k) => [k, step[k]]));
    steps.push({ text: step.text, ...(typeof step.description === "string" ? { description: step.description } : {}), state });
  });
  return { steps, problems };
}

/** What a state shows, in words. */
export function describeState(view: FigureView | undefined, map: boolean, lang: Lang = DEFAULT_LANG): string {
  if (!view) return "";
  const t = SCROLLY_STRINGS[lang];
  // "Population density" reads "population density" mid-sentence; "CO₂ …", "SEMAS …" and names of
  // people or places ("Korean nationals", "Seoul …") stay as they are.
  const proper = /^(Korean|Seoul|Korea)\b/.test(view.field);
  const field = !proper && /^\p{Lu}\p{Ll}/u.test(view.field) ? view.field[0]!.toLowerCase() + view.field.slice(1) : view.field;
  return [
    fill(map ? t.map : t.chart, { field }),
    view.highlighted.length ? fill(t.highlighted, { names: view.highlighted.join(", ") }) : "",
    view.zoom === undefined ? "" : view.zoom ? fill(t.zoomedTo, { name: view.zoom }) : t.zoomedBox,
    view.layer ? fill(t.layer, { layer: view.layer }) : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/**
 * A state's SVG as a still picture: the marks lose their tab stops, roles and labels (the
 * step's text and the state's description say what it shows), its ids stay its own.
 */
function snapshot(graphic: SafeHtml): SafeHtml {
  // Nor tooltip anchors (data-x, data-y): the live drawing keeps its own.
  return raw(graphic.value.replace(/ (tabindex|role|aria-label|data-x|data-y)="[^"]*"/g, ""));
}

let markdown: MarkdownIt | undefined;

/** A scrolly; `texts` replace its steps' texts (a Korean page's steps over the English states). */
export function renderScrolly(
  block: FigureBlock,
  store: DatasetStore,
  lang: Lang = block.lang ?? DEFAULT_LANG,
  texts?: StepTexts[],
): RenderedFigure {
  const fail = (problems: Problem[]): never => {
    throw new ProblemError(problems, `The scrolly at ${block.file}:${block.fenceLine} cannot be built`);
  };
  const { spec, problems } = parseSpecYaml(block.body, block.file, block.fenceLine);
  if (!spec) return fail(problems);
  const { steps: written, problems: stepProblems } = readSteps(spec, block);
  if (stepProblems.length) return fail(stepProblems);
  // A step's description is a text of the page's language too: the English one only on English pages.
  const steps = texts
    ? written.map((s, i) => ({
        state: s.state,
        text: texts[i]?.text ?? s.text,
        ...(texts[i]?.description ? { description: texts[i]!.description } : {}),
      }))
    : lang === "en"
      ? written
      : written.map(({ description: _, ...s }) => s);

  const { steps: _, ...baseData } = spec.data;
  const validated = validateSpec({ ...block, lang }, specOf(baseData, spec.lineOf), store);
  const id = figureId(block, validated.spec);
  // A map that zooms in keeps a decimal in its paths, in every state (the shapes must match to move).
  const digits = [baseData, ...steps.map((s) => s.state)].some((d) => d.zoom !== undefined) ? 1 : 0;
  const parts = renderParts(block, validated, store, id, { digits });
  const isMap = !!parts.map;

  const states: { step: Step; parts: FigureParts }[] = steps.map((step, i) => {
    const data = { ...baseData, ...step.state };
    // The step's own keys are checked at the step's lines, the others at the figure's.
    const lineOf = (path: SpecPath) => {
      const p = pathOf(path);
      return typeof p[0] === "string" && p[0] in step.state ? spec.lineOf(["steps", i, ...p]) : spec.lineOf(path);
    };
    const v = validateSpec({ ...block, lang }, specOf(data, lineOf), store);
    return { step, parts: renderParts(block, v, store, `${id}-s${i + 1}`, { digits, line: spec.lineOf(["steps", i]) }) };
  });

  markdown ??= new MarkdownIt({ html: true, typographer: true });
  const t = SCROLLY_STRINGS[lang];
  const stepsHtml = html`<ol class="scrolly__steps">
${states.map(({ step, parts: p }, i) => {
  const chart = p.graphicAttrs?.["data-chart"];
  return html`<li class="scrolly__step" id="${id}-step-${i + 1}" data-step="${i + 1}">
<div class="scrolly__text">${raw(markdown!.render(step.text))}</div>
<div class="scrolly__snapshot" aria-hidden="true"${chart ? html` data-chart="${chart}"` : ""}>${p.legend ?? ""}${snapshot(p.graphic)}</div>
<p class="scrolly__state">${fill(t.step, { n: i + 1, total: states.length })}: ${step.description ?? describeState(p.view, isMap, lang)}</p>
</li>
`;
})}</ol>`;

  const furniture = furnitureOf(
    block,
    validated,
    store,
    id,
    parts,
    states.flatMap((s) => s.parts.cites),
  );
  return renderedFigure(block, validated, furniture, figureHtmls({ ...furniture, scrolly: stepsHtml }));
}
