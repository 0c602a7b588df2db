/** The four district stories: front matter, figures, and figures whose numbers match data/. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.ts";
import { loadPage } from "../helpers/site.ts";

const STORIES = {
  "gwanak-s-valley": "gwanak-gu",
  "geumcheon-alley-economy": "geumcheon-gu",
  "gwangjin-carbon-neutral-2050": "gwangjin-gu",
  "gangbuk-public-design": "gangbuk-gu",
} as const;

/** Rows of a file in data/ as its maintainers wrote them. */
function dataRows(file: string): Record<string, string>[] {
  return parse(readFileSync(join(ROOT, "data", file), "utf8"), { columns: true, bom: true }) as Record<string, string>[];
}

/** Tooltip values of a figure's marks, by mark key. */
function markValues(url: string, figureId: string): Map<string, string> {
  const $ = loadPage(url);
  const marks = $(`#${figureId} .mark`);
  return new Map(marks.toArray().map((el) => [$(el).attr("data-key")!, $(el).attr("data-value")!] as [string, string]));
}

describe("the four district stories", () => {
  for (const [slug, district] of Object.entries(STORIES)) {
    it(`${slug}: byline, date, district, dek and at least two figures`, () => {
      const $ = loadPage(`/stories/${slug}/`);
      expect($(".byline").text()).toMatch(/^By .+ · \d{1,2} \w+ \d{4}$/);
      expect($(".dek").text().length).toBeGreaterThan(40);
      expect($("figure[data-figure]").length).toBeGreaterThanOrEqual(2);
      const front = readFileSync(join(ROOT, "src", "stories", `${slug}.md`), "utf8").split("---")[1]!;
      expect(front).toContain(`districts: [${district}]`);
      // The district's page links back to the story.
      expect(loadPage(`/districts/${district}/`)(`a[href="/stories/${slug}/"]`).length).toBe(1);
    });
  }

  it("Gwanak: the firms chart shows the targets and counts of data/tables/s-valley-metrics.csv", () => {
    const values = markValues("/stories/gwanak-s-valley/", "gwanak-firms-reported");
    const rows = new Map(dataRows("tables/s-valley-metrics.csv").map((r) => [r.id, r]));
    expect(values.get("2023-target-firms")).toBe(`${Number(rows.get("2023-target-firms")!.value)}\u00a0firms`);
    expect(values.get("2024-05-tenant-firms")).toBe("136\u00a0firms");
    expect(rows.get("2024-05-tenant-firms")!.value).toBe("136");
    // Sites without coordinates are in the table, not on the map.
    const $ = loadPage("/stories/gwanak-s-valley/");
    const sites = dataRows("sites/s-valley-sites.csv");
    expect($("#gwanak-startup-sites .mark").length).toBe(sites.filter((s) => s.lat).length);
    expect($("#gwanak-startup-sites details tbody tr").length).toBe(sites.length);
  });

  it("Gwangjin: the emissions line uses the inventory values of data/tables/ghg-seoul.csv", () => {
    const $ = loadPage("/stories/gwangjin-carbon-neutral-2050/");
    const rows = dataRows("tables/ghg-seoul.csv");
    const v2018 = rows.find((r) => r.id === "2018-inventory")!.value_kt;
    const text = $("#gwangjin-seoul-emissions details table").text().replace(/,/g, "");
    expect(text).toContain(v2018);
    const target2030 = dataRows("tables/ghg-targets.csv").find((r) => r.id === "2030-minus-40")!.value_kt;
    expect($("#gwangjin-seoul-emissions").text().replace(/,/g, "")).toContain(target2030);
  });

  it("Gangbuk: the plan's timeline lists every milestone of data/tables/gangbuk-design-timeline.csv", () => {
    const $ = loadPage("/stories/gangbuk-public-design/");
    const rows = dataRows("tables/gangbuk-design-timeline.csv");
    const table = $("#gangbuk-design-plan details tbody").text();
    for (const r of rows) expect(table).toContain(r.milestone!.slice(0, 40));
  });

  it("Geumcheon: the population chart gives Geumcheon-gu its census figure", () => {
    const values = markValues("/stories/geumcheon-alley-economy/", "geumcheon-population");
    const row = dataRows("districts.csv").find((r) => r.name_en === "Geumcheon-gu")!;
    expect(values.get(row.code!)).toBe(`${Number(row.population_2010).toLocaleString("en-GB")}\u00a0people`);
  });

  it("no percentage parts from its number at a line's end: prose, dek, tables, figure texts and district pages", () => {
    for (const slug of Object.keys(STORIES)) {
      const $ = loadPage(`/stories/${slug}/`);
      $("script, style, code, pre").remove();
      expect($(".story").text(), slug).not.toMatch(/\d[ \n]+(%|km²)/);
    }
    // District pages too: the rows the datasets hold about a district, with their caveats.
    const districts = parse(readFileSync(join(ROOT, "generated", "districts.csv"), "utf8"), { columns: true }) as { slug: string }[];
    expect(districts).toHaveLength(25);
    for (const { slug } of districts) {
      const $ = loadPage(`/districts/${slug}/`);
      $("script, style, code, pre").remove();
      expect($("main").text(), slug).not.toMatch(/\d[ \n]+(%|km²)/);
    }
    // The Gwangjin story writes percentages in its dek, prose, a table and a chart's subtitle.
    const $ = loadPage("/stories/gwangjin-carbon-neutral-2050/");
    expect($(".dek").text()).toContain("About 70\u00a0%");
    expect($(".story table").first().text()).toContain("40\u00a0% below the base year");
  });

  it("Gwangjin and Gangbuk: legends name what the data writes in lower case with a capital; descriptors name categories", () => {
    const legend = (url: string, id: string) => {
      const $ = loadPage(url);
      return $(`#${id} .legend li span`)
        .map((_, s) => $(s).text())
        .get();
    };
    expect(legend("/stories/gwangjin-carbon-neutral-2050/", "gwangjin-seoul-emissions")).toEqual(["Inventory", "Estimate", "Targets"]);
    expect(legend("/stories/gangbuk-public-design/", "gangbuk-design-plan")).toEqual(["Done", "Planned", "Status not known"]);
    const $ = loadPage("/stories/gangbuk-public-design/");
    // data/tables/gangbuk-design-timeline.resource.yaml names the value "unknown" "status not known".
    expect($("#gangbuk-design-plan details tbody").text()).toContain("status not known");
    expect($("#gangbuk-design-plan details tbody td").filter((_, td) => $(td).text() === "unknown")).toHaveLength(0);
  });
});
