/**
 * Progress towards a target: the latest value in large type, a track from zero to the
 * target (or to the value, when it passed the target), filled up to the value, with the
 * target marked and earlier values as ticks. Every one of them is a mark.
 */
import { h, px, type SvgNode } from "../svg.ts";
import { textWidth, truncate } from "../text-fit.ts";
import { markAttrs, svgAttrs } from "./marks.ts";
import { linear } from "./scale.ts";

export interface ProgressValue {
  key: string;
  value: number;
  /** The value with its unit ("136 firms"). */
  display: string;
  /** When it was measured or is due ("May 2024"), when the data says. */
  dateLabel?: string;
}

export interface ProgressModel {
  kind: "progress";
  title: string;
  /** What is counted, e.g. "Tenant firms". */
  label: string;
  actual: ProgressValue;
  /** Earlier values, oldest first. */
  history: ProgressValue[];
  target: ProgressValue;
  /** Target's name, e.g. "Target". */
  targetLabel: string;
  /** "30 % of the target". */
  share: string;
}

const TRACK = 22;

export function renderProgress(model: ProgressModel, width: number): SvgNode {
  const { actual, target } = model;
  const end = Math.max(target.value, actual.value, ...model.history.map((v) => v.value));
  const left = 1;
  const right = width - 1;
  const x = linear([0, end || 1], [left, right]);
  const trackY = 64;
  const labelY = trackY + TRACK + 20;
  const when = (v: ProgressValue) => (v.dateLabel ? ` (${v.dateLabel})` : "");
  const targetX = x(target.value);
  const targetText = `${model.targetLabel}${when(target)}: ${target.display}`;
  const targetW = textWidth(targetText, 13);
  // The target's label sits under its marker, kept inside the chart.
  const targetAnchor = targetX + targetW / 2 > right ? "end" : targetX - targetW / 2 < left ? "start" : "middle";
  let first = true;
  const mark = (key: string, name: string, value: string, at: [number, number], cls: string) => {
    const a = markAttrs({ key, name, value, at }, first, cls);
    first = false;
    return a;
  };

  return h(
    "svg",
    svgAttrs("progress", width, labelY + 30, model.title),
    h(
      "g",
      { class: "progress-head", "aria-hidden": "true" },
      h("text", { class: "progress-value", x: left, y: 30 }, truncate(`${actual.display}${when(actual)}`, width - 4, 26)),
      h("text", { class: "progress-share", x: left, y: 50 }, truncate(model.share, width - 4, 14)),
    ),
    h("rect", { class: "progress-track", x: left, y: trackY, width: px(right - left), height: TRACK, rx: 3 }),
    h("rect", {
      ...mark(actual.key, `${model.label}${when(actual)}`, actual.display, [x(actual.value), trackY], "progress-fill"),
      x: left,
      y: trackY,
      width: px(Math.max(1, x(actual.value) - left)),
      height: TRACK,
      rx: 3,
    }),
    model.history.map((v) =>
      h("rect", {
        ...mark(v.key, `${model.label}${when(v)}`, v.display, [x(v.value), trackY], "progress-tick"),
        x: px(x(v.value) - 1.5),
        y: trackY - 4,
        width: 3,
        height: TRACK + 8,
      }),
    ),
    h(
      "g",
      { class: "progress-target" },
      h("rect", {
        ...mark(target.key, `${model.targetLabel}${when(target)}`, target.display, [targetX, trackY], "progress-target-mark"),
        x: px(targetX - 2),
        y: trackY - 8,
        width: 4,
        height: TRACK + 16,
      }),
      h(
        "text",
        {
          class: "progress-target-label",
          x: px(targetAnchor === "end" ? right : targetAnchor === "start" ? left : targetX),
          y: labelY,
          "text-anchor": targetAnchor,
        },
        truncate(targetText, width - 4, 13),
      ),
    ),
    h("text", { class: "progress-zero", x: left, y: labelY, "aria-hidden": "true" }, targetAnchor === "start" ? "" : "0"),
  );
}
