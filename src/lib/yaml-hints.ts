/**
 * Plain advice for the YAML mistakes people make in the files they edit by hand (corrections,
 * sources, dataset descriptors), from the `yaml` parser's error code: its message names the
 * place but speaks the parser's language ("Nested mappings are not allowed in compact mappings").
 */
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

/** The advice for a YAML error of the `yaml` package (by its code), then the file's own reminder of its shape. */
export function yamlHint(error: { code?: string }, shape: string): string {
  const advice = error.code ? ADVICE[error.code] : undefined;
  return advice ? `${advice} ${shape}` : shape;
}
