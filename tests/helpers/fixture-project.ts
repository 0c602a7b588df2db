/**
 * A throw-away copy of the project's data (data/, the fetched boundary files and the
 * pipeline code it fingerprints) in a temporary folder, for pipeline tests that edit
 * inputs or break them on purpose.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./paths.ts";

export interface FixtureProject {
  root: string;
  remove(): void;
}

export function fixtureProject(options: { withRaw?: boolean } = {}): FixtureProject {
  const root = mkdtempSync(join(tmpdir(), "atlas-fixture-"));
  cpSync(join(ROOT, "data"), join(root, "data"), {
    recursive: true,
    filter: (src) => options.withRaw !== false || !src.includes(`${join("data", "raw")}`),
  });
  cpSync(join(ROOT, "scripts", "lib"), join(root, "scripts", "lib"), { recursive: true });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
