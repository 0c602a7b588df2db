/** Which edition a page belongs to, by its path: the Korean edition's pages live under `<input>/ko/`. */
import type { Lang } from "../lib/i18n/index.ts";

export const KO_DIR = /(^|\/)ko\//;

/** The language of a page by its path (relative to the project): Korean under `ko/`. */
export function langOfFile(file: string): Lang {
  return KO_DIR.test(file.split("\\").join("/")) ? "ko" : "en";
}

/** The English story a Korean story's file translates: src/ko/stories/x.md → src/stories/x.md (unchanged for any other path). */
export const englishStoryPath = (path: string) => path.replace(/([\\/]|^)ko[\\/]stories([\\/][^\\/]+\.md)$/, "$1stories$2");
