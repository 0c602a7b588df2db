/**
 * npm run new:story -- --title "…" --district <slug> [--slug name] [--date YYYY-MM-DD]
 * npm run new:story -- --lang ko --translation-of <slug> [--date YYYY-MM-DD]   (the Korean version of an English story)
 */
import { parseArgs } from "node:util";
import { runCli } from "./lib/cli.ts";
import { newStory, newTranslation } from "./lib/new-story.ts";

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      title: { type: "string", default: "" },
      district: { type: "string", default: "" },
      slug: { type: "string" },
      date: { type: "string" },
      lang: { type: "string", default: "en" },
      "translation-of": { type: "string" },
    },
    allowPositionals: false,
  });
  if (values.lang === "ko" || values["translation-of"] !== undefined) {
    const { file } = await newTranslation({ root: process.cwd(), translationOf: values["translation-of"] ?? "", date: values.date });
    console.log(
      [
        `Created ${file}.`,
        `Run "npm start" and open http://localhost:8080${file.replace(/^src\/ko\/stories\/(.*)\.md$/, "/ko/stories/$1/")} to see it.`,
        "Then write the title, the dek, the byline, the text and each scrolly step in Korean (the build report warns while the placeholders are left).",
      ].join("\n"),
    );
    return;
  }
  const { file } = await newStory({
    root: process.cwd(),
    title: values.title!,
    district: values.district!,
    slug: values.slug,
    date: values.date,
  });
  console.log(
    [
      `Created ${file}.`,
      `Run "npm start" and open http://localhost:8080${file.replace(/^src\/stories\/(.*)\.md$/, "/stories/$1/")} to see it.`,
      "Then write the dek, the byline and the text (the build report warns while the examples are left), and make the map your own.",
    ].join("\n"),
  );
});
