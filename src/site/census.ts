/**
 * The census figures of a district page: the 2015 census population (the latest complete
 * figure), the Korean nationals of 2015 beside the 2010 census, which counted Korean
 * nationals only (the change is computed on that same basis), and the density from the
 * 2015 total. Without the census-2015-gu dataset (a fixture site), the 2010 figures.
 */
import type { DatasetStore, Row } from "../figures/datasets.ts";
import { formatNumber, type Locale } from "../lib/format.ts";
import { CENSUS } from "../lib/i18n/census.ts";
import { fill, type Lang } from "../lib/i18n/index.ts";

export const CENSUS_DATASET = "census-2015-gu";

export interface KeyFigure {
  label: string;
  value: string;
  note: string;
}

/** The district's row of census-2015-gu, if the dataset exists and has one. */
export function censusRow(store: DatasetStore, code: string): Row | undefined {
  if (!store.info(CENSUS_DATASET)) return undefined;
  return store.get(CENSUS_DATASET).rows.find((r) => r.gu_code === code);
}

/** "+12,345 (+2.4 %)" or "−1,234 (−0.3 %)": a change with its sign, and its share of the earlier figure. */
export function signedChange(from: number, to: number, lang: Lang = "en"): string {
  const diff = to - from;
  const sign = (n: number) => (n > 0 ? "+" : n < 0 ? "−" : "±");
  const pct = Math.round((1000 * diff) / from) / 10;
  const locale: Locale = lang;
  // Korean news writes the percent sign without a space ("−3.0%").
  return `${sign(diff)}${formatNumber(Math.abs(diff), { locale })} (${sign(pct)}${Math.abs(pct).toFixed(1)}${lang === "ko" ? "" : "\u00a0"}%)`;
}

/** Population, Korean nationals and density of a district: 2015 census where there is a row, else 2010. */
export function populationFigures(district: Row, census: Row | undefined, lang: Lang = "en"): KeyFigure[] {
  const t = CENSUS[lang];
  const locale: Locale = lang;
  const area = district.area_km2 as number;
  const pop2010 = district.population_2010 as number | null;
  if (!census) {
    return [
      { label: t.population2010, value: formatNumber(pop2010, { locale }), note: t.population2010Note },
      {
        label: t.density,
        value: fill(t.densityValue, { value: formatNumber(district.density_2010 as number, { locale }) }),
        note: t.density2010Note,
      },
    ];
  }
  const total = census.total as number;
  const koreans = census.korean_nationals as number;
  return [
    { label: t.population, value: formatNumber(total, { locale }), note: t.populationNote },
    {
      label: t.koreans,
      value: formatNumber(koreans, { locale }),
      note:
        typeof pop2010 === "number"
          ? fill(t.koreansNote, { change: signedChange(pop2010, koreans, lang), population2010: formatNumber(pop2010, { locale }) })
          : t.koreansNoChange,
    },
    { label: t.density, value: fill(t.densityValue, { value: formatNumber(Math.round(total / area), { locale }) }), note: t.densityNote },
  ];
}

/** Seoul's 2015 census total, as the sum check found it (the census-seoul row), for the source note. */
export function seoulTotal2015(store: DatasetStore): number | undefined {
  if (!store.info("census-seoul")) return undefined;
  const row = store.get("census-seoul").rows.find((r) => r.id === "2015-total");
  return typeof row?.value === "number" ? row.value : undefined;
}
