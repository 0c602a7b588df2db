/**
 * Scrollytelling blocks on the fixture datasets: each step's state is drawn at build time
 * (highlight, zoom, another field, a layer of points) beside its text and described in
 * words; the embed copy is the figure alone; and every mistake in a step stops the build
 * at the step's line in the story, naming what is allowed.
 */

import * as cheerio from "cheerio";
import { afterAll, describe, expect, it } from "vitest";
import { ProblemError } from "../../scripts/lib/problems.ts";
import { renderScrolly } from "../../src/figures/scrolly.ts";
import type { BarModel } from "../../src/lib/charts/bar.ts";
import { chartModelOf } from "../helpers/chart-model.ts";
import { fixtureStore } from "../helpers/figure-fixtures.ts";
import { FENCE_LINE, STORY } from "../helpers/figure-render.ts";

const fx = fixtureStore();
afterAll(() => fx.remove());

const block = (body: string) => ({ body, file: STORY, fenceLine: FENCE_LINE, pageSlug: "test", index: 1, scrolly: true });
const render = (body: string) => renderScrolly(block(body), fx.store);
/** The line in the story of the body's n-th line. */
const line = (n: number) => FENCE_LINE + n;

const MAP = `kind: choropleth
id: fixture-scrolly
dataset: areas
value: value
title: Residents by area
steps:
  - text: All the areas.
  - text: Two of them, **outlined**.
    highlight: [area-2, A4]
  - text: A zoom to one.
    zoom: area-5
  - text: Sites on top.
    points: sites
  - text: Another field.
    value: change
    description: The change, in per cent.`;

function problems(body: string): ProblemError["problems"] {
  try {
    render(body);
  } catch (error) {
    if (error instanceof ProblemError) return error.problems;
    throw error;
  }
  throw new Error("built without a problem");
}

describe("a scrolly block", () => {
  const figure = render(MAP);
  const $ = cheerio.load(figure.html.value, null, false);
  const steps = $(".scrolly__step");
  const snap = (i: number) => steps.eq(i).find(".scrolly__snapshot svg.chart");

  it("keeps the figure in a sticky part, with its steps in order, each with its text, its drawing and its state in words", () => {
    expect($("figure").attr("data-scrolly")).toBe("");
    expect($(".scrolly__sticky svg.chart .mark")).toHaveLength(6);
    expect(steps.map((_, s) => $(s).attr("data-step")).get()).toEqual(["1", "2", "3", "4", "5"]);
    expect(steps.eq(1).find(".scrolly__text strong").text()).toBe("outlined");
    steps.each((i, s) => {
      expect($(s).find(".scrolly__snapshot svg.chart")).toHaveLength(1);
      expect($(s).find(".scrolly__state").text()).toMatch(new RegExp(`^Step ${i + 1} of 5: `));
    });
    expect(steps.eq(0).find(".scrolly__state").text()).toBe("Step 1 of 5: The map shows residents.");
  });

  it("draws the highlight, the zoom, the layer and the other field of each step", () => {
    expect(
      snap(1)
        .find(".is-highlighted")
        .map((_, m) => $(m).attr("data-key"))
        .get(),
    ).toEqual(["A2", "A4"]);
    expect(snap(1).attr("class")).toContain("has-highlight");
    expect(steps.eq(1).find(".scrolly__state").text()).toBe(
      "Step 2 of 5: The map shows residents. Highlighted: Bravo-gu (브라보구), Delta-gu (델타구).",
    );
    const [, , w] = snap(2).attr("viewBox")!.split(" ").map(Number);
    expect(w).toBeLessThan(640 * 0.75);
    expect(steps.eq(2).find(".scrolly__state").text()).toContain("Zoomed in on Echo-gu (에코구).");
    // The same shapes in every state, so the browser can move between them.
    expect(snap(2).find('[data-key="A1"]').attr("d")).toBe($('.scrolly__sticky [data-key="A1"]').attr("d"));
    expect(snap(3).find(".overlay .mark.point")).toHaveLength(8);
    expect(steps.eq(3).find(".scrolly__snapshot .legend").text()).toContain("Fixture sites");
    expect(steps.eq(4).find(".scrolly__snapshot .legend__title").text()).toBe("Change (%)");
    expect(steps.eq(4).find(".scrolly__state").text()).toBe("Step 5 of 5: The change, in per cent.");
  });

  it("gives each snapshot ids of its own and no tab stops (the text and the state say what it shows)", () => {
    const ids = $("[id]")
      .map((_, e) => $(e).attr("id"))
      .get();
    expect(new Set(ids).size).toBe(ids.length);
    expect($(".scrolly__snapshot [tabindex], .scrolly__snapshot [role]")).toHaveLength(0);
    expect($(".scrolly__snapshot").attr("aria-hidden")).toBe("true");
  });

  it("cites what every step draws, and embeds as its stills: each step's text, then its own drawing", () => {
    expect(figure.datasets).toContain("sites");
    const e = cheerio.load(figure.embedHtml.value, null, false);
    const $page = cheerio.load(figure.html.value, null, false);
    // No scrolling code in a frame: the steps one after another, each with the drawing of its state.
    expect(e("figure").attr("data-scrolly")).toBeUndefined();
    expect(e("figure").attr("data-scrolly-stills")).toBe("");
    expect(e("figure .scrolly__sticky, figure .figure__graphic")).toHaveLength(0);
    const steps = e(".scrolly__step");
    expect(steps).toHaveLength($page(".scrolly__step").length);
    steps.each((i, step) => {
      expect(e(step).children().first().hasClass("scrolly__text")).toBe(true);
      expect(e(step).find(".scrolly__snapshot svg.chart").html()).toBe($page(".scrolly__snapshot svg.chart").eq(i).html());
    });
  });

  it("moves a bar chart between highlights, with each state's model for the browser", () => {
    const bars = render(
      "kind: bar\ndataset: areas\nvalue: value\ntitle: Ranked\nsteps:\n  - text: All.\n  - text: One.\n    highlight: [area-3]",
    );
    const b = cheerio.load(bars.html.value, null, false);
    const models = b(".scrolly__snapshot")
      .map((_, s) => chartModelOf(b.html(s)))
      .get() as BarModel[];
    expect(models).toHaveLength(2);
    expect(models[1]!.rows.filter((r) => r.highlighted).map((r) => r.key)).toEqual(["A3"]);
  });
});

describe("a mistake in a step stops the build at the step's line", () => {
  it("an unknown state, with the states a step may set", () => {
    const [p] = problems("kind: choropleth\ndataset: areas\nvalue: value\ntitle: T\nsteps:\n  - text: One.\n    colour: red");
    expect(p).toMatchObject({ code: "scrolly-unknown-state", file: STORY, line: line(7), field: "steps.0.colour" });
    expect(p!.message).toBe('unknown state "colour" in step 1');
    expect(p!.hint).toContain("highlight, zoom, value, where, points, frame");
  });

  it("a district (area) that does not exist", () => {
    const [p] = problems(
      "kind: choropleth\ndataset: areas\nvalue: value\ntitle: T\nsteps:\n  - text: One.\n  - text: Two.\n    highlight: [area-9]",
    );
    expect(p).toMatchObject({ code: "spec-unknown-value", line: line(8), field: "highlight.0" });
    expect(p!.hint).toContain("area-2");
  });

  it("a field that does not exist, or is not a number", () => {
    const [p] = problems("kind: choropleth\ndataset: areas\nvalue: value\ntitle: T\nsteps:\n  - text: One.\n    value: valeu");
    expect(p).toMatchObject({ code: "spec-unknown-field", line: line(7), field: "value" });
    expect(p!.hint).toContain('Did you mean "value"?');
  });

  it("a zoom outside Seoul, and a state the figure's kind does not have", () => {
    const [box] = problems(
      "kind: choropleth\ndataset: areas\nvalue: value\ntitle: T\nsteps:\n  - text: One.\n    zoom: [120, 30, 121, 31]",
    );
    expect(box).toMatchObject({ code: "spec-invalid-value", line: line(7), field: "zoom" });
    const [zoomBar] = problems("kind: bar\ndataset: areas\nvalue: value\ntitle: T\nsteps:\n  - text: One.\n    zoom: area-2");
    expect(zoomBar).toMatchObject({ code: "spec-unknown-key", line: line(7), field: "zoom" });
  });

  it("a step without text, no steps, and a kind a scrolly cannot move", () => {
    expect(problems("kind: choropleth\ndataset: areas\nvalue: value\ntitle: T\nsteps:\n  - highlight: [A1]")[0]).toMatchObject({
      code: "scrolly-step",
      line: line(6),
    });
    expect(problems("kind: choropleth\ndataset: areas\nvalue: value\ntitle: T")[0]).toMatchObject({ code: "scrolly-no-steps" });
    expect(problems("kind: line\ndataset: series\nx: year\ny: total\ntitle: T\nsteps:\n  - text: One.")[0]).toMatchObject({
      code: "scrolly-kind",
      line: line(1),
    });
  });

  it("says where in the message a journalist reads", () => {
    try {
      render("kind: choropleth\ndataset: areas\nvalue: value\ntitle: T\nsteps:\n  - text: One.\n    colour: red");
    } catch (error) {
      expect((error as Error).message).toContain(`The scrolly at ${STORY}:${FENCE_LINE} cannot be built (1 problem):`);
      expect((error as Error).message).toContain(`${STORY}:${line(7)}:steps.0.colour — unknown state "colour" in step 1`);
      return;
    }
    throw new Error("built");
  });
});
