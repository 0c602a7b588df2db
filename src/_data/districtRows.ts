/** The 25 districts as rows (from generated/districts.csv), for the district pages. */
import { join } from "node:path";
import { DatasetStore } from "../figures/datasets.ts";

export default function districtRows() {
  const store = new DatasetStore(join(process.cwd(), "generated"));
  return store.get("districts").rows;
}
