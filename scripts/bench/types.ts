/** One section of `npm run bench`: a table of measured values, printed and saved. */
export interface BenchRow {
  label: string;
  value: number | string;
  unit?: string;
  /** The goal for this row, as text (e.g. "≥ 50×"), and whether it was met. */
  goal?: string;
  met?: boolean;
}

export interface BenchSection {
  name: string;
  title: string;
  rows: BenchRow[];
  notes?: string[];
  /** A table with several columns (e.g. bytes per page), printed after the rows. */
  table?: { columns: string[]; rows: (string | number)[][] };
  /** Raw measurements (every run), kept in reports/bench.json. */
  data?: unknown;
}

/** A bench module: scripts/bench/<name>.bench.ts with a default export of this type. */
export type Bench = (options: { root: string; quick: boolean; log: (line: string) => void }) => Promise<BenchSection>;

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
