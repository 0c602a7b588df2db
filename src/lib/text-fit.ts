/**
 * Text in SVG has no layout engine: these estimates decide label columns, truncation and
 * line breaks. Widths are for the site font (Pretendard) at `size` px: Hangul is about
 * square, Latin about half as wide (checked against Pretendard in Chromium: within a few per
 * cent, mostly wider). Estimates err on the wide side so text never overlaps.
 */
const NARROW = new Set([..." .,:;'’|!ilftrI()[]-"].map((ch) => ch.charCodeAt(0)));
const WIDE = new Set([..."MW%@mw"].map((ch) => ch.charCodeAt(0)));

/** Width in ems of the character with UTF-16 code `c` (a character outside the BMP: 0.57). */
function charWidth(c: number): number {
  if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f) || (c >= 0xac00 && c <= 0xd7af)) return 1; // Hangul
  if (c >= 0x30 && c <= 0x39) return 0.6; // digits
  if (NARROW.has(c)) return 0.3;
  if (WIDE.has(c)) return 0.86;
  if (c >= 0x41 && c <= 0x5a) return 0.68; // other capitals
  return 0.57;
}

// Character codes, not regular expressions: labels are measured thousands of times per build.
export function textWidth(text: string, size = 13): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is one character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    w += charWidth(c);
  }
  return w * size;
}

/** The text, cut with an ellipsis when it is wider than `max` px. */
export function truncate(text: string, max: number, size = 13): string {
  if (textWidth(text, size) <= max) return text;
  let out = "";
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, size) > max) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/**
 * Greedy line breaking at spaces (or anywhere in a word longer than a line). With
 * `keepSpaces`, a line that ends at a space keeps it, so the lines joined give the text back
 * (the text of a wrapped label is then the whole label, for copying and for search).
 */
export function wrapText(text: string, max: number, size = 13, keepSpaces = false): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, size) <= max) {
      line = candidate;
      continue;
    }
    if (line) lines.push(keepSpaces ? `${line} ` : line);
    line = word;
    // A word wider than the line: cut it into pieces that fit.
    while (textWidth(line, size) > max && line.length > 1) {
      let piece = "";
      for (const ch of line) {
        if (textWidth(piece + ch, size) > max) break;
        piece += ch;
      }
      piece ||= line[0]!;
      lines.push(piece);
      line = line.slice(piece.length);
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}
