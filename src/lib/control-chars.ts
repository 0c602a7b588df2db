/**
 * Control characters: invisible, they reach a terminal as commands (ESC starts colour and
 * cursor sequences, BEL rings), make XML such as the feed malformed, and end up in pages
 * as junk. Text may hold tab and line ends (LF, or CR LF); every other C0 or C1 control
 * character, DEL included, is refused where text enters the build, and escaped where
 * text leaves it for a terminal.
 */
import type { Problem } from "../../scripts/lib/problems.ts";

/** C0 controls but tab and LF, DEL, C1 controls; and a CR that is not part of a CR LF line end. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is what this module is for
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/g;

const NAMES: Record<number, string> = { 0: "NUL", 7: "BEL", 8: "BS", 11: "VT", 12: "FF", 13: "CR", 27: "ESC", 127: "DEL" };

/** "ESC (U+001B)" */
export function controlName(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return NAMES[code] ? `${NAMES[code]} (${hex})` : hex;
}

export interface ControlChar {
  /** 1-based line in the text. */
  line: number;
  /** 1-based column. */
  column: number;
  char: string;
}

/** Every control character in `text` that text may not hold, with its line and column. */
export function findControlChars(text: string): ControlChar[] {
  const found: ControlChar[] = [];
  CONTROL.lastIndex = 0;
  for (let m = CONTROL.exec(text); m; m = CONTROL.exec(text)) {
    const before = text.slice(0, m.index);
    const lineStart = before.lastIndexOf("\n") + 1;
    found.push({ line: before.split("\n").length, column: m.index - lineStart + 1, char: m[0] });
  }
  return found;
}

export function hasControlChars(text: string): boolean {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text);
}

/** `text` safe to print on a terminal or in XML: each control character written as \x1B (tab and line ends kept). */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** Control characters in a source file, one problem per line that holds any. */
export function controlCharProblems(text: string, file: string): Problem[] {
  const byLine = new Map<number, string[]>();
  for (const c of findControlChars(text))
    byLine.set(c.line, [...(byLine.get(c.line) ?? []), `${controlName(c.char)} at column ${c.column}`]);
  return [...byLine].map(([line, found]) => ({
    code: "control-character",
    file,
    line,
    message: `an invisible control character: ${found.join(", ")}`,
    hint: CONTROL_CHAR_HINT,
  }));
}

/**
 * Control characters in the text values of parsed YAML (an escape such as "\u001b" in a
 * double-quoted value holds none in the file itself): the top-level key each is under.
 */
export function controlCharsInValues(data: unknown): { key: string; char: string }[] {
  const found: { key: string; char: string }[] = [];
  const visit = (value: unknown, key: string) => {
    if (typeof value === "string") {
      CONTROL.lastIndex = 0;
      const m = CONTROL.exec(value.replace(/\r\n/g, "\n"));
      if (m) found.push({ key, char: m[0] });
    } else if (Array.isArray(value)) for (const v of value) visit(v, key);
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(v, key || k);
  };
  visit(data, "");
  return found;
}

/** The hint of every control-character problem. */
export const CONTROL_CHAR_HINT =
  "Delete it (retype the text if you cannot see it): such characters come with text copied from terminals or PDFs, and would garble the feed and the build's messages.";

const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text that XML 1.0 can hold: a character it forbids becomes U+FFFD (the feed stays well-formed whatever reaches it). */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, "\uFFFD");
}
