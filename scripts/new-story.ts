/** npm run new:story -- --title "…" --district <slug> [--slug name] [--date YYYY-MM-DD] */
import { parseArgs } from "node:util";
import { runCli } from "./lib/cli.ts";
import { newStory } from "./lib/new-story.ts";

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      title: { type: "string", default: "" },
      district: { type: "string", default: "" },
      slug: { type: "string" },
      date: { type: "string" },
    },
    allowPositionals: false,
  });
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
