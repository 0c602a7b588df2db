/**
 * Where the `strings(en, ko)` groups of interface strings (src/lib/i18n/) are in a file's
 * text, found without a parser: the call, and its two object literals by balancing braces
 * (strings and template literals skipped). Used to build each edition's browser code with
 * only its own language's strings, and to tell the Korean-only characters to the fonts.
 */

export interface StringsCall {
  /** The call `strings(` … `)`, end exclusive. */
  start: number;
  end: number;
  /** The English and the Korean object literals, end exclusive. */
  en: [number, number];
  ko: [number, number];
}

/** Each `strings({ … }, { … })` call whose two arguments are object literals. */
export function stringsCalls(text: string): StringsCall[] {
  const calls: StringsCall[] = [];
  const re = /\bstrings\(\s*\{/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const en0 = text.indexOf("{", m.index);
    const en1 = closingBrace(text, en0) + 1;
    if (en1 <= 0) break;
    const comma = /^\s*,\s*/.exec(text.slice(en1));
    if (!comma || text[en1 + comma[0].length] !== "{") continue;
    const ko0 = en1 + comma[0].length;
    const ko1 = closingBrace(text, ko0) + 1;
    if (ko1 <= 0) break;
    const close = /^\s*,?\s*\)/.exec(text.slice(ko1));
    if (!close) continue;
    calls.push({ start: m.index, end: ko1 + close[0].length, en: [en0, en1], ko: [ko0, ko1] });
    re.lastIndex = ko1;
  }
  return calls;
}

/** The text with each `strings(en, ko)` call replaced by a group holding one language's object for both. */
export function oneLanguage(text: string, lang: "en" | "ko"): string {
  const calls = stringsCalls(text);
  if (!calls.length) return text;
  let out = "";
  let at = 0;
  for (const c of calls) {
    const [s, e] = c[lang];
    out += `${text.slice(at, c.start)}__oneLanguage(${text.slice(s, e)})`;
    at = c.end;
  }
  // Either language's key reads the same strings: a page's script is of its page's language.
  return `${out}${text.slice(at)}\nfunction __oneLanguage<T>(s: T) {\n  return { en: s, ko: s } as const;\n}\n`;
}

/** Index of the brace closing the one at `open`, skipping strings and comments; -1 if none. */
export function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === "`") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === "\\") i++;
    } else if (c === "/" && text[i + 1] === "/") i = text.indexOf("\n", i) < 0 ? text.length : text.indexOf("\n", i);
    else if (c === "/" && text[i + 1] === "*") i = text.indexOf("*/", i + 2) < 0 ? text.length : text.indexOf("*/", i + 2) + 1;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return -1;
}
