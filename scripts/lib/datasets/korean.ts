/**
 * The data's text in both editions. A text column a reader sees has a Korean twin beside it
 * (`metric` → `metric_ko`, `name_en` → `name_ko`): the English edition shows the one, the
 * Korean edition the other. A journalist may fill either first; what is missing is listed
 * (file, line, column) in the data run's log and the build report, never invented, and the
 * site shows the other language's text in its place, marked as such.
 *
 * Listed here, as gaps: a row whose English cell is filled and its Korean twin empty, or the
 * other way round; a field with a unit but no `unit_ko`, or a description but no
 * `description_ko`; English caveats (`notes`) without Korean ones (`notes_ko`). Derived twins (lookups, joins, templates) are filled by the
 * pipeline and never gaps.
 */
import type { TranslationGap } from "../../../src/lib/manifest.ts";
import type { CsvTable } from "../csv.ts";
import { columnOf, type DatasetDescriptor, type FieldDescriptor } from "./descriptor.ts";

/** The field holding `f`'s text in Korean, if the dataset has one (`metric` → `metric_ko`, `name_en` → `name_ko`). */
export function koreanTwin(fields: readonly FieldDescriptor[], f: FieldDescriptor): FieldDescriptor | undefined {
  if (f.name.endsWith("_ko")) return undefined;
  const names = [`${f.name}_ko`, ...(f.name.endsWith("_en") ? [`${f.name.slice(0, -3)}_ko`] : [])];
  for (const name of names) {
    const twin = fields.find((g) => g.name === name);
    if (twin) return twin;
  }
  return undefined;
}

/** Text missing in one edition: rows whose English or Korean cell is empty while its twin is not, units and caveats without Korean. */
export function translationGaps(d: DatasetDescriptor, table?: CsvTable): TranslationGap[] {
  const { descriptor } = d;
  const fields = descriptor.schema.fields;
  const gaps: TranslationGap[] = [];
  const lineOf = (f: FieldDescriptor) => d.lines.get(f.name);

  for (const f of fields)
    if (f.unit && !f.unit_ko?.trim())
      gaps.push({
        file: d.file,
        line: lineOf(f),
        field: f.name,
        missing: "ko",
        message: `the field "${f.name}" has a unit (${f.unit}) but no unit_ko`,
        hint: `Add unit_ko: the unit as a Korean table writes it (명, 개, ㎢, 억 원…), under ${f.name} in ${d.file}.`,
      });
  for (const f of fields)
    if (f.description?.trim() && !f.description_ko?.trim())
      gaps.push({
        file: d.file,
        line: lineOf(f),
        field: f.name,
        missing: "ko",
        message: `the field "${f.name}" has a description but no description_ko`,
        hint: `Add description_ko under ${f.name} in ${d.file}: what the description says, in Korean.`,
      });
  const notes = descriptor.notes ?? [];
  if (notes.length && !descriptor.notes_ko?.length)
    gaps.push({
      file: d.file,
      field: "notes_ko",
      missing: "ko",
      message: `the dataset's ${notes.length} caveat${notes.length === 1 ? "" : "s"} (notes) have no Korean version`,
      hint: "Add notes_ko: one Korean entry per entry of notes, in the same order.",
    });

  if (!table) return gaps;
  const pairs = fields.flatMap((f) => {
    const twin = koreanTwin(fields, f);
    const [en, ko] = [columnOf(f), twin && columnOf(twin)];
    return en && ko ? [{ en, ko }] : [];
  });
  for (const row of table.rows)
    for (const { en, ko } of pairs) {
      const [english, korean] = [(row.values[en] ?? "").trim(), (row.values[ko] ?? "").trim()];
      if (Boolean(english) === Boolean(korean)) continue;
      gaps.push(
        english
          ? {
              file: table.file,
              line: row.line,
              field: ko,
              missing: "ko",
              message: `${en} is filled but ${ko} is empty: the Korean edition shows the English text`,
              hint: `Write in ${ko} what ${en} says, in Korean (names as Korean sources write them).`,
            }
          : {
              file: table.file,
              line: row.line,
              field: en,
              missing: "en",
              message: `${ko} is filled but ${en} is empty: the English edition shows the Korean text`,
              hint: `Write in ${en} what ${ko} says, in English.`,
            },
      );
    }
  return gaps;
}
