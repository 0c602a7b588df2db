/** The fields of the `districts` dataset: the 25 gu with census population and their office. */
import type { FieldInfo } from "../../src/lib/manifest.ts";
import { BOUNDARY_SOURCE } from "./districts.ts";

const OFFICE_SOURCES = ["code-gu-offices-tmap", "code-district-centers", "code-gu-office-addresses"];

export const DISTRICT_FIELDS: FieldInfo[] = [
  { name: "code", type: "string", label: "KOSTAT code (2013)" },
  { name: "sig_cd", type: "string", label: "Administrative code (SIG_CD)" },
  { name: "name_ko", type: "string", label: "Name (Korean)", label_ko: "이름" },
  { name: "name_en", type: "string", label: "District" },
  { name: "slug", type: "string", label: "Slug" },
  {
    name: "area_km2",
    type: "number",
    label: "Area",
    unit: "km²",
    derived: "geodesic area of the simplified KOSTAT 2013 polygon (turf.area)",
    sources: [BOUNDARY_SOURCE],
  },
  { name: "label_lon", type: "number", label: "Label longitude", derived: "pole of inaccessibility of the polygon (polylabel)" },
  { name: "label_lat", type: "number", label: "Label latitude", derived: "pole of inaccessibility of the polygon (polylabel)" },
  {
    name: "population_2010",
    type: "integer",
    label: "Population, 2010 census",
    label_ko: "인구 (2010 인구총조사)",
    unit: "people",
    sources: ["census-2010"],
  },
  {
    name: "density_2010",
    type: "integer",
    label: "Population density, 2010",
    label_ko: "인구밀도 (2010)",
    unit: "people per km²",
    derived: "population_2010 ÷ area_km2, rounded",
    sources: ["census-2010", BOUNDARY_SOURCE],
  },
  {
    name: "neighbours",
    type: "list",
    label: "Neighbouring districts",
    label_ko: "맞닿은 자치구",
    description: "KOSTAT codes of the districts that share a border with this one",
    derived:
      "districts whose simplified KOSTAT 2013 boundary shares at least one edge with this one (a shared corner alone does not count)",
    sources: [BOUNDARY_SOURCE],
  },
  { name: "office_address", type: "string", label: "Gu office road address", label_ko: "구청 도로명주소", sources: OFFICE_SOURCES },
  {
    name: "office_lat",
    type: "number",
    label: "Gu office latitude",
    description: "approximate third-party geocode (see office_geocode)",
    sources: OFFICE_SOURCES,
  },
  {
    name: "office_lon",
    type: "number",
    label: "Gu office longitude",
    description: "approximate third-party geocode (see office_geocode)",
    sources: OFFICE_SOURCES,
  },
  {
    name: "office_geocode",
    type: "string",
    label: "Gu office geocode source",
    description: "source id of the third-party geocode: code-gu-offices-tmap (geocode A) or code-district-centers (geocode B)",
    values: ["code-gu-offices-tmap", "code-district-centers"],
    sources: OFFICE_SOURCES,
  },
  {
    name: "office_geocode_gap_m",
    type: "integer",
    label: "Gap between the two office geocodes",
    unit: "m",
    description: "distance between geocode A and geocode B as recorded by the desk; empty where only geocode B is used",
    sources: OFFICE_SOURCES,
  },
  { name: "source", type: "list", label: "Sources" },
];
