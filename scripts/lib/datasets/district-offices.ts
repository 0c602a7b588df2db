/**
 * The 25 gu offices (facts.md §3.4): road address and a third-party geocode each. The rows
 * feed two datasets: `district-offices` (points) and the office columns of `districts`.
 */
import { z } from "zod";
import * as c from "../contract.ts";
import type { CsvDatasetSpec } from "../csv-dataset.ts";
import { SOURCE_FIELD } from "./point-fields.ts";

export const GEOCODES = ["code-gu-offices-tmap", "code-district-centers"] as const;

const schema = z.object({
  code: c.guCode,
  office_address: c.text,
  office_lat: c.number,
  office_lon: c.number,
  office_geocode: z.enum(GEOCODES, `the source id of the geocode: ${GEOCODES.join(" or ")}`),
  office_geocode_gap_m: c.optionalInteger,
  source: c.sourceCell,
});

export const OFFICE_NOTE =
  "Gu-office coordinates are approximate third-party geocodes from public code files (geocode A: a gu-office list geocoded with SK Tmap; geocode B: a DISTRICT_CENTERS table), not official positions. Geumcheon-gu and Eunpyeong-gu use geocode B only, because geocode A places them at other buildings.";

export const districtOffices: CsvDatasetSpec<typeof schema> = {
  name: "district-offices",
  file: "data/district-offices.csv",
  title: "The 25 gu offices",
  description: "The office (구청) of each of Seoul's 25 gu as a point, with its road address.",
  notes: [OFFICE_NOTE, "The two third-party geocodes agree within 4–116 m for the 23 offices both cover (office_geocode_gap_m)."],
  kind: "points",
  key: "code",
  label_field: "name_en",
  schema,
  guColumns: ["code"],
  point: { lat: "office_lat", lon: "office_lon", gu: "code" },
  fields: [
    { name: "code", type: "string", label: "KOSTAT code (2013)" },
    { name: "sig_cd", type: "string", label: "Administrative code (SIG_CD)" },
    { name: "name_en", type: "string", label: "District" },
    { name: "name_ko", type: "string", label: "Name (Korean)", label_ko: "이름" },
    { name: "address", type: "string", label: "Office road address", label_ko: "구청 도로명주소" },
    { name: "lat", type: "number", label: "Latitude", description: "approximate third-party geocode" },
    { name: "lon", type: "number", label: "Longitude", description: "approximate third-party geocode" },
    {
      name: "geocode",
      type: "string",
      label: "Geocode source",
      description: "source id of the third-party geocode (code-gu-offices-tmap = geocode A, code-district-centers = geocode B)",
      values: [...GEOCODES],
    },
    {
      name: "geocode_gap_m",
      type: "integer",
      label: "Gap between the two geocodes",
      unit: "m",
      description: "distance between geocode A and geocode B as recorded by the desk",
    },
    { name: "dong_code", type: "string", label: "Dong (KOSTAT code)", derived: "point-in-polygon join to the KOSTAT 2013 dong boundaries" },
    { name: "dong_name_en", type: "string", label: "Dong", derived: "from dong_code" },
    { name: "dong_name_ko", type: "string", label: "Dong (Korean)", derived: "from dong_code" },
    SOURCE_FIELD,
  ],
  output: (r, join, names) => ({
    code: r.code,
    sig_cd: null,
    name_en: names.get(r.code) ?? null,
    name_ko: null,
    address: r.office_address,
    lat: r.office_lat,
    lon: r.office_lon,
    geocode: r.office_geocode,
    geocode_gap_m: r.office_geocode_gap_m,
    dong_code: join?.dong?.code ?? null,
    dong_name_en: join?.dong?.name_en ?? null,
    dong_name_ko: join?.dong?.name_ko ?? null,
  }),
};
