/**
 * HTML validity: every page of _site/ passes html-validate with its "standard" preset
 * (the WHATWG HTML content model: permitted content, parents and attributes, required
 * attributes, duplicate ids, void elements, character references), plus a doctype, no
 * aria-labelledby/aria-describedby/for pointing to a missing id, and headings that do not
 * skip a level (screen-reader users navigate by them; Lighthouse scores it). A failure lists each
 * error with its line, column and rule, which html-validate.org/rules/<rule>.html explains.
 */
import { readFileSync } from "node:fs";
import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { fileOfUrl, sitePages } from "../helpers/site-pages.ts";

const validator = new HtmlValidate({
  extends: ["html-validate:standard"],
  rules: { "missing-doctype": "error", "no-missing-references": "error", "heading-level": "error" },
});

describe.each(sitePages())("page %s", (url) => {
  it("is valid HTML", async () => {
    const report = await validator.validateString(readFileSync(fileOfUrl(url), "utf8"), url);
    const errors = report.results.flatMap((r) => r.messages.map((m) => `${url}:${m.line}:${m.column} ${m.message} [${m.ruleId}]`));
    expect(errors, `${url} is not valid HTML`).toEqual([]);
  });
});
