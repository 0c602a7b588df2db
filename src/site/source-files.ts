/**
 * Files under src/ that the build publishes as they are, checked before anything is
 * written. Pages are Markdown or 11ty.ts templates, which get the site's layout and its
 * Content-Security-Policy; `src/static/` (copied to the site's root) holds pictures and
 * other plain files only:
 *
 * - no HTML (or XHTML, XML, SVGZ…) page in src/static/: it would be served without layout or policy;
 * - no symbolic link: it would publish whatever file it points to on the machine;
 * - no SVG anywhere under src/ with a script, an event handler, a javascript: (or
 *   data:text/html) link, an embedded HTML or an animation that rewrites a link: an SVG
 *   opened on its own address runs its scripts, and a server that ignores `_headers` sends
 *   it without the policy. SVGs are read with htmlparser2 in XML mode, with line numbers.
 */
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { Parser } from "htmlparser2";
import type { Problem } from "../../scripts/lib/problems.ts";

/** What src/static/ may hold, by extension. */
export const STATIC_EXTENSIONS = [
  ".svg",
  ".png",
  ".jpg",
  ".jpeg",
  ".gif",
  ".webp",
  ".avif",
  ".ico",
  ".txt",
  ".pdf",
  ".woff2",
  ".json",
  ".csv",
];

const SCRIPT_ELEMENTS = /^(script|foreignobject|iframe|object|embed|handler|listener)$/i;
const CODE_URL = /^\s*(javascript|vbscript|data\s*:\s*(text\/html|application\/(xhtml|javascript)|image\/svg))/i;

function walk(dir: string, visit: (path: string, isLink: boolean) => void): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names.sort()) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) visit(path, true);
    else if (stat.isDirectory()) walk(path, visit);
    else visit(path, false);
  }
}

/** Every script, handler or code link in an SVG's text, with its line. */
export function svgProblems(text: string, file: string): Problem[] {
  const problems: Problem[] = [];
  const lineAt = (index: number) => text.slice(0, index).split("\n").length;
  const hint = "An SVG under src/ must be a picture only: remove scripts, on… attributes and javascript: links (a chart is a ```figure).";
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        const line = lineAt(parser.startIndex);
        if (SCRIPT_ELEMENTS.test(name)) problems.push({ code: "svg-script", file, line, message: `the SVG contains <${name}>`, hint });
        for (const [attr, value] of Object.entries(attributes)) {
          if (/^on/i.test(attr))
            problems.push({ code: "svg-script", file, line, message: `<${name} ${attr}="…">: an event handler`, hint });
          else if (CODE_URL.test(value))
            problems.push({
              code: "svg-script",
              file,
              line,
              message: `<${name} ${attr}="${value.slice(0, 40)}">: a link that runs code`,
              hint,
            });
          else if (/^attributename$/i.test(attr) && /href|^on/i.test(value))
            problems.push({
              code: "svg-script",
              file,
              line,
              message: `<${name} attributeName="${value}">: an animation that rewrites a link or a handler`,
              hint,
            });
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  return problems;
}

/** Problems with the files under `inputDir` that are published as they are (see the module comment). */
export function sourceFileProblems(root: string, inputDir: string): Problem[] {
  const problems: Problem[] = [];
  const rel = (p: string) => relative(root, p).split("\\").join("/");
  const staticDir = join(inputDir, "static");
  walk(inputDir, (path, isLink) => {
    const inStatic = !relative(staticDir, path).startsWith("..");
    const ext = extname(path).toLowerCase();
    if (isLink) {
      if (inStatic)
        problems.push({
          code: "static-file",
          file: rel(path),
          message: "a symbolic link: the build would publish the file it points to",
          hint: "Copy the file itself into src/static/.",
        });
      return;
    }
    if (inStatic && !STATIC_EXTENSIONS.includes(ext))
      problems.push({
        code: "static-file",
        file: rel(path),
        message: `src/static/ holds pictures and plain files, not ${ext ? `${ext} files` : "files without an extension"}`,
        hint: /\.(x?html?|xml|xsl|shtml)$/.test(ext)
          ? "A page is a Markdown file (a story in src/stories/) or an 11ty.ts template, so that it gets the site's layout and security policy."
          : `Files src/static/ may hold: ${STATIC_EXTENSIONS.join(", ")}.`,
      });
    if (ext === ".svg") problems.push(...svgProblems(readFileSync(path, "utf8"), rel(path)));
  });
  return problems;
}
