/** Readable labels for dates kept at the precision of their source: "2024-05" → "May 2024". */
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function dateLabel(date: string | null | undefined): string | null {
  if (!date) return null;
  const [y, m, d] = date.split("-");
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1]!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
