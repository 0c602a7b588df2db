/**
 * Readable labels for dates kept at the precision of their source: "2024-05" → "May 2024",
 * and in Korean news style "2024년 5월" ("2023-03-15" → "2023년 3월 15일").
 */
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function dateLabel(date: string | null | undefined, lang: "en" | "ko" = "en"): string | null {
  if (!date) return null;
  const [y, m, d] = date.split("-");
  if (lang === "ko") return `${y}년${m ? ` ${Number(m)}월` : ""}${m && d ? ` ${Number(d)}일` : ""}`;
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1]!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
