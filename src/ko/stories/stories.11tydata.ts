/**
 * Every Markdown file in src/ko/stories/ is the Korean version of the English story of the
 * same file name (their front matter shares a `translation_key`): the story layout, in
 * Korean, at /ko/stories/<file name>/.
 */
import english from "../../stories/stories.11tydata.ts";

export default {
  ...english,
  permalink: (data: { page: { fileSlug: string } }) => `/ko/stories/${data.page.fileSlug}/`,
};
