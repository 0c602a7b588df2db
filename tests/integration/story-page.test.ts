import { describe, expect, it } from "vitest";
import type { ChoroplethMapConfig } from "../../src/lib/map-style.ts";
import { loadPage, mapConfigOf } from "../helpers/site.ts";

describe("the built story page /stories/seoul-at-a-glance/", () => {
  const $ = loadPage("/stories/seoul-at-a-glance/");

  it("has a choropleth and two bar charts (2010 density, 2015 population), each a <figure> with data-figure", () => {
    expect($('figure[data-figure="choropleth"]')).toHaveLength(1);
    expect($('figure[data-figure="bar"]')).toHaveLength(2);
  });

  it("draws one SVG path per district in the choropleth, filled from the classes", () => {
    const paths = $('figure[data-figure="choropleth"] .figure__graphic svg path.area');
    expect(paths).toHaveLength(25);
    const fills = new Set(paths.map((_, el) => $(el).attr("fill")).get());
    expect(fills.size).toBe(5);
  });

  it("tells the map's part of the story as a scrolly: each step's text with its own drawing of the map", () => {
    const steps = $('figure[data-figure="choropleth"] .scrolly__step');
    expect(steps).toHaveLength(3);
    steps.each((_, step) => {
      expect($(step).find(".scrolly__snapshot svg path.area")).toHaveLength(25);
    });
    // The first step shows the census population, with the largest and smallest districts highlighted.
    expect(steps.eq(0).find(".scrolly__text").text()).toContain("It counted 9,631,482 people in the city.");
    expect(steps.eq(0).find(".legend__title").text()).toBe("Population, 2010 census (people)");
    expect(steps.eq(0).find(".scrolly__state").text()).toBe(
      "Step 1 of 3: The map shows population, 2010 census. Highlighted: Nowon-gu (노원구), Jung-gu (중구), Songpa-gu (송파구).",
    );
    expect(steps.eq(2).find(".scrolly__snapshot .is-highlighted")).toHaveLength(4);
  });

  it("lists the 25 districts in the data table, with the value of each", () => {
    const rows = $('figure[data-figure="choropleth"] details table tbody tr');
    expect(rows).toHaveLength(25);
    const yangcheon = rows.filter((_, el) => $(el).find("th").text() === "Yangcheon-gu");
    expect(yangcheon.find("td").last().text()).toBe("26,147");
  });

  it("names its sources and offers the data", () => {
    const source = $('figure[data-figure="choropleth"] .figure__source').text();
    expect(source).toContain("Statistics Korea (KOSIS)");
    expect(source).toContain("southkorea/seoul-maps");
    const links = $('figure[data-figure="choropleth"] .figure__downloads a')
      .map((_, a) => $(a).attr("href"))
      .get();
    expect(links).toEqual(["/data/districts.csv", "/data/districts.geojson"]);
  });

  it("draws 25 bars, sorted from densest to least dense, with the story districts highlighted", () => {
    const bars = $('#seoul-at-a-glance-2[data-figure="bar"] rect.bar');
    expect(bars).toHaveLength(25);
    const names = bars.map((_, el) => $(el).attr("data-name")).get();
    expect(names[0]).toBe("Yangcheon-gu (양천구)");
    expect(names.at(-1)).toBe("Jongno-gu (종로구)");
    const highlighted = $("#seoul-at-a-glance-2 .is-highlighted rect")
      .map((_, el) => $(el).attr("data-key"))
      .get();
    expect(highlighted.sort()).toEqual(["11050", "11090", "11180", "11210"]);
  });

  it("draws the 2015 census population of the 25 districts, largest first, with the third-party source named", () => {
    const bars = $('#seoul-at-a-glance-3[data-figure="bar"] rect.bar');
    expect(bars).toHaveLength(25);
    expect(bars.first().attr("data-name")).toBe("Songpa-gu");
    expect($("#seoul-at-a-glance-3 .figure__source").text()).toContain("cardiomoon/kormaps2014");
  });

  it("gives the map to the browser with the data URL and the same classes", () => {
    // Not in the page: a file of its own, fetched when the reader opens the interactive map.
    expect($("[data-map]").attr("data-map")).toMatch(/^\/maps\/[a-z0-9-]+\.json$/);
    const config = mapConfigOf<ChoroplethMapConfig>($("[data-map]"));
    expect(config.data).toBe("/data/districts.geojson");
    expect(config.scale.colors).toHaveLength(5);
    expect(config.order).toHaveLength(25);
  });
});
