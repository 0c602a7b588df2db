/**
 * A copy of a string (or of plain data holding strings) that does not keep alive the
 * larger string it was cut from. V8 makes
 * a substring (slice, a regular expression's match) a view of its parent, so a short path
 * or key cut from a page's HTML and kept for the build report kept the whole page in
 * memory: on a 10,000-story site, gigabytes. Use it for what outlives the page it came from.
 */
export function detach<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
