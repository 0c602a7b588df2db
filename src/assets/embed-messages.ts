/**
 * The messages between an /embed/<id>/ page in a frame (embed-frame.ts) and the script of the
 * embed code on the page around it (embed.ts): a module of their own, so that embed.js carries
 * nothing else of the site's code.
 */
export const HEIGHT_MESSAGE = "atlas:embed-height";
export const PING_MESSAGE = "atlas:embed-ping";
