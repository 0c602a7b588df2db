/** The embed code's copy button on a figure (src/assets/embed-frame.ts). */
import { strings } from "./index.ts";

export const EMBED_STRINGS = strings(
  {
    copy: "Copy code",
    copied: "Copied",
    copyByHand: "Press Ctrl+C (⌘C) to copy",
  },
  {
    copy: "코드 복사",
    copied: "복사했습니다",
    copyByHand: "Ctrl+C(⌘C)를 눌러 복사하세요",
  },
);
