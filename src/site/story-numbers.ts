/**
 * Honest data, checked when a story is built: every number its text gives (title, dek,
 * kicker and body outside its figure blocks, a scrolly's step texts too) must stand in a
 * generated dataset or in the data's source list (generated/*.csv and *.json). A number
 * typed from memory, rounded by hand or invented stops the build, and the preview shows it,
 * at its line.
 *
 * Korean stories (src/ko/stories/) write numbers as Korean newsrooms do — "1,400억 원",
 * "1천400억원", "3,100명", "40%" — so they are read with the Korean number reader, and a
 * value counts as known when the data holds it either as written or in the unit of its
 * field or row ("140" in billion KRW is 1,400억 원). A number the reader cannot read for
 * certain ("14,00억") is refused as malformed.
 *
 * A scratch site of generated stories (tests, benchmarks: their prose is placeholder text
 * with story numbers) says so with a file `SYNTHETIC_MARKER` in its root, and its numbers
 * are not checked. The project's own root never has one (a test checks).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "csv-parse/sync";
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Problem } from "../../scripts/lib/problems.ts";
import { koreanNumbers } from "../lib/korean-numbers.ts";
import type { Manifest } from "../lib/manifest.ts";

/** In the root of a site whose stories are generated placeholder text (tests/helpers/scratch-site.ts): numbers unchecked. */
export const SYNTHETIC_MARKER = ".synthetic-stories";

/**
 * Numbers in a text: "9,631,482" → "9631482", "0.67" → "0.67", "56.5" → "56.5". A comma
 * counts as a thousands separator only before exactly three digits, so CSV fields such as
 * "151069,74331" stay two numbers.
 */
export function numbersIn(text: string): string[] {
  return writtenNumbers(text).map(canonicalOf);
}

/** The numbers of a text as written ("3,100"). */
const writtenNumbers = (text: string) => [...text.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?/g)].map((m) => m[0]);

/** A written number as the data's numbers are kept: "3,100" → "3100". */
const canonicalOf = (written: string) => canonical(written.replace(/,/g, ""));

function canonical(n: string): string {
  return n.includes(".") ? String(Number(n)) : n.replace(/^0+(?=\d)/, "");
}

/** "billion KRW" → 1e9: the scale a unit's first word gives its values. */
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

export interface KnownNumbers {
  /** Every number written in the generated files, canonical ("3100", "0.67"). */
  written: Set<string>;
  /** Values in their unit's scale: "140" with unit "billion KRW" is also known as 140000000000. */
  scaled: Set<number>;
}

let cached: { key: string; known: KnownNumbers } | undefined;

/** The numbers of the generated data in `dir`, read again only when its manifest changed (the pipeline rewrote it). */
export function knownNumbers(dir: string): KnownNumbers {
  const manifestPath = join(dir, "manifest.json");
  const stat = statSync(manifestPath);
  const key = `${dir}\n${stat.mtimeMs}\n${stat.size}`;
  if (cached?.key === key) return cached.known;
  const written = new Set<string>();
  for (const file of readdirSync(dir)) {
    if (/\.(csv|json)$/.test(file)) for (const n of numbersIn(readFileSync(join(dir, file), "utf8"))) written.add(n);
  }
  const scaled = new Set<number>();
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  for (const info of Object.values(manifest.datasets)) {
    const path = join(dir, info.files.csv.path);
    if (!existsSync(path)) continue;
    const rows = parse(readFileSync(path, "utf8"), { columns: true }) as Record<string, string>[];
    for (const row of rows) {
      for (const field of info.fields) {
        const value = Number(row[field.name]);
        const unit = field.unit ?? row.unit;
        const scale = SCALES[unit?.split(" ")[0] ?? ""];
        if (row[field.name] && Number.isFinite(value) && scale) scaled.add(Number((value * scale).toPrecision(12)));
      }
    }
  }
  cached = { key, known: { written, scaled } };
  return cached.known;
}

/** A number read from Korean prose stands in the data, as written or in its unit's scale. */
export function knownKo(known: KnownNumbers, value: number): boolean {
  return known.written.has(canonical(String(value))) || known.scaled.has(value);
}

/**
 * The lines of a ```scrolly block's step texts (prose a reader reads, inside the block's
 * YAML), by their line in the block: `steps[i].text`, and each line its value spans.
 */
function scrollyTextLines(body: string): number[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(body, { lineCounter });
  const steps = doc.get("steps");
  const lines: number[] = [];
  if (!isSeq(steps)) return lines;
  for (const step of steps.items) {
    const text = isMap(step) ? step.get("text", true) : undefined;
    if (!isScalar(text) || !text.range) continue;
    const from = lineCounter.linePos(text.range[0]).line;
    const to = lineCounter.linePos(text.range[1]).line;
    for (let l = from; l <= to; l++) lines.push(l);
  }
  return lines;
}

/** The text of a story a reader sees as prose, with the line each piece is on: a scrolly's step texts too. */
export function proseLines(source: string): { line: number; text: string }[] {
  const lines = source.split(/\r?\n/);
  const out: { line: number; text: string }[] = [];
  let inFront = lines[0] === "---";
  let fence: { info: string; start: number } | undefined;
  lines.forEach((text, i) => {
    if (i > 0 && inFront && text === "---") {
      inFront = false;
      return;
    }
    if (inFront) {
      if (/^(title|dek|kicker):/.test(text)) out.push({ line: i + 1, text });
      return;
    }
    if (/^```/.test(text)) {
      if (!fence) fence = { info: text.slice(3).trim(), start: i + 1 };
      else {
        if (fence.info === "scrolly") {
          const body = lines.slice(fence.start, i).join("\n");
          for (const l of scrollyTextLines(body)) {
            const at = fence.start + l - 1;
            if (at < i) out.push({ line: at + 1, text: lines[at]!.replace(/^\s*(- )?text:/, "") });
          }
        }
        fence = undefined;
      }
      return;
    }
    if (!fence) out.push({ line: i + 1, text });
  });
  return out;
}

const HINT =
  "Every number a story gives must stand in its data: write it as a row of data/ gives it (its source named there), or add the row with its source first (docs/data.md). A date or count that is not data can be written in words.";
const HINT_KO = `${HINT} A Korean story may write it as Korean newsrooms do (1,400억 원 for 140 billion KRW, 3,100명).`;

/**
 * A number converted from the data's unit ("1.19" million tonnes for the data's 1,190 thousand):
 * the value the data holds, so the journalist writes it as the data gives it.
 */
function scaledHint(written: string, known: KnownNumbers): string {
  const value = Number(written.replace(/,/g, ""));
  for (const [factor, word] of [
    [1e3, "thousand"],
    [1e-3, "thousandth"],
    [1e6, "million"],
    [1e-6, "millionth"],
  ] as const) {
    // Only what a conversion looks like: decimals scaled up (1.19), or a large number scaled down (1,190,000).
    if (factor > 1 ? !written.includes(".") : value < 1e5) continue;
    const held = canonical(String(Number((value * factor).toPrecision(12))));
    if (known.written.has(held))
      return `The data holds ${Number(held).toLocaleString("en-US")}, ${written} scaled by a ${word}: an English story gives a number as the data does, in the data's unit (1,190 thousand tonnes, not 1.19 million). `;
  }
  return "";
}

/** The numbers of a story's text that stand in no dataset (`korean`: read as Korean prose). */
export function storyNumberProblems(file: string, source: string, known: KnownNumbers, korean: boolean): Problem[] {
  const problems: Problem[] = [];
  for (const { line, text } of proseLines(source)) {
    if (korean) {
      for (const n of koreanNumbers(text)) {
        if (n.value === null)
          problems.push({
            code: "number-not-in-data",
            file,
            line,
            message: `"${n.text}" cannot be read as a number`,
            hint: `Write it with its separators in their place, e.g. 1,400억 원 or 3,100명. ${HINT_KO}`,
          });
        else if (!knownKo(known, n.value))
          problems.push({ code: "number-not-in-data", file, line, message: `${n.text} stands in no dataset`, hint: HINT_KO });
      }
    } else {
      for (const n of writtenNumbers(text))
        if (!known.written.has(canonicalOf(n)))
          problems.push({
            code: "number-not-in-data",
            file,
            line,
            message: `${n} stands in no dataset`,
            hint: `${scaledHint(n, known)}${HINT}`,
          });
    }
  }
  return problems;
}

/** True when the site in `root` says its stories are generated placeholder text. */
export function syntheticStories(generatedDir: string): boolean {
  return existsSync(join(dirname(generatedDir), SYNTHETIC_MARKER));
}
