/** Every Markdown file in src/stories/ is a story: story layout, /stories/<file name>/. */
export default {
  layout: "layouts/story.11ty.ts",
  tags: ["story"],
  permalink: (data: { page: { fileSlug: string } }) => `/stories/${data.page.fileSlug}/`,
};
