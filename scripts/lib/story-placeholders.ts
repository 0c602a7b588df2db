/**
 * The example text `npm run new:story` writes for the journalist to replace. The build
 * report warns about any story that still has it.
 */
export const STORY_PLACEHOLDERS = {
  dek: "One sentence under the headline that tells readers what the story finds.",
  byline: "Your name",
  body: "Write the story here, in your own words.",
} as const;

/** The same for a Korean story started with `npm run new:story -- --lang ko --translation-of <slug>`. */
export const STORY_PLACEHOLDERS_KO = {
  title: "한국어 제목을 쓰세요",
  dek: "제목 아래에 기사가 무엇을 밝히는지 한 문장으로 쓰세요.",
  byline: "글쓴이 이름",
  body: "여기에 기사를 직접 쓰세요.",
} as const;
