/**
 * Text in SVG has no layout engine: these estimates decide label columns, truncation and
 * line breaks. Widths are for the site font (Pretendard) at `size` px: Hangul is about
 * square, Latin about half as wide (checked against Pretendard in Chromium: within a few per
 * cent, mostly wider). Estimates err on the wide side so text never overlaps.
 */
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
const NARROW = /[ .,:;'’|!ilftrI()[\]-]/;

export function textWidth(text: string, size = 13): number {
  let w = 0;
  for (const ch of text)
    w += HANGUL.test(ch) ? 1 : /[0-9]/.test(ch) ? 0.6 : NARROW.test(ch) ? 0.3 : /[MW%@mw]/.test(ch) ? 0.86 : /[A-Z]/.test(ch) ? 0.68 : 0.57;
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
