/**
 * The script in a figure's embed code, run on the page that embeds the figure (not on
 * this site): it sizes every atlas frame to the height its figure reports. Messages are
 * accepted only from this site's origin and only for the frame that sent them.
 * Built as a classic script at a fixed address, /assets/embed.js, so copied codes keep working.
 */
import { HEIGHT_MESSAGE, PING_MESSAGE } from "./embed-messages.ts";

const script = document.currentScript as HTMLScriptElement | null;
const origin = new URL(script?.src ?? location.href).origin;
const flag = "__atlasEmbedSizer";
const host = window as unknown as Record<string, unknown>;

if (!host[flag]) {
  host[flag] = true;
  const frames = () => [...document.querySelectorAll<HTMLIFrameElement>("iframe[data-atlas-embed]")];
  window.addEventListener("message", (e) => {
    const data = e.data as { type?: unknown; height?: unknown } | null;
    if (e.origin !== origin || data?.type !== HEIGHT_MESSAGE || typeof data.height !== "number") return;
    const frame = frames().find((f) => f.contentWindow === e.source);
    if (frame && data.height > 0 && data.height < 20000) frame.style.height = `${Math.ceil(data.height)}px`;
  });
  // Frames that loaded before this script ran have already spoken: ask them again.
  const ping = (f: HTMLIFrameElement) => f.contentWindow?.postMessage({ type: PING_MESSAGE }, origin);
  for (const f of frames()) {
    // Set here rather than in the code's markup, so pages that forbid inline styles work too.
    f.style.border = "0";
    f.style.width = "100%";
    ping(f);
    f.addEventListener("load", () => ping(f));
  }
}
