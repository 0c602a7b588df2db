/** The benchmarks that read _site/ build it once per `npm run bench`, from the current source. */
import { join } from "node:path";
import { buildSite } from "../build.ts";

let built: Promise<unknown> | undefined;

export async function builtSite(root: string, log: (line: string) => void): Promise<string> {
  built ??= buildSite({ root, log: (l) => log(`build: ${l}`) });
  await built;
  return join(root, "_site");
}
