/**
 * Keyboard readers: on every page (maps loaded), pressing Tab reaches every interactive
 * element — links, buttons, summaries, the map canvas and its controls, each figure's
 * single tab stop — and each shows a visible focus style: its outline, box-shadow or
 * stroke differs from the same element without focus.
 */
import { describe, expect, it } from "vitest";
import { openPage, revealAll } from "../helpers/page-visit.ts";
import { samplePages } from "../helpers/site-pages.ts";
import { siteSession } from "../helpers/site-session.ts";

const pages = samplePages();
const server = siteSession();

interface Candidate {
  name: string;
  reached: boolean;
  focusVisible: boolean | null;
}

declare global {
  interface Window {
    __kb?: { elements: Element[]; before: string[][]; results: Candidate[] };
  }
}

describe.each(pages)("page %s", (url) => {
  it("reaches every interactive element with Tab, each with a visible focus style", async () => {
    const context = await server.browser.newContext({ viewport: { width: 1000, height: 800 } });
    try {
      const { page } = await openPage(context, server.url, url);
      await revealAll(page);
      // Everything that should take focus from Tab, with its look while unfocused.
      const count = await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        // Open every data table: its scrolling region takes focus too.
        for (const d of document.querySelectorAll("details")) d.open = true;
        const selector = "a[href], button, input, select, textarea, summary, [tabindex], canvas, [contenteditable]";
        const tabbable = (el: Element) => {
          const e = el as HTMLElement;
          if (e.tabIndex < 0 || (e as HTMLButtonElement).disabled || e.closest("[inert], [hidden]")) return false;
          const folded = e.closest("details:not([open])");
          if (folded && !(e.tagName === "SUMMARY" && e.parentElement === folded)) return false;
          const style = getComputedStyle(e);
          return e.getClientRects().length > 0 && style.visibility !== "hidden";
        };
        const look = (el: Element) => {
          const s = getComputedStyle(el);
          const outline =
            s.outlineStyle !== "none" && Number.parseFloat(s.outlineWidth) > 0
              ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`
              : "none";
          return [outline, s.boxShadow, `${s.stroke} ${s.strokeWidth}`];
        };
        const elements = [...document.querySelectorAll(selector)].filter(tabbable);
        const name = (el: Element) => {
          const e = el as HTMLElement;
          const label = e.getAttribute("aria-label") ?? e.textContent ?? "";
          return `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${e.className && typeof e.className === "string" ? `.${e.className.split(" ")[0]}` : ""}> "${label.trim().slice(0, 40)}"`;
        };
        window.__kb = {
          elements,
          before: elements.map(look),
          results: elements.map((el) => ({ name: name(el), reached: false, focusVisible: null })),
        };
        return elements.length;
      });
      expect(count, `${url}: nothing to tab to`).toBeGreaterThan(0);
      for (let i = 0; i < count + 30; i++) {
        await page.keyboard.press("Tab");
        const done = await page.evaluate(() => {
          const kb = window.__kb!;
          const i = kb.elements.indexOf(document.activeElement as Element);
          if (i < 0) return kb.results.every((r) => r.reached);
          if (kb.results[i]!.reached) return true;
          const s = getComputedStyle(kb.elements[i]!);
          const outline =
            s.outlineStyle !== "none" && Number.parseFloat(s.outlineWidth) > 0
              ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`
              : "none";
          const now = [outline, s.boxShadow, `${s.stroke} ${s.strokeWidth}`];
          const before = kb.before[i]!;
          kb.results[i] = { ...kb.results[i]!, reached: true, focusVisible: now.some((v, j) => v !== before[j] && v !== "none") };
          return false;
        });
        if (done) break;
      }
      const results = await page.evaluate(() => window.__kb!.results);
      expect(
        results.filter((r) => !r.reached).map((r) => r.name),
        `${url}: not reachable with Tab`,
      ).toEqual([]);
      expect(
        results.filter((r) => r.focusVisible === false).map((r) => r.name),
        `${url}: no visible focus style`,
      ).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
