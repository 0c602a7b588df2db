/**
 * A folder's entries by name, each with its path and whether it is a folder, for the walks
 * that read the site's source (figures, the fonts' characters). The kind comes with the
 * listing: no stat call for each of an archive's files (a link is followed to its target).
 */
import { type Dirent, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export interface ListedEntry {
  name: string;
  path: string;
  isFolder: boolean;
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The entries of `dir`, sorted by name (as `readdirSync(dir).sort()` sorts them). */
export function sortedEntries(dir: string): ListedEntry[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort(byName)
    .map((entry) => {
      const path = join(dir, entry.name);
      return { name: entry.name, path, isFolder: entry.isDirectory() || (entry.isSymbolicLink() && statSync(path).isDirectory()) };
    });
}
