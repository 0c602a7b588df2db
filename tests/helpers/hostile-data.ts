/**
 * A hostile copy of generated/: district names, field labels, units and sources carrying
 * script tags, event handlers, javascript: URLs and a closing </script>. Every payload, if
 * it ever ran, would call alert() and set window.__pwned; every one contains "pwned" so an
 * injected element or attribute is easy to spot. Synthetic: lives only in tests/.tmp/.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { FeatureCollection } from "geojson";
import type { Manifest } from "../../src/lib/manifest.ts";

export const PAYLOADS = [
  `<script>window.__pwned=(window.__pwned||0)+1;alert("pwned")</script>`,
  `<img src="x-pwned" onerror="window.__pwned=1;alert('pwned')">`,
  `javascript:alert('pwned')//`,
  `</script><script>window.__pwned=1;alert('pwned')</script>`,
  `"><svg onload="window.__pwned=1;alert('pwned')">`,
  `' onmouseover='window.__pwned=1' data-pwned='`,
  `</title></textarea><iframe src="javascript:alert('pwned')"></iframe>`,
  `{{ 7 * 7 }} \${7 * 7} <%= "pwned" %>`,
];

/** The hostile label of the i-th row (unique, so the figure's keys and names stay distinct). */
export const hostileName = (i: number) => `${PAYLOADS[i % PAYLOADS.length]} #${i}`;

export function makeGeneratedHostile(dir: string): void {
  const manifestPath = join(dir, "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const districts = manifest.datasets.districts!;
  districts.title = PAYLOADS[0]!;
  for (const f of districts.fields) {
    if (f.name === "density_2010") Object.assign(f, { label: `Density ${PAYLOADS[1]}`, unit: PAYLOADS[3] });
    if (f.name === "name_en") f.label = PAYLOADS[4]!;
  }
  writeFileSync(manifestPath, JSON.stringify(manifest));

  const csvPath = join(dir, districts.files.csv.path);
  const rows = parse(readFileSync(csvPath, "utf8"), { columns: true }) as Record<string, string>[];
  const names = new Map(
    rows.map((r, i) => [r.code!, { en: hostileName(i), ko: i % 3 === 0 ? `구 ${PAYLOADS[(i + 1) % PAYLOADS.length]}` : r.name_ko! }]),
  );
  for (const r of rows) Object.assign(r, { name_en: names.get(r.code!)!.en, name_ko: names.get(r.code!)!.ko });
  writeFileSync(csvPath, stringify(rows, { header: true }));

  const geoPath = join(dir, districts.files.geojson!.path);
  const fc = JSON.parse(readFileSync(geoPath, "utf8")) as FeatureCollection;
  for (const f of fc.features) {
    const p = f.properties as Record<string, unknown>;
    Object.assign(p, { name_en: names.get(String(p.code))!.en, name_ko: names.get(String(p.code))!.ko });
  }
  writeFileSync(geoPath, JSON.stringify(fc));

  const sourcesPath = join(dir, "sources.json");
  const sources = JSON.parse(readFileSync(sourcesPath, "utf8")) as Record<string, string>[];
  for (const s of sources)
    Object.assign(s, { publisher: PAYLOADS[6], title: PAYLOADS[5], url: "javascript:window.__pwned=1;alert('pwned')" });
  writeFileSync(sourcesPath, JSON.stringify(sources));
}

/** A story whose figures use the hostile dataset, with hostile text in the spec's free-text keys too. */
export const HOSTILE_STORY = `---
title: ${JSON.stringify(`Hostile labels ${PAYLOADS[0]}`)}
dek: ${JSON.stringify(PAYLOADS[3])}
date: 2026-01-01
---

Every label below comes from a hostile dataset.

\`\`\`figure
kind: choropleth
dataset: districts
value: density_2010
title: ${JSON.stringify(`Map ${PAYLOADS[1]}`)}
subtitle: ${JSON.stringify(PAYLOADS[4])}
notes: ${JSON.stringify(PAYLOADS[2])}
\`\`\`

\`\`\`figure
kind: bar
dataset: districts
value: density_2010
title: ${JSON.stringify(`Bars ${PAYLOADS[3]}`)}
notes: ${JSON.stringify(PAYLOADS[6])}
\`\`\`
`;
