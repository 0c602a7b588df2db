/**
 * Site-wide settings. SITE_URL is the public address the site is deployed at, used for
 * absolute links in the feed, the sitemap and share cards (set it when you deploy).
 */
export default {
  title: "Seoul District Atlas",
  title_ko: "서울 자치구 아틀라스",
  description: "Data stories about the policies of Seoul's 25 districts, with maps and charts that read without JavaScript.",
  lang: "en",
  url: (process.env.SITE_URL || "http://localhost:8080").replace(/\/$/, ""),
  author: "Seoul District Atlas data desk",
  nav: [
    { href: "/", label: "Stories" },
    { href: "/districts/", label: "Districts" },
    { href: "/data/", label: "Data" },
    { href: "/search/", label: "Search" },
    { href: "/about/", label: "About the data" },
  ],
};
