/**
 * npm run new:dataset -- <data/…/name.csv> [--force]: write the CSV's descriptor beside it
 * (scripts/lib/new-dataset.ts), then check the data as `npm run data` does and list what is
 * left to fill in.
 */
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "./lib/atomic.ts";
import { runCli } from "./lib/cli.ts";
import { descriptorFor, descriptorPath, readCsvText } from "./lib/new-dataset.ts";
import { runPipeline } from "./lib/pipeline.ts";
import { ProblemError } from "./lib/problems.ts";

const { values, positionals } = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true });
const root = process.cwd();

await runCli(async () => {
  const given = positionals[0];
  if (!given?.endsWith(".csv")) {
    throw new ProblemError([
      {
        code: "usage",
        file: "new:dataset",
        message: "name the CSV file to describe",
        hint: "npm run new:dataset -- data/tables/my-data.csv",
      },
    ]);
  }
  const file = relative(root, resolve(root, given)).split("\\").join("/");
  if (!file.startsWith("data/") || file.startsWith("data/raw/")) {
    throw new ProblemError([
      {
        code: "usage",
        file,
        message: "the CSV must be in data/ (not data/raw/)",
        hint: "Put it in data/tables/ (a table) or data/sites/ (places).",
      },
    ]);
  }
  const target = descriptorPath(file);
  if (existsSync(join(root, target)) && !values.force) {
    throw new ProblemError([
      {
        code: "exists",
        file: target,
        message: "the descriptor already exists",
        hint: "Edit it, or pass --force to write a new one over it.",
      },
    ]);
  }
  const { yaml, fields } = descriptorFor(file, readCsvText(root, file));
  await writeFileAtomic(join(root, target), yaml);
  console.log(`new:dataset: wrote ${target} (${fields.length} fields: ${fields.map((f) => `${f.name} ${f.type}`).join(", ")})`);
  for (const f of fields) if (f.advice) console.log(`new:dataset: ${file}, column ${f.name}: ${f.advice}`);
  try {
    await runPipeline({ root, mirror: process.env.BOUNDARIES_MIRROR || undefined, log: () => {} });
    console.log("new:dataset: the data checks out; run npm run build to see it on /data/.");
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    const mine = error.problems.filter((p) => p.file === target || p.file === file);
    console.log("new:dataset: what follows is what is left to fill in (titles, units, descriptions), as expected of a new descriptor.");
    throw new ProblemError(mine.length ? mine : error.problems, `Fill in ${target}, then run npm run data`);
  }
});
