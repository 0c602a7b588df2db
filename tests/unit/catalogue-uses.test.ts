/**
 * The data catalogue's "used by": each dataset's figures with the page they are on, in the
 * reader's edition. The lookup is indexed once per build (src/site/catalogue.ts); the
 * preview fills the list of figures again in place after a save, and the catalogue must
 * show the figures as they are now, not as they were indexed.
 */
import { describe, expect, it } from "vitest";
import { type FigureUse, type PageRef, usesOf } from "../../src/site/catalogue.ts";

const pages: PageRef[] = [
  { url: "/stories/alley/", inputPath: "./src/stories/alley.md", data: { title: "The alley economy" } },
  { url: "/ko/stories/alley/", inputPath: "./src/ko/stories/alley.md", data: { title: "골목경제" } },
  { url: "/stories/carbon/", inputPath: "./src/stories/carbon.md", data: { title: "Carbon neutral by 2050" } },
];

describe("the datasets' figures in the catalogue", () => {
  it("lists each dataset's figures on their pages, in the reader's edition, and follows the list as the preview refills it", () => {
    const figures: FigureUse[] = [
      {
        id: "alley-map",
        title: "Alley map",
        title_ko: "골목 지도",
        file: "src/stories/alley.md",
        datasets: ["districts", "g-valley-anchors"],
      },
      { id: "carbon-bars", title: "Emissions", title_ko: "배출량", file: "src/stories/carbon.md", datasets: ["ghg-gu"] },
      { id: "orphan", title: "On no page", file: "src/stories/gone.md", datasets: ["districts"] },
    ];
    expect(usesOf("districts", figures, pages)).toEqual([
      { id: "alley-map", title: "Alley map", titleLang: "en", url: "/stories/alley/#alley-map", page: "The alley economy" },
    ]);
    expect(usesOf("districts", figures, pages, "ko")).toEqual([
      // Named as the Korean page shows it.
      { id: "alley-map", title: "골목 지도", titleLang: "ko", url: "/ko/stories/alley/#alley-map", page: "골목경제" },
    ]);
    // No Korean version of the carbon story: the Korean catalogue links the English page, by the title that page shows.
    expect(usesOf("ghg-gu", figures, pages, "ko").map((u) => [u.url, u.title, u.titleLang])).toEqual([
      ["/stories/carbon/#carbon-bars", "Emissions", "en"],
    ]);

    // A save in the preview: the same array, filled again (a figure retitled, another now drawing from districts).
    figures.length = 0;
    figures.push(
      { id: "carbon-bars", title: "Emissions", file: "src/stories/carbon.md", datasets: ["ghg-gu", "districts"] },
      { id: "alley-map", title: "Alley map, 2023", file: "src/stories/alley.md", datasets: ["g-valley-anchors"] },
    );
    expect(usesOf("districts", figures, pages).map((u) => u.url)).toEqual(["/stories/carbon/#carbon-bars"]);
    expect(usesOf("g-valley-anchors", figures, pages).map((u) => u.title)).toEqual(["Alley map, 2023"]);
  });
});
