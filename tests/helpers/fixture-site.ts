/**
 * A real Eleventy build of Markdown pages written by a test, on the fixture datasets
 * (tests/helpers/figure-fixtures.ts), into a temporary folder: the site's own plugin,
 * layouts and browser assets, but none of its pages and none of its data (it lives in
 * test-results/fixture-sites/, never in _site/). Used where
 * synthetic data (e.g. hostile labels) must go through the whole build and the browser.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { atlasEleventy } from "../../scripts/lib/atlas-eleventy.ts";
import { writeFixtureData } from "./figure-fixtures.ts";
import { ROOT } from "./paths.ts";

export interface FixtureSite {
  /** The built site. */
  site: string;
  /** The fixture generated/ folder. */
  generated: string;
  remove(): void;
}

/** Modules of src/ the input folder needs, re-exported (Eleventy reads layouts and data from the input folder). */
const SHIMS = [
  "_includes/layouts/base.11ty.ts",
  "_includes/layouts/story.11ty.ts",
  "_includes/layouts/page.11ty.ts",
  "_includes/layouts/embed.11ty.ts",
  "_data/site.ts",
  "maps.11ty.ts",
  "stories/stories.11tydata.ts",
];

export async function buildFixtureSite(pages: Record<string, string>): Promise<FixtureSite> {
  // Inside the project (in the git-ignored test-results/), so the config finds tsx in node_modules.
  // (Not under .cache/: Eleventy skips directory data files below a folder whose name starts with a dot.)
  mkdirSync(join(ROOT, "test-results", "fixture-sites"), { recursive: true });
  const root = mkdtempSync(join(ROOT, "test-results", "fixture-sites", "site-"));
  const input = join(root, "input");
  const generated = join(root, "generated");
  const site = join(root, "site");
  writeFixtureData(generated);
  for (const shim of SHIMS) {
    const path = join(input, shim);
    mkdirSync(dirname(path), { recursive: true });
    const target = join(ROOT, "src", shim);
    writeFileSync(
      path,
      `export * from ${JSON.stringify(target)};\n${/(_data|11tydata)/.test(shim) ? `export { default } from ${JSON.stringify(target)};\n` : ""}`,
    );
  }
  for (const [name, text] of Object.entries(pages)) {
    mkdirSync(dirname(join(input, name)), { recursive: true });
    writeFileSync(join(input, name), text);
  }
  // A config file like .eleventy.js, pointing the plugin at the fixture data. (A file, not
  // a callback: it must load tsx before Eleventy imports the TypeScript templates.)
  const configPath = join(root, "eleventy.config.js");
  writeFileSync(
    configPath,
    `import "tsx/esm";
export default async function (config) {
  const { default: atlasPlugin } = await import(${JSON.stringify(pathToFileURL(join(ROOT, "src", "site", "eleventy.ts")).href)});
  config.setUseGitIgnore(false); // test-results/ is git-ignored, and Eleventy skips git-ignored files
  config.addPlugin(atlasPlugin, { root: ${JSON.stringify(ROOT)}, data: false, generated: ${JSON.stringify(generated)} });
  return { dir: { includes: "_includes", data: "_data" }, markdownTemplateEngine: false, htmlTemplateEngine: false, templateFormats: ["md", "11ty.ts"] };
}
`,
  );
  // Relative to the working folder, as the real build passes them: with an absolute input
  // path Eleventy 3.1 misses directory data files (stories/stories.11tydata.ts).
  await atlasEleventy(relative(process.cwd(), input), relative(process.cwd(), site), { quietMode: true, configPath }).render();
  return { site, generated, remove: () => rmSync(root, { recursive: true, force: true }) };
}
