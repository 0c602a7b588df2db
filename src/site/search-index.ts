/** Build the Pagefind full-text index of a built site into <outDir>/pagefind/. */
import { relative } from "node:path";
import * as pagefind from "pagefind";

/** A page the build wrote: where, and its HTML. */
export interface BuiltPage {
  outputPath: string;
  content: unknown;
}

/** Pagefind's glob syntax (wax): these characters are escaped in a literal path. */
const GLOB_SPECIAL = /[\\?*$:<>()[\]{},!]/g;

/**
 * The glob that makes Pagefind read only the parts of the site that hold searchable pages.
 * When any page has `data-pagefind-body`, Pagefind leaves every page without it out of the
 * index, yet still reads and parses each one (the 2,000 embed pages of a 1,000-story site
 * cost it as much as the stories). So the glob names each top-level folder (or root file)
 * that holds at least one searchable page, and the index comes out byte-identical while
 * Pagefind reads a fraction of the files. With no searchable page at all, Pagefind's
 * default (every HTML file) is kept.
 */
export function searchGlob(outDir: string, pages: BuiltPage[]): string | undefined {
  const tops = new Set<string>();
  for (const p of pages) {
    if (!p.outputPath.endsWith(".html") || typeof p.content !== "string" || !p.content.includes("data-pagefind-body")) continue;
    const parts = relative(outDir, p.outputPath).split(/[\\/]/);
    const top = parts[0]!.replace(GLOB_SPECIAL, "\\$&");
    tops.add(parts.length > 1 ? `${top}/**/*.html` : top);
  }
  return tops.size ? `{${[...tops].sort().join(",")}}` : undefined;
}

export async function buildSearchIndex(outDir: string, options: { glob?: string } = {}): Promise<{ pages: number }> {
  // One index per language, read from each page's <html lang> (en, ko): a search page loads
  // the index of its own language, so a Korean query finds Korean pages and an English one English.
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: outDir, ...(options.glob ? { glob: options.glob } : {}) });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
