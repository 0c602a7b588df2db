/** Markdown pages on the fixture datasets: every kind, and every kind with hostile labels. */
import { HOSTILE } from "./figure-fixtures.ts";

const fence = (spec: string) => `\`\`\`figure\n${spec}\n\`\`\`\n`;

export const KIND_SPECS: Record<string, string> = {
  choropleth:
    "kind: choropleth\nid: fixture-choropleth\ndataset: areas\nvalue: value\ntitle: Residents by area\nsubtitle: Fixture polygons",
  "choropleth-join":
    "kind: choropleth\nid: fixture-join\ndataset: area-stats\nboundaries: areas\njoin: area_code\nwhere: {year: 2018}\nvalue: total\ntitle: Emissions joined onto areas",
  points: "kind: points\nid: fixture-points\ndataset: sites\nbasemap: areas\ncategory: status\nhighlight: area-2\ntitle: Sites by status",
  "points-clustered": "kind: points\nid: fixture-crowd\ndataset: crowd\nbasemap: areas\ntitle: Sixty shops",
  bar: "kind: bar\nid: fixture-bar\ndataset: areas\nvalue: value\nhighlight: [area-2]\ntitle: Residents, ranked",
  line: "kind: line\nid: fixture-line\ndataset: series\nx: year\ny: total\nseries: status\ntarget:\n  dataset: targets\n  x: year\n  y: value\n  label: Targets\nannotations:\n  - x: 2005\n    text: Base year\ntitle: Emissions and targets",
  timeline: "kind: timeline\nid: fixture-timeline\ndataset: milestones\ndate: date\nstatus: status\ntitle: The plan, step by step",
  progress:
    "kind: progress\nid: fixture-progress\ndataset: metrics\nvalue: value\ndate: date\nactual: {metric: firms, kind: actual}\ntarget: {metric: firms, kind: target}\ntitle: Firms against the target",
};

export const HOSTILE_SPECS: Record<string, string> = {
  choropleth: "kind: choropleth\nid: hostile-choropleth\ndataset: hostile\nvalue: value\ntitle: Hostile map",
  points:
    "kind: points\nid: hostile-points\ndataset: hostile-points\nbasemap: hostile\ncategory: status\nhighlight: A1\ntitle: Hostile points",
  bar: "kind: bar\nid: hostile-bar\ndataset: hostile-table\nvalue: value\ntitle: Hostile bars",
  line: "kind: line\nid: hostile-line\ndataset: hostile-table\nx: date\ny: value\nseries: status\ntitle: Hostile line",
  timeline: "kind: timeline\nid: hostile-timeline\ndataset: hostile-table\ndate: date\nstatus: status\ntitle: Hostile timeline",
  progress:
    "kind: progress\nid: hostile-progress\ndataset: hostile-table\nvalue: value\ndate: date\nactual: {kind: actual}\ntarget: {kind: target}\ntitle: Hostile progress",
};

const page = (title: string, specs: Record<string, string>) =>
  `---\ntitle: ${title}\ndate: 2024-01-01\n---\n\nA fixture page.\n\n${Object.values(specs)
    .map((s) => `${fence(s)}\nSome text between figures.\n\n`)
    .join("")}`;

const CHART_KINDS = ["bar", "line", "timeline", "progress"];

/** A scrollytelling block on the fixture areas: a highlight, a zoom, a layer of points, another field. */
export const SCROLLY_SPEC = `kind: choropleth
id: fixture-scrolly
dataset: areas
value: value
title: Residents, step by step
steps:
  - text: All six areas.
  - text: Two of them.
    highlight: [area-2, area-4]
  - text: One, close up, with the sites in it.
    zoom: area-5
    points: sites
  - text: The change instead.
    value: change`;

export const FIXTURE_PAGES = {
  "stories/scrolly.md": `---\ntitle: A scrolly\ndate: 2024-01-01\n---\n\nText before.\n\n\`\`\`scrolly\n${SCROLLY_SPEC}\n\`\`\`\n\nText after.\n`,
  "stories/kinds.md": page("Every kind", KIND_SPECS),
  "stories/hostile.md": page("Hostile labels", HOSTILE_SPECS),
  "stories/charts.md": page(
    "Charts only",
    Object.fromEntries(CHART_KINDS.map((k) => [k, KIND_SPECS[k]!.replace(/id: fixture-/, "id: charts-")])),
  ),
};

export { HOSTILE };
