import { html, raw } from "../../lib/html.ts";
import { assetUrl } from "../../site/assets-manifest.ts";
import { CONTENT_SECURITY_POLICY } from "../../site/security-headers.ts";

interface Data {
  content: string;
  title?: string;
  dek?: string;
  site: { title: string; description: string; lang: string };
  page: { url: string };
}

export function render(data: Data): string {
  const title = data.title ? `${data.title} — ${data.site.title}` : data.site.title;
  return html`<!doctype html>
<html lang="${data.site.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${title}</title>
<meta name="description" content="${data.dek ?? data.site.description}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="preload" href="/assets/fonts/atlas-sans-400.woff2" as="font" type="font/woff2" crossorigin>
<link rel="stylesheet" href="${assetUrl("site.css")}">
<script type="module" src="${assetUrl("main.js")}"></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<a class="site-title" href="/">${data.site.title}</a>
<nav class="site-nav" aria-label="Site"><ul><li><a href="/">Stories</a></li></ul></nav>
</header>
<main id="main">
${raw(data.content)}
</main>
<footer class="site-footer">
<p>Boundaries: <a href="https://github.com/southkorea/seoul-maps" rel="noopener">southkorea/seoul-maps</a> (KOSTAT 2013, Apache-2.0). Population: KOSIS 2010 Census via <a href="https://github.com/southkorea/southkorea-population" rel="noopener">southkorea/southkorea-population</a> (CC BY 3.0). Typeface: Pretendard (SIL OFL 1.1).</p>
</footer>
</body>
</html>
`.value;
}
