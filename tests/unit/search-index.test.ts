import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { searchGlob } from "../../src/site/search-index.ts";

const out = join("/tmp", "site");
const page = (path: string, searchable: boolean) => ({
  outputPath: join(out, path),
  content: `<html><body><main${searchable ? " data-pagefind-body" : ""}>text</main></body></html>`,
});

describe("search index glob", () => {
  it("names every folder and root page that holds a searchable page, and leaves out the others", () => {
    const glob = searchGlob(out, [
      page("index.html", true),
      page("404.html", false),
      page("stories/a/index.html", true),
      page("stories/b/index.html", true),
      page("embed/a-1/index.html", false),
      page("embed/a-2/index.html", false),
      page("districts/index.html", true),
      { outputPath: join(out, "feed.xml"), content: "<feed data-pagefind-body/>" },
    ]);
    expect(glob).toBe("{districts/**/*.html,index.html,stories/**/*.html}");
  });

  it("escapes glob characters in folder names", () => {
    expect(searchGlob(out, [page("a{b}/index.html", true)])).toBe("{a\\{b\\}/**/*.html}");
  });

  it("leaves Pagefind's default (every page) when no page is marked searchable", () => {
    expect(searchGlob(out, [page("index.html", false)])).toBeUndefined();
  });
});
