/**
 * Typography a reader sees: a number and its unit never part at a line's end ("40 / %"),
 * and a label that stands alone starts with a capital in English.
 */
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { formatValue, keepUnits, standalone } from "../../src/lib/format.ts";
import { keepUnitsPlugin } from "../../src/site/markdown-html.ts";

const NBSP = "\u00a0";

describe("keepUnits", () => {
  it("joins a number to its percent sign or area unit with a no-break space", () => {
    expect(keepUnits("about 70 % of it, 29.6 km² and 5 ‰")).toBe(`about 70${NBSP}% of it, 29.6${NBSP}km² and 5${NBSP}‰`);
    expect(keepUnits("1,000 m² of floor")).toBe(`1,000${NBSP}m² of floor`);
  });

  it("leaves every other space alone", () => {
    expect(keepUnits("9 strategies in 3 areas, 40 percent")).toBe("9 strategies in 3 areas, 40 percent");
    expect(keepUnits("a % sign")).toBe("a % sign");
  });

  it("is applied to a story's prose and its tables, not to its code", () => {
    const md = new MarkdownIt();
    keepUnitsPlugin(md);
    const out = md.render("A cut of 40 % by 2030.\n\n| target |\n| --- |\n| 40 % below |\n\n`50 %`\n");
    expect(out).toContain(`A cut of 40${NBSP}% by 2030.`);
    expect(out).toContain(`<td>40${NBSP}% below</td>`);
    expect(out).toContain("<code>50 %</code>");
  });

  it("holds a value and its unit together", () => {
    expect(formatValue(3100, "people", 0)).toBe(`3,100${NBSP}people`);
    expect(formatValue(40, "%", 0, "ko")).toBe("40%");
  });
});

describe("standalone", () => {
  it("starts an English label with a capital, leaving the rest as the data writes it", () => {
    expect(standalone("inventory")).toBe("Inventory");
    expect(standalone("status not known")).toBe("Status not known");
    expect(standalone("buildings: household")).toBe("Buildings: household");
    expect(standalone("Gwanak-gu")).toBe("Gwanak-gu");
  });

  it("changes nothing in Korean, or a label that starts with a digit", () => {
    expect(standalone("inventory", "ko")).toBe("inventory");
    expect(standalone("인벤토리", "ko")).toBe("인벤토리");
    expect(standalone("2050 target")).toBe("2050 target");
  });
});
