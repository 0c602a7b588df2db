import { launchBrowser } from "./helpers/browser.ts";
import { serveSite } from "./helpers/server.ts";

const server = await serveSite("_site");
const browser = await launchBrowser();
const [url = "/", w = "1000", scheme = "light", hh = "1800"] = process.argv.slice(2);
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(hh) }, colorScheme: scheme as "light" | "dark" });
page.on("console", (m) => m.type() === "error" && console.log(url, "console", m.text()));
await page.goto(server.url + url, { waitUntil: "networkidle" });
await page.waitForTimeout(500);
const path = `/tmp/page-${url.replace(/\W+/g, "_")}-${w}-${scheme}.png`;
await page.screenshot({ path });
console.log(path);
await browser.close();
await server.close();
