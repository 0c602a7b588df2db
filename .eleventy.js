// Eleventy 3 configuration. The site's logic lives in TypeScript (src/site/eleventy.ts);
// tsx lets Node 20 import it. Imports of .ts files must be dynamic: they have to run
// after tsx has registered its loader.
import "tsx/esm";

export default async function (eleventyConfig) {
  const { default: atlasPlugin } = await import("./src/site/eleventy.ts");
  eleventyConfig.addPlugin(atlasPlugin, { root: process.cwd(), data: process.env.ATLAS_SKIP_DATA !== "1" });
  return {
    // No `output` here: Eleventy defaults to _site, and the build script passes a staging folder.
    dir: { input: "src", includes: "_includes", data: "_data" },
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
    templateFormats: ["md", "11ty.ts"],
  };
}
