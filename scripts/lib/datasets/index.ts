/** The datasets built from one CSV file each, in the order the pipeline reports them. */
import type { CsvDatasetSpec, RowSchema } from "../csv-dataset.ts";
import { electricityGu } from "./electricity-gu.ts";
import { gValleyAnchors } from "./g-valley-anchors.ts";
import { gangbukDesignTimeline } from "./gangbuk-design-timeline.ts";
import { ghgGu } from "./ghg-gu.ts";
import { ghgSectors } from "./ghg-sectors.ts";
import { ghgSeoul } from "./ghg-seoul.ts";
import { ghgTargets } from "./ghg-targets.ts";
import { policyFacts } from "./policy-facts.ts";
import { policyMilestones } from "./policy-milestones.ts";
import { sValleyMetrics } from "./s-valley-metrics.ts";
import { sValleySites } from "./s-valley-sites.ts";
import { ventureDistricts } from "./venture-districts.ts";

export const CSV_DATASETS: CsvDatasetSpec<RowSchema>[] = [
  sValleySites,
  ventureDistricts,
  gValleyAnchors,
  ghgSeoul,
  ghgTargets,
  ghgSectors,
  ghgGu,
  sValleyMetrics,
  gangbukDesignTimeline,
  policyMilestones,
  policyFacts,
  electricityGu,
] as unknown as CsvDatasetSpec<RowSchema>[];
