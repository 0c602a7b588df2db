/**
 * HTML and links in a story's Markdown: the allowed inline elements render, everything the
 * issue found reaching readers (a meta refresh, javascript: and data: links, forms, frames,
 * handlers, pictures from other servers) is refused with the file, the line and what to
 * write instead, and newsroom comments are not published.
 */
import MarkdownIt from "markdown-it";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Problem, ProblemError } from "../../scripts/lib/problems.ts";
import { setSiteUrls } from "../../src/site/editions.ts";
import { markdownHtmlPlugin } from "../../src/site/markdown-html.ts";
import { ROOT } from "../helpers/paths.ts";

const FRONT_MATTER_LINES = 4;
const md = new MarkdownIt({ html: true });
markdownHtmlPlugin(md, { root: ROOT, lineOffset: () => FRONT_MATTER_LINES });

const render = (text: string) => md.render(text, { page: { inputPath: "./src/stories/story.md" } });

/** The problems a Markdown body stops the build with; `line` is counted in the file, below 4 lines of front matter. */
function refusals(text: string): Problem[] {
  try {
    render(text);
  } catch (error) {
    if (error instanceof ProblemError) return error.problems;
    throw error;
  }
  throw new Error(`published:\n${text}`);
}
const fileLine = (bodyLine: number) => FRONT_MATTER_LINES + bodyLine;

describe("HTML a story may write", () => {
  it("renders every allowed inline element, with its allowed attributes", () => {
    const out = render(
      [
        'The <abbr title="Seoul Metropolitan Government">SMG</abbr> plan: CO<sub>2</sub> down 40 %, 10<sup>6</sup> tonnes;',
        '<span lang="ko">탄소중립</span>, <kbd>Ctrl</kbd>+<kbd>F</kbd>, <b>b</b> <i>i</i> <em>em</em> <strong>strong</strong> <small>small</small>',
        '<mark>mark</mark> <q>q</q> <cite>cite</cite> <code>code</code> <dfn title="d">dfn</dfn> <del datetime="2026-01-01">del</del>',
        '<ins datetime="2026-01-02">ins</ins> <time datetime="2026-03-15">15 March</time> <bdi>bdi</bdi> <samp>samp</samp> <s>s</s>',
        "<u>u</u> <var>var</var> long<wbr>word<br>",
        'next line <span dir="rtl">rtl</span>.',
      ].join("\n"),
    );
    for (const tag of [
      '<abbr title="Seoul Metropolitan Government">SMG</abbr>',
      "<sub>2</sub>",
      "<sup>6</sup>",
      '<span lang="ko">탄소중립</span>',
      "<kbd>Ctrl</kbd>",
      '<dfn title="d">dfn</dfn>',
      '<del datetime="2026-01-01">del</del>',
      '<time datetime="2026-03-15">15 March</time>',
      "<wbr>",
      "<br>",
      '<span dir="rtl">rtl</span>',
      "<b>b</b>",
      "<mark>mark</mark>",
      "<var>var</var>",
    ])
      expect(out).toContain(tag);
  });

  it("publishes no HTML comment (they are the newsroom's notes)", () => {
    const out = render("Text <!-- check with the desk --> here.\n\n<!--\nA note\nover lines\n-->\n\nEnd.");
    expect(out).not.toContain("desk");
    expect(out).not.toContain("A note");
    expect(out).toContain("End.");
  });

  it('links to http(s), mailto and site paths; outbound links get rel="noopener"', () => {
    const out = render("[a](https://news.seoul.go.kr/) [b](mailto:desk@example.org) [c](/stories/gwanak-s-valley/) [d](#sources)");
    expect(out).toContain('<a href="https://news.seoul.go.kr/" rel="noopener">a</a>');
    expect(out).toContain('<a href="mailto:desk@example.org">b</a>');
    expect(out).toContain('<a href="/stories/gwanak-s-valley/">c</a>');
    // A backslash after the first slash, which browsers would read as another site's address,
    // is percent-encoded by markdown-it: the link stays a path of this site.
    expect(render("[x](/\\evil.example/phish)")).toContain('<a href="/%5Cevil.example/phish">x</a>');
  });
});

describe("HTML and links a story may not write", () => {
  it.each([
    [
      "a meta refresh to another site",
      '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
      "<meta> is not allowed",
      "layout",
    ],
    [
      "a variant: meta inside a paragraph",
      'Read on <meta http-equiv="refresh" content="0;url=https://evil.example/"> now.',
      "<meta> is not allowed",
      "layout",
    ],
    ["a script", "<script>alert(1)</script>", "<script> is not allowed", "site's code"],
    ["a style", "<style>body{display:none}</style>", "<style> is not allowed", "site's code"],
    ["an iframe", '<iframe src="https://evil.example/"></iframe>', "<iframe> is not allowed", "```figure"],
    ["an object", '<object data="https://evil.example/x.swf"></object>', "<object> is not allowed", "```figure"],
    ["an embed", '<embed src="https://evil.example/x">', "<embed> is not allowed", "```figure"],
    ["a form", '<form action="https://evil.example/"><button>Go</button></form>', "<form> is not allowed", "link to the form"],
    ["a raw link to javascript:", '<a href="javascript:alert(1)">x</a>', "<a> is not allowed", "[text](https://…)"],
    ["a raw link to data:", '<a href="data:text/html,<script>alert(1)</script>">x</a>', "<a> is not allowed", "[text](https://…)"],
    [
      "an event handler on an allowed element",
      'A <span onclick="alert(1)">word</span>.',
      "the attribute onclick is not allowed",
      "Event handlers",
    ],
    ["a style attribute", 'A <abbr title="x" style="color:red">word</abbr>.', "the attribute style is not allowed", "stylesheet"],
    ["an <html> tag, which would add its handler to the page", '<html onclick="alert(1)">', "<html> is not allowed", "layout"],
    ["a picture element", '<img src="/x.png" onerror="alert(1)">', "<img> is not allowed", "```figure"],
    ["an SVG", "<svg onload=alert(1)></svg>", "<svg> is not allowed", "```figure"],
    ["a block element", "<div>text</div>", "<div> is not allowed", "Markdown for structure"],
  ])("%s", (_, html, message, hint) => {
    const problems = refusals(`Intro.\n\n${html}\n`);
    expect(problems.length).toBeGreaterThan(0);
    const p = problems.find((x) => x.message.includes(message));
    expect(p, problems.map((x) => x.message).join("; ")).toBeDefined();
    expect(p).toMatchObject({ file: "src/stories/story.md", line: fileLine(3) });
    expect(p!.hint).toContain(hint);
  });

  it.each([
    ["javascript:", "[x](javascript:alert(1))"],
    ["data:", "[x](data:text/html,%3Cscript%3Ealert(1)%3C/script%3E)"],
    ["vbscript:", "[x](vbscript:msgbox)"],
    ["file:", "[x](file:///etc/passwd)"],
    ["a protocol-relative address", "[x](//evil.example/)"],
    ["an autolink", "<javascript:alert(1)>"],
  ])("a Markdown link to %s", (_, link) => {
    const problems = refusals(`Intro.\n\nSee ${link} now.\n`);
    expect(problems).toEqual([expect.objectContaining({ code: "story-link", line: fileLine(3) })]);
    expect(problems[0]!.hint).toContain("https://");
  });

  it("a picture from another server (a third-party request), and a variant in a list", () => {
    expect(refusals("![map](https://evil.example/track.png)")).toEqual([
      expect.objectContaining({ code: "story-link", line: fileLine(1) }),
    ]);
    expect(refusals("- one\n- two ![x](//evil.example/p.png)")).toEqual([expect.objectContaining({ line: fileLine(2) })]);
  });

  it("names the line of each refusal inside a paragraph, and all of a page's refusals together", () => {
    const problems = refusals('First line,\nsecond <span onclick="x">line</span>,\nthird [x](javascript:y).\n\n<iframe></iframe>\n');
    expect(problems.map((p) => p.line)).toEqual([fileLine(2), fileLine(3), fileLine(5)]);
  });
});

describe("links and pictures to this site's own paths", () => {
  // The build knows its pages once Eleventy's content map is read (src/site/site-guards.ts); here, a few.
  const pages = ["/", "/about/", "/districts/gwanak-gu/", "/stories/gwanak-s-valley/", "/ko/stories/gwanak-s-valley/"];
  beforeAll(() => setSiteUrls(pages));
  afterAll(() => setSiteUrls([]));

  it("a page, a static file and a data download of the build pass, with or without the last slash or an anchor", () => {
    const out = render(
      "[a](/stories/gwanak-s-valley/) [b](/about) [c](/about/#sources) [d](/ko/stories/gwanak-s-valley/) [e](/favicon.svg) [f](/data/districts.csv) ![g](/favicon.svg)",
    );
    expect(out).toContain('href="/about"');
  });

  it("a page the build does not have is refused at its line, with the address meant", () => {
    const problems = refusals("Intro.\n\nSee [the district page](/districts/gwanak/).");
    expect(problems).toEqual([expect.objectContaining({ code: "story-link", line: fileLine(3) })]);
    expect(problems[0]!.message).toContain('"/districts/gwanak/" goes to no page of the site');
    expect(problems[0]!.hint).toContain('Did you mean "/districts/gwanak-gu/"?');
  });

  it("a picture that is not among the site's files is refused, with where to put it", () => {
    const problems = refusals("![The hub](/images/s-valley-hub.jpg)");
    expect(problems).toEqual([expect.objectContaining({ code: "story-link", line: fileLine(1) })]);
    expect(problems[0]!.hint).toContain("src/static/images/s-valley-hub.jpg");
  });
});
