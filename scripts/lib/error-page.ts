/** The preview's error page: the build's problems as a readable list, reloaded when fixed. */
import { html } from "../../src/lib/html.ts";
import type { FailureReport } from "./cli.ts";

export const ERROR_CSS = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #fff7f5; color: #1a1a1a; }
main { max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
h1 { color: #a3200b; }
.problems { padding-left: 1.2rem; }
.problems li { background: #fff; border: 1px solid #f0c4b8; border-left: 4px solid #a3200b; border-radius: 4px; padding: 0.6rem 1rem; margin: 0 0 1rem; }
.where code { font-size: 1rem; font-weight: 700; }
.what { margin: 0.3rem 0; }
.hint { margin: 0.3rem 0; color: #333; }
.code { margin: 0; font-size: 0.8rem; color: #777; }
pre { white-space: pre-wrap; background: #fff; padding: 1rem; border: 1px solid #f0c4b8; }
`;

/**
 * Beside the dev server's live reload, the error page asks the preview every second whether
 * the build is mended: a reload message sent while the page was still loading (a fix saved
 * right after the broken save) would otherwise be missed, and the page would stay.
 */
export const ERROR_JS = `setInterval(async () => {
  try {
    const status = await (await fetch("/__atlas/status", { cache: "no-store" })).json();
    if (!status.failing && !status.busy) location.reload();
  } catch {}
}, 1000);
`;

export function errorPage(failure: FailureReport): string {
  const n = failure.problems.length;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Build failed — Seoul District Atlas preview</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/__atlas/error.css">
<script type="module" src="/.11ty/reload-client.js"></script>
<script src="/__atlas/error.js" defer></script>
</head><body class="build-error">
<main>
<h1>The preview could not be built</h1>
<p>${n ? `${n} problem${n === 1 ? "" : "s"} to fix. Save the file and this page reloads by itself.` : "The build stopped with an unexpected error. Save a fix and this page reloads by itself."}</p>
${
  n
    ? html`<ol class="problems">${failure.problems.map(
        (p) =>
          html`<li><p class="where"><code>${[p.file, p.line, p.field].filter((x) => x !== undefined && x !== "").join(":")}</code></p><p class="what">${p.message}</p>${p.hint ? html`<p class="hint"><strong>How to fix:</strong> ${p.hint}</p>` : ""}<p class="code">${p.code}</p></li>`,
      )}</ol>`
    : html`<pre>${failure.crash ?? ""}</pre>`
}
</main></body></html>`.value;
}
