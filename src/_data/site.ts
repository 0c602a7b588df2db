/**
 * Site-wide settings. SITE_URL is the public address the site is deployed at, used for
 * absolute links in the feed, the sitemap and share cards (set it when you deploy).
 */
import { SITE_STRINGS } from "../lib/i18n/site.ts";

export default {
  title: SITE_STRINGS.en.title,
  title_ko: SITE_STRINGS.ko.title,
  description: SITE_STRINGS.en.description,
  lang: "en",
  url: (process.env.SITE_URL || "http://localhost:8080").replace(/\/$/, ""),
  author: SITE_STRINGS.en.author,
};
