/**
 * Scrollytelling in the browser (loaded only on pages with a scrolly). The figure stays in
 * view while the steps scroll past; the step whose top has passed 60 % of the window is
 * the active one, and the figure moves to its state, both ways. Every state was drawn at
 * build time (the snapshot beside each step, which readers without JavaScript see), so
 * moving is copying: the colours, classes and values of the areas with the same keys (CSS
 * transitions fade the colours), the viewBox animated for a zoom, the layers (labels, points)
 * swapped; a state whose shapes differ replaces the drawing with a fade. Charts are redrawn
 * from the state's model at the width they have. With `prefers-reduced-motion`, nothing
 * moves: states change at once. An interactive map the reader has opened follows too (its
 * camera, colours and highlights), through an `atlas:state` event on the graphic that
 * carries the state's drawing.
 */
import type { enhanceLegend } from "./legend.ts";
import type { readyMark, readyMarks } from "./marks.ts";

/**
 * What the page's script already has and the scrolly uses too: handed over by main.ts rather
 * than imported, so that this chunk does not split them out of main into a third file.
 */
export interface PageTools {
  enhanceLegend: typeof enhanceLegend;
  readyMark: typeof readyMark;
  readyMarks: typeof readyMarks;
}

interface State {
  svg: SVGSVGElement | null;
  legend: HTMLElement | null;
  chart?: string;
}

const reduceMotion = () => matchMedia("(prefers-reduced-motion: reduce)").matches;

/** The ids in a copy of a snapshot become its own (an id stays unique on the page), with the references to them. */
function ownIds(root: Element, suffix: string): void {
  for (const el of root.querySelectorAll("[id]")) el.id = `${el.id}-${suffix}`;
  for (const el of root.querySelectorAll("[fill^='url(#'], [clip-path^='url(#']")) {
    for (const attr of ["fill", "clip-path"]) {
      const v = el.getAttribute(attr);
      if (v?.startsWith("url(#")) el.setAttribute(attr, v.replace(/\)$/, `-${suffix})`));
    }
  }
}

/** Give marks of a drawing copied from a snapshot their tab stops, roles and labels back. */
function liven(svg: SVGSVGElement, title: string, suffix: string, { readyMarks }: PageTools): void {
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", title);
  ownIds(svg, suffix);
  readyMarks(svg);
}

const MARK_DATA = ["class", "value", "name", "href"] as const;

/** Copy a state's look onto the drawing in place, when both have the same shapes; false when they do not. */
function morph(live: SVGSVGElement, target: SVGSVGElement): boolean {
  const outside = (m: Element) => !m.closest("[data-layer]");
  const liveMarks = [...live.querySelectorAll<SVGElement>(".mark[data-key]")].filter(outside);
  const targetMarks = [...target.querySelectorAll<SVGElement>(".mark[data-key]")].filter(outside);
  const byKey = new Map(liveMarks.map((m) => [m.dataset.key!, m]));
  const shape = (m: Element) => m.getAttribute("d") ?? `${m.getAttribute("cx")},${m.getAttribute("cy")}`;
  const same = (m: SVGElement) => byKey.has(m.dataset.key!) && shape(byKey.get(m.dataset.key!)!) === shape(m);
  if (targetMarks.length !== liveMarks.length || !targetMarks.every(same)) return false;
  const liveBase = [...live.querySelectorAll(".basemap-area")];
  const targetBase = [...target.querySelectorAll(".basemap-area")];
  if (liveBase.length !== targetBase.length) return false;
  // The no-data hatch of the live drawing, not the snapshot's (a pattern in a hidden SVG does not paint).
  const hatch = live.querySelector("pattern")?.id;
  for (const m of targetMarks) {
    const l = byKey.get(m.dataset.key!)!;
    const fill = m.getAttribute("fill");
    if (fill) l.setAttribute("fill", fill.startsWith("url(") && hatch ? `url(#${hatch})` : fill);
    l.setAttribute("class", m.getAttribute("class") ?? "");
    for (const k of MARK_DATA) {
      const v = m.dataset[k];
      if (v === undefined) delete l.dataset[k];
      else l.dataset[k] = v;
    }
    l.setAttribute("aria-label", `${l.dataset.name ?? ""}: ${l.dataset.value ?? ""}`);
    l.setAttribute("role", l.dataset.href ? "link" : "img");
  }
  for (const [i, t] of targetBase.entries()) liveBase[i]!.setAttribute("class", t.getAttribute("class") ?? "");
  live.setAttribute("class", target.getAttribute("class") ?? "");
  live.dataset.bounds = target.dataset.bounds;
  return true;
}

/** Move the viewBox from where it is to `to`, eased, then call `done`. */
function zoom(svg: SVGSVGElement, to: string, done: () => void): void {
  const from = (svg.getAttribute("viewBox") ?? to).split(/\s+/).map(Number);
  const end = to.split(/\s+/).map(Number);
  if (reduceMotion() || from.every((v, i) => v === end[i])) {
    svg.setAttribute("viewBox", to);
    done();
    return;
  }
  const start = performance.now();
  const ease = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);
  const frame = (now: number) => {
    const t = Math.min(1, (now - start) / 700);
    const e = ease(t);
    if (t < 1) {
      svg.setAttribute("viewBox", from.map((v, i) => (v + (end[i]! - v) * e).toFixed(2)).join(" "));
      requestAnimationFrame(frame);
    } else {
      svg.setAttribute("viewBox", to);
      done();
    }
  };
  requestAnimationFrame(frame);
}

function enhance(figure: HTMLElement, tools: PageTools): void {
  const sticky = figure.querySelector<HTMLElement>(".scrolly__sticky");
  const graphic = sticky?.querySelector<HTMLElement>(".figure__graphic");
  const first = graphic?.querySelector<SVGSVGElement>("svg.chart");
  if (!sticky || !graphic || !first) return;
  const title = figure.querySelector(".figure__title")?.textContent ?? "";
  const steps = [...figure.querySelectorAll<HTMLElement>(".scrolly__step")];
  const legendNow = () => sticky.querySelector<HTMLElement>(":scope > .legend");
  // The legend as the build wrote it: without the buttons and live region the page's script added.
  const plain = (legend: HTMLElement | null) => {
    const copy = legend?.cloneNode(true) as HTMLElement | undefined;
    for (const b of copy?.querySelectorAll(".legend__toggle") ?? []) b.replaceWith(...b.childNodes);
    copy?.querySelector("[aria-live]")?.remove();
    return copy ?? null;
  };
  const base: State = {
    svg: first.cloneNode(true) as SVGSVGElement,
    legend: plain(legendNow()),
    ...(graphic.dataset.chart ? { chart: graphic.dataset.chart } : {}),
  };
  const states: State[] = steps.map((step) => {
    const snap = step.querySelector<HTMLElement>(".scrolly__snapshot");
    return {
      svg: snap?.querySelector<SVGSVGElement>("svg.chart") ?? null,
      legend: snap?.querySelector<HTMLElement>(".legend") ?? null,
      ...(snap?.dataset.chart ? { chart: snap.dataset.chart } : {}),
    };
  });
  let current = -1;
  let version = 0;

  // The legend changes only when the state's legend says something else (another field, a layer).
  const shown = legendNow();
  if (shown) shown.dataset.legend = base.legend?.textContent ?? "";
  const setLegend = (legend: HTMLElement | null) => {
    const live = legendNow();
    if (!legend || !live || live.dataset.legend === legend.textContent) return;
    const fresh = legend.cloneNode(true) as HTMLElement;
    ownIds(fresh, "live");
    live.dataset.legend = legend.textContent ?? "";
    // The same buttons take the new classes, when there are as many. Moving a button in the
    // DOM takes the keyboard's focus away: a reader's focus on one goes back to it at the end.
    const buttons = [...live.querySelectorAll<HTMLButtonElement>(".legend__toggle")];
    const items = [...fresh.querySelectorAll<HTMLElement>("[data-class]")];
    const focused = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const refocus = () => legendNow()?.querySelectorAll("button")[focused]?.focus({ preventScroll: true });
    if (buttons.length && buttons.length === items.length) {
      for (const [i, item] of items.entries()) {
        const b = buttons[i]!;
        b.replaceChildren(...item.childNodes);
        b.dataset.class = item.dataset.class;
        item.append(b);
      }
      const region = live.querySelector("[aria-live]");
      live.replaceChildren(...fresh.childNodes, ...(region ? [region] : []));
      return refocus();
    }
    live.replaceWith(fresh);
    fresh.dataset.legend = live.dataset.legend;
    tools.enhanceLegend(fresh, graphic);
    refocus();
  };

  const apply = async (state: State, n: number) => {
    const mine = ++version;
    graphic.querySelector<HTMLElement>(":scope > .tooltip")?.setAttribute("hidden", "");
    if (state.chart) {
      graphic.dataset.chart = state.chart;
      // A bar chart's model is its drawing (src/assets/bar-model.ts): the state's drawing goes in first.
      if (state.chart === "bar" && state.svg) {
        const copy = state.svg.cloneNode(true) as SVGSVGElement;
        copy.setAttribute("aria-label", title);
        graphic.querySelector("svg.chart")?.replaceWith(copy);
      }
      const { redraw } = await import("./redraw.ts");
      if (mine !== version) return;
      await redraw(graphic, graphic.clientWidth);
      graphic.querySelector("svg.chart")?.classList.add("is-entering");
    } else if (state.svg) {
      const live = graphic.querySelector<SVGSVGElement>("svg.chart")!;
      const target = state.svg;
      const layers = [...target.querySelectorAll("[data-layer]")];
      if (morph(live, target)) {
        // Layers (labels, points) go while the view moves and come back placed for the new view.
        for (const l of live.querySelectorAll("[data-layer]")) l.remove();
        zoom(live, target.getAttribute("viewBox")!, () => {
          if (mine !== version) return;
          for (const l of layers) {
            const copy = l.cloneNode(true) as SVGGElement;
            copy.removeAttribute("aria-hidden");
            for (const m of copy.querySelectorAll<SVGElement>(".mark")) tools.readyMark(m, -1);
            copy.classList.add("is-entering");
            live.append(copy);
          }
        });
      } else {
        const copy = target.cloneNode(true) as SVGSVGElement;
        liven(copy, title, `live${n}`, tools);
        copy.classList.add("is-entering");
        live.replaceWith(copy);
      }
      // An opened interactive map reads the state's drawing itself (map.ts).
      if (graphic.dataset.mapState === "ready") graphic.dispatchEvent(new CustomEvent("atlas:state", { detail: target }));
    }
    setLegend(state.legend);
  };

  const activate = (i: number) => {
    if (i === current) return;
    current = i;
    // data-state: the step shown (0: the figure before the first step), for tests and styles.
    figure.dataset.state = String(i + 1);
    for (const [j, s] of steps.entries()) s.classList.toggle("is-active", j === i);
    void apply(i < 0 ? base : states[i]!, i + 1);
  };

  let scheduled = false;
  const check = () => {
    scheduled = false;
    const line = innerHeight * 0.6;
    let active = -1;
    steps.forEach((s, j) => {
      if (s.getBoundingClientRect().top < line) active = j;
    });
    activate(active);
  };
  const onScroll = () => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(check);
    }
  };
  addEventListener("scroll", onScroll, { passive: true });
  addEventListener("resize", onScroll, { passive: true });
  // A keyboard reader tabbing to a link in a step's text brings its state.
  figure.addEventListener("focusin", (e) => {
    const step = (e.target as Element).closest<HTMLElement>(".scrolly__step");
    if (step) activate(steps.indexOf(step));
  });
  // The map, once opened, starts in the state the reader is at.
  graphic.addEventListener("atlas:map-ready", () => {
    const i = current;
    current = -2;
    activate(i);
  });
  figure.dataset.state = "0";
  check();
}

export function enhanceScrollies(tools: PageTools): void {
  for (const figure of document.querySelectorAll<HTMLElement>("figure[data-scrolly]")) enhance(figure, tools);
}
