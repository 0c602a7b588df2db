/** "Find your neighbourhood": the search box on the home page and the districts index. */
import { strings } from "./index.ts";

export const FIND_STRINGS = strings(
  {
    label: "Find your neighbourhood",
    hint: "A district (gu) or neighbourhood (dong), in English or Korean, whole or in part: Seongsu 2-ga, 낙성대, Mapo.",
    list: "Districts and neighbourhoods",
    loading: "Loading the list of places…",
    found: "{n} found: choose one with the arrow keys and Enter.",
    foundOne: "1 found: press Enter to go to it.",
    none: "No district or dong called “{q}”. Try another spelling, or the Korean name.",
    failed: "The list of places could not load. The districts are listed on /districts/.",
    district: "district",
    dongIn: "dong in {gu}",
  },
  {
    label: "우리 동네 찾기",
    hint: "구나 동 이름을 한글이나 영문으로, 일부만 입력해도 됩니다(예: 성수2가, 낙성대, 마포).",
    list: "구와 동",
    loading: "장소 목록을 불러오는 중…",
    found: "{n}곳을 찾았습니다. 화살표 키로 고른 뒤 Enter 키를 누르세요.",
    foundOne: "1곳을 찾았습니다. Enter 키를 누르면 이동합니다.",
    none: "‘{q}’(이)라는 구나 동이 없습니다. 다른 표기나 한글 이름으로 찾아보세요.",
    failed: "장소 목록을 불러오지 못했습니다. 구 목록은 /ko/districts/에 있습니다.",
    district: "자치구",
    dongIn: "{gu}의 행정동",
  },
);
