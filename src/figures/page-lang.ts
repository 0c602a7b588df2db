/** Which edition a page belongs to, by its path: the Korean edition's pages live under `<input>/ko/`. */
import type { Lang } from "../lib/i18n/index.ts";

export const KO_DIR = /(^|\/)ko\//;

/** The language of a page by its path (relative to the project): Korean under `ko/`. */
export function langOfFile(file: string): Lang {
  return KO_DIR.test(file.split("\\").join("/")) ? "ko" : "en";
}
