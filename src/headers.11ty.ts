/** _site/_headers: the security headers for static hosts that read this file (see src/site/security-headers.ts). */
import { headersFile } from "./site/security-headers.ts";

export const data = { permalink: "/_headers", eleventyExcludeFromCollections: true };

export function render(): string {
  return headersFile();
}
