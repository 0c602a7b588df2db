/**
 * npm run bench [-- --quick] [-- name …]: run every scripts/bench/*.bench.ts (or the ones
 * named), print each as a table and write all of them to reports/bench.json.
 * Benchmarks measure ratios against a baseline run in the same process, never absolute
 * timings in tests.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Bench, BenchSection } from "./types.ts";

const root = process.cwd();
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = args.filter((a) => !a.startsWith("--"));
const dir = join(root, "scripts", "bench");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.bench\.ts$/, "")))
  .sort();

function printSection(s: BenchSection): void {
  console.log(`\n${s.title}`);
  const rows = s.rows.map((r) => [
    r.label,
    typeof r.value === "number" ? r.value.toLocaleString("en", { maximumFractionDigits: 2 }) : r.value,
    r.unit ?? "",
    r.goal ? `${r.goal} ${r.met === undefined ? "" : r.met ? "✓" : "✗"}` : "",
  ]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => String(r[i]).length), 0));
  for (const r of rows)
    console.log(`  ${r[0]!.padEnd(widths[0]!)}  ${String(r[1]).padStart(widths[1]!)} ${String(r[2]).padEnd(widths[2]!)}  ${r[3]}`);
  if (s.table) printTable(s.table);
  for (const n of s.notes ?? []) console.log(`  · ${n}`);
}

/** Columns padded to their widest cell; numbers right-aligned. */
function printTable(t: NonNullable<BenchSection["table"]>): void {
  const cell = (v: string | number) => (typeof v === "number" ? v.toLocaleString("en", { maximumFractionDigits: 1 }) : v);
  const widths = t.columns.map((c, i) => Math.max(c.length, ...t.rows.map((r) => cell(r[i] ?? "").length)));
  const numeric = t.columns.map((_, i) => typeof t.rows[0]?.[i] === "number");
  const line = (r: (string | number)[]) =>
    `  ${r.map((v, i) => (numeric[i] ? cell(v).padStart(widths[i]!) : cell(v).padEnd(widths[i]!))).join("  ")}`;
  console.log(line(t.columns));
  for (const r of t.rows) console.log(line(r));
}

const sections: BenchSection[] = [];
for (const file of files) {
  const bench = (await import(pathToFileURL(join(dir, file)).href)).default as Bench;
  const started = performance.now();
  let section: BenchSection;
  try {
    section = await bench({ root, quick, log: (l) => console.log(`  [${file}] ${l}`) });
  } catch (error) {
    // The other sections are still measured and written; the run fails at the end.
    console.error(`\n${file} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
    continue;
  }
  sections.push(section);
  printSection(section);
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
await mkdir(join(root, "reports"), { recursive: true });
// Sections this run left out are kept from the last report, each with the date and mode it was measured in.
const generated = new Date().toISOString();
let kept: (BenchSection & { measured?: string; quick?: boolean })[] = [];
try {
  const last = JSON.parse(readFileSync(join(root, "reports", "bench.json"), "utf8")) as {
    generated: string;
    quick: boolean;
    sections: (BenchSection & { measured?: string; quick?: boolean })[];
  };
  kept = last.sections
    .filter((old) => !sections.some((s) => s.name === old.name))
    .map((old) => ({ ...old, measured: old.measured ?? last.generated, quick: old.quick ?? last.quick }));
} catch {
  // No report yet.
}
const report = {
  generated,
  node: process.version,
  quick,
  sections: [...sections.map((s) => ({ ...s, measured: generated, quick })), ...kept].sort((a, b) => a.name.localeCompare(b.name)),
};
await writeFile(join(root, "reports", "bench.json"), `${JSON.stringify(report, null, 2)}\n`);
console.log(
  `\nwrote reports/bench.json (${sections.length} section${sections.length === 1 ? "" : "s"} measured${kept.length ? `, ${kept.map((k) => k.name).join(", ")} kept from earlier runs` : ""})`,
);
