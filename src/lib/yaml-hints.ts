/**
 * Plain advice for the YAML mistakes people make in the files they edit by hand (corrections,
 * sources, dataset descriptors, figure specs), from the `yaml` parser's error code: its
 * message names the place but speaks the parser's language ("Nested mappings are not allowed
 * in compact mappings"). A quote opened and never closed is named where it opens: the parser
 * notices it only where the text ends, lines or whole entries below.
 */
import { Parser } from "yaml";

const ADVICE: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY:
    "A value that holds a colon followed by a space (\": \") must be in quotes: now: 'It reads \"x: y\".' (in single quotes, write an apostrophe twice: '').",
  MULTILINE_IMPLICIT_KEY:
    "A value runs onto the next line without quotes, or that line is indented wrongly: keep the value on one line, or put it in quotes.",
  MISSING_CHAR:
    "A quote is opened and not closed (it may be on a line above this one), or a line is indented wrongly: close the quote, and start each line of an entry in the same column as the one above it.",
  UNEXPECTED_TOKEN:
    "Something follows a closed quote: inside single quotes write an apostrophe twice ('it''s'), inside double quotes write \\\" for a quote.",
  TAB_AS_INDENT: "Indent with spaces, not tabs.",
  DUPLICATE_KEY: "A key appears twice in one entry: keep one of them.",
  BAD_INDENT: "Start each line of an entry in the same column as the one above it; indent a nested key two spaces under its parent.",
};

const UNCLOSED_ADVICE: Record<'"' | "'", string> = {
  '"': 'Close the quote where the value ends. Inside double quotes, write \\" for a quote mark.',
  "'": "Close the quote where the value ends. Inside single quotes, write an apostrophe twice: 'it''s'.",
};

/** The advice for a YAML error of the `yaml` package (by its code), then the file's own reminder of its shape. */
export function yamlHint(error: { code?: string }, shape: string): string {
  const advice = error.code ? ADVICE[error.code] : undefined;
  return advice ? `${advice} ${shape}` : shape;
}

/** True when a quoted scalar's source (from its opening quote) ends with its closing quote. */
function isClosed(source: string): boolean {
  return source.startsWith("'") ? /^'(?:[^']|'')*'$/.test(source) : /^"(?:[^"\\]|\\[\s\S])*"$/.test(source);
}

/** The first quoted value of `text` that is never closed: the line (1-based) where its quote opens, from the parser's syntax tree. */
export function unclosedQuote(text: string): { line: number; quote: '"' | "'" } | undefined {
  let found: { line: number; quote: '"' | "'" } | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    const token = node as { type?: string; source?: unknown; offset?: number };
    if ((token.type === "double-quoted-scalar" || token.type === "single-quoted-scalar") && typeof token.source === "string") {
      if (!isClosed(token.source))
        found = { line: text.slice(0, token.offset ?? 0).split("\n").length, quote: token.source[0] as '"' | "'" };
      return;
    }
    for (const [key, value] of Object.entries(node)) if (key !== "source") walk(value);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found;
}

/** A YAML error of the `yaml` package as the parts of a problem: its line in `text` (1-based), what is wrong, how to fix it. */
export interface YamlErrorParts {
  line?: number;
  message: string;
  hint: string;
}

/**
 * What to say of a YAML error in `text`. A quote that is never closed is named at the line
 * where it opens ("the value in double quotes that opens on this line is not closed"), as a
 * CSV's is; other errors at the line the parser gives, with advice for their code. Lines are
 * counted in the file: `text` starts after its line `lineOffset` (a figure spec's fence).
 */
export function yamlError(
  error: { code?: string; message: string; linePos?: [{ line: number }, ...unknown[]] },
  text: string,
  shape: string,
  lineOffset = 0,
): YamlErrorParts {
  const parsed = error.linePos?.[0]?.line;
  const at = parsed === undefined ? undefined : parsed + lineOffset;
  if (error.code === "MISSING_CHAR" && /closing ["']?quote/i.test(error.message)) {
    const open = unclosedQuote(text);
    if (open) {
      const line = open.line + lineOffset;
      const kind = open.quote === '"' ? "double" : "single";
      return {
        line,
        message: `the value in ${kind} quotes that opens on this line is not closed${at && at > line ? ` (the parser read on to line ${at})` : ""}`,
        hint: `${UNCLOSED_ADVICE[open.quote]} ${shape}`,
      };
    }
  }
  return { line: at, message: error.message.split("\n")[0]!, hint: yamlHint(error, shape) };
}
