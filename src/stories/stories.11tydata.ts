/** Every Markdown file in src/stories/ is a story: story layout, /stories/<file name>/. */
import { checkStoryData } from "../site/story-front-matter.ts";

export default {
  // Front matter checked when the site is built: missing title or date, unknown keys, unknown districts.
  eleventyDataSchema: checkStoryData,
  layout: "layouts/story.11ty.ts",
  tags: ["story"],
  permalink: (data: { page: { fileSlug: string } }) => `/stories/${data.page.fileSlug}/`,
  ogType: "article",
  eleventyComputed: {
    // Written by the build beside the page (src/site/share-card.ts).
    shareImage: (data: { page: { url: string } }) => `${data.page.url}share.png`,
  },
};
