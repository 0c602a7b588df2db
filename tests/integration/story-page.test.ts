import { describe, expect, it } from "vitest";
import type { ChoroplethMapConfig } from "../../src/lib/map-style.ts";
import { loadPage, mapConfigOf } from "../helpers/site.ts";

describe("the built story page /stories/seoul-at-a-glance/", () => {
  const $ = loadPage("/stories/seoul-at-a-glance/");

  it("has a choropleth (the scrolly, whose table ranks the districts by density) and the 2015 population bar chart", () => {
    expect($('figure[data-figure="choropleth"]')).toHaveLength(1);
    expect($('figure[data-figure="bar"]')).toHaveLength(1);
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
    // The first step shows the 2010 count of Korean nationals, with the largest and smallest districts highlighted.
    expect(steps.eq(0).find(".scrolly__text").text()).toContain("9,631,482 of them");
    expect(steps.eq(0).find(".legend__title").text()).toBe("Korean nationals, 2010 census (people)");
    expect(steps.eq(0).find(".scrolly__state").text()).toMatch(/^Step 1 of 3: .*Korean nationals, 2010 census/);
    const first = steps
      .eq(0)
      .find(".scrolly__snapshot .is-highlighted")
      .map((_, el) => $(el).attr("data-key"))
      .get();
    expect(first.sort()).toEqual(["11020", "11110", "11240"]);
    // The last step highlights the four districts of the first stories.
    const last = steps
      .eq(2)
      .find(".scrolly__snapshot .is-highlighted")
      .map((_, el) => $(el).attr("data-key"))
      .get();
    expect(last.sort()).toEqual(["11050", "11090", "11180", "11210"]);
    // The density it maps is of Korean nationals, and the map says so.
    expect($('figure[data-figure="choropleth"] .figure__subtitle').text()).toContain("Korean nationals per square kilometre");
  });

  it("lists the 25 districts in the data table, densest first, with the value of each", () => {
    const rows = $('figure[data-figure="choropleth"] details table tbody tr');
    expect(rows).toHaveLength(25);
    expect(rows.first().find("th").text()).toBe("Yangcheon-gu");
    expect(rows.first().find("td").last().text()).toBe("26,147");
    expect(rows.last().find("th").text()).toBe("Jongno-gu");
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

  it("draws the 2015 census population of the 25 districts, largest first, with the third-party source named", () => {
    const bars = $('#seoul-at-a-glance-2[data-figure="bar"] rect.bar');
    expect(bars).toHaveLength(25);
    expect(bars.first().attr("data-name")).toBe("Songpa-gu");
    expect($("#seoul-at-a-glance-2 .figure__source").text()).toContain("cardiomoon/kormaps2014");
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
