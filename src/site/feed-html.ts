/**
 * A story's HTML for the Atom feed: every URL made absolute by the RSS plugin's
 * `convertHtmlToAbsoluteUrls`, which parses and re-serialises the whole HTML (posthtml) —
 * about 1.5 ms for a story with two figures, so 1,000 stories spend more time here than in
 * any template. Results are cached on disk by content (the HTML, the story's URL and the
 * versions of the code that converts), so a rebuild converts only the stories that changed.
 * The HTML may hold figure placeholders (named by their content): `expand` fills them in,
 * only when the entry is not in the cache.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import { writeFileAtomic } from "../../scripts/lib/atomic.ts";

/** The plugin and the HTML parser and serialiser it converts with (a new version may convert differently), as name@version. */
const CONVERTER = (() => {
  const plugin = createRequire(import.meta.url).resolve("@11ty/eleventy-plugin-rss/package.json");
  const near = createRequire(plugin);
  return [plugin, near.resolve("posthtml/package.json"), near.resolve("@11ty/posthtml-urls/package.json")]
    .map((path) => JSON.parse(readFileSync(path, "utf8")) as { name: string; version: string })
    .map((p) => `${p.name}@${p.version}`)
    .join(" ");
})();

export async function feedHtml(html: string, url: string, cacheDir: string, expand: (html: string) => string = (h) => h): Promise<string> {
  const key = createHash("sha256").update(`${CONVERTER}\0${url}\0`).update(html).digest("hex").slice(0, 24);
  const path = join(cacheDir, `${key}.html`);
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const converted = await convertHtmlToAbsoluteUrls(expand(html), url);
  await writeFileAtomic(path, converted);
  return converted;
}
