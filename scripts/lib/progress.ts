/**
 * A progress bar for long inputs, drawn only when the output is a terminal: CI logs and
 * piped output stay clean. Uses cli-progress; `createProgress` returns undefined otherwise.
 */
import cliProgress from "cli-progress";
import type { SemasProgress } from "./semas.ts";

export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): SemasProgress | undefined {
  if (!stream.isTTY || process.env.CI) return undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {percentage}% | {rows} rows | {eta_formatted} left`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0, { rows: 0 }),
    update: (bytes, rows) => bar.update(bytes, { rows: rows.toLocaleString("en") }),
    stop: () => bar.stop(),
  };
}
