import { chromium } from "playwright-core";
import { serveSite } from "../tests/helpers/server.ts";

const [dir, ...urls] = process.argv.slice(2);
const server = await serveSite(dir!);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
for (const u of urls) {
  const [url, sel] = u.split("@");
  await page.goto(server.url + url, { waitUntil: "networkidle" });
  if (sel) await page.locator(sel).first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  const name = (url + (sel ?? "")).replace(/[^a-z0-9]+/gi, "_");
  if (sel)
    await page
      .locator(sel)
      .first()
      .screenshot({ path: `/tmp/shots/${name}.png` });
  else await page.screenshot({ path: `/tmp/shots/${name}.png` });
  console.log(`/tmp/shots/${name}.png`);
}
await browser.close();
await server.close();
