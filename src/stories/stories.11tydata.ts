/** Every Markdown file in src/stories/ is a story: story layout, /stories/<file name>/. */
export default {
  layout: "layouts/story.11ty.ts",
  tags: ["story"],
  permalink: (data: { page: { fileSlug: string } }) => `/stories/${data.page.fileSlug}/`,
  ogType: "article",
  eleventyComputed: {
    // Written by the build beside the page (src/site/share-card.ts).
    shareImage: (data: { page: { url: string } }) => `${data.page.url}share.png`,
  },
};
