/**
 * A bound on what one figure draws, checked before anything is drawn. Each row a figure
 * draws is a mark in the build-time SVG (an area, a point, a bar, a point of a line, a
 * milestone) and a row of its data table, on its page and again on its embed page.
 * Measured on the development machine (docs/figures.md): a bar chart of 5,000 rows takes
 * about 0.9 s and 3.4 MB of HTML per page, 20,000 rows 7.4 s and 14 MB, and 200,000 rows
 * ran the build out of memory after two minutes. So a figure draws at most 5,000 marks;
 * more is a problem at the figure, found from the row count alone.
 */
import type { Problem } from "../../scripts/lib/problems.ts";
import type { Dataset, Row } from "./datasets.ts";

export const MAX_MARKS = 5_000;

const n = (x: number) => x.toLocaleString("en-GB");

/** The problem with a figure that would draw `rows` of `dataset`, or undefined when it stays within the bound. */
export function markBudgetProblem(where: { file: string; line: number }, dataset: Dataset, rows: Row[]): Problem | undefined {
  if (rows.length <= MAX_MARKS) return undefined;
  const filtered = rows.length < dataset.rows.length ? ` (${n(rows.length)} left after \`where\` and \`exclude\`)` : "";
  return {
    code: "figure-too-many-marks",
    file: where.file,
    line: where.line,
    field: "dataset",
    message: `${dataset.info.name} has ${n(dataset.rows.length)} rows${filtered}: a figure draws at most ${n(MAX_MARKS)} marks, one per row, and its table lists each`,
    hint: `Draw fewer rows: filter them with \`where\` (e.g. one district), or draw a dataset that counts them per district or dong (npm run data makes such tables; see docs/data.md). A map of every one of ${n(rows.length)} points would have to be drawn by MapLibre alone, which the site does not do yet.`,
  };
}
