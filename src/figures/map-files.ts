/**
 * Where a map figure's interactive configuration lives: its own small JSON file (a story's,
 * written by the page writer, src/site/page-writer.ts; a district page's dong map, by
 * src/maps.11ty.ts) that the page's script fetches only when the reader asks for the
 * interactive map. The page itself carries the address, not the configuration (a map of
 * the 423 dong has 14 KB of gzip of it that a first view does not need).
 */
export function mapFileUrl(figureId: string, lang: "en" | "ko" = "en"): string {
  // The Korean drawing's tooltips and labels are Korean: a file of its own under /ko/.
  return `${lang === "ko" ? "/ko" : ""}/maps/${figureId}.json`;
}
