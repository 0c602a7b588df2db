/** What the preview (`npm start`) says on the pages it serves. */
import { strings } from "./index.ts";

export const PREVIEW = strings(
  {
    label: "Preview",
    note: "The search index and the share cards are not made in the preview: npm run build makes the complete site.",
  },
  {
    label: "미리보기",
    note: "미리보기에서는 검색 색인과 공유 카드를 만들지 않습니다. 완성된 사이트는 npm run build로 만듭니다.",
  },
);
