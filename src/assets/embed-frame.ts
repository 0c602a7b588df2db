/**
 * The two halves of embedding that live in the site's own pages:
 * - on a figure, the embed code gets the site's address and a "Copy" button;
 * - on an /embed/<id>/ page shown in a frame, the page tells the frame's parent its height
 *   (postMessage), whenever it changes and whenever the parent asks. The parent's half is
 *   src/assets/embed.ts (the script in the embed code).
 */
import { EMBED_STRINGS } from "../lib/i18n/embed.ts";
import { pageLang } from "../lib/i18n/maps.ts";

import { HEIGHT_MESSAGE, PING_MESSAGE } from "./embed-messages.ts";

export { HEIGHT_MESSAGE, PING_MESSAGE };

export function enhanceEmbedCode(figure: HTMLElement): void {
  const code = figure.querySelector<HTMLTextAreaElement>("textarea[data-embed-code]");
  if (!code) return;
  // The built page cannot know where it will be served from; the browser does.
  code.value = code.value.replaceAll('src="/', `src="${location.origin}/`);
  const t = EMBED_STRINGS[pageLang()];
  const button = document.createElement("button");
  button.type = "button";
  button.className = "embed-copy";
  button.textContent = t.copy;
  button.addEventListener("click", async () => {
    code.select();
    try {
      await navigator.clipboard.writeText(code.value);
      button.textContent = t.copied;
    } catch {
      button.textContent = t.copyByHand;
    }
  });
  code.after(button);
}

export function reportHeightToParent(): void {
  if (window.parent === window) return;
  let last = 0;
  const send = (force = false) => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (!force && height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, "*");
  };
  new ResizeObserver(() => send()).observe(document.documentElement);
  window.addEventListener("message", (e) => {
    if (e.source === window.parent && (e.data as { type?: unknown } | null)?.type === PING_MESSAGE) send(true);
  });
  send(true);
}
