/** "Gwanak-gu" → "gwanak-gu": a district's slug, its address on the site (/districts/<slug>/), from its English name. */
export function slugOf(nameEn: string): string {
  return nameEn
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
