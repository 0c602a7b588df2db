/**
 * The example text `npm run new:story` writes for the journalist to replace. The build
 * report warns about any story that still has it.
 */
export const STORY_PLACEHOLDERS = {
  dek: "One sentence under the headline that tells readers what the story finds.",
  byline: "Your name",
  body: "Write the story here, in your own words.",
} as const;
