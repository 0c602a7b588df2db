/**
 * What the maps say to the reader in the browser: the controls that open the interactive
 * map (MapLibre loads only when the reader asks), why a map stays static, the legend's
 * highlight and the links from a district to its page.
 */
import { type Lang, strings } from "./index.ts";

export const MAP_STRINGS = strings(
  {
    explore: "Explore the map",
    exploreSaveData: "Explore the map (downloads about 450 KB)",
    zoomIn: "Zoom in (loads the interactive map)",
    zoomOut: "Zoom out (loads the interactive map)",
    loading: "Loading the interactive map…",
    failed: "The interactive map could not load; this is the static map.",
    noWebgl: "Static map: this browser cannot draw the interactive map (WebGL is unavailable).",
    linkHint: "Click or press Enter for its page",
    rowHint: "Click or press Enter for its row in the table",
    tapHint: "Tap again for its page",
    legendLive: "{label}: {count} of {total} on the map highlighted: {names}",
    legendNone: "{label}: none on the map",
  },
  {
    explore: "지도 살펴보기",
    exploreSaveData: "지도 살펴보기 (약 450KB 내려받음)",
    zoomIn: "확대 (이동·확대 지도를 불러옵니다)",
    zoomOut: "축소 (이동·확대 지도를 불러옵니다)",
    loading: "이동·확대 지도를 불러오는 중…",
    failed: "이동·확대 지도를 불러오지 못해 정적 지도를 보여 드립니다.",
    noWebgl: "정적 지도: 이 브라우저는 WebGL을 지원하지 않아 이동·확대 지도를 그릴 수 없습니다.",
    linkHint: "클릭하거나 Enter 키를 누르면 해당 페이지로 이동합니다",
    rowHint: "클릭하거나 Enter 키를 누르면 표의 해당 행으로 이동합니다",
    tapHint: "한 번 더 누르면 해당 페이지로 이동합니다",
    legendLive: "{label}: 지도의 {total}곳 중 {count}곳 강조: {names}",
    legendNone: "{label}: 지도에 해당하는 곳이 없습니다",
  },
);

/** The language of the page the script runs on (the Korean edition's pages say `lang="ko"`). */
export function pageLang(doc: Document = document): Lang {
  return doc.documentElement.lang.toLowerCase().startsWith("ko") ? "ko" : "en";
}
