/** The words around a district page's map of its dong (neighbourhoods). */
import { strings } from "./index.ts";

export const DONG_MAP_STRINGS = strings(
  {
    heading: "Neighbourhoods",
    title: "The {n} dong of {district}",
    subtitle: "Neighbourhoods (dong, 동) of the 2013 census boundaries, shaded by area; places from the atlas's datasets that lie inside",
    intro: "{district} is divided into {n} neighbourhoods, or dong (동). Choose one on the map or in the table.",
  },
  {
    heading: "행정동",
    title: "{district}의 행정동 {n}곳",
    subtitle: "2013년 센서스 경계 기준 행정동을 면적에 따라 색칠하고, 구 안에 있는 아틀라스 데이터의 장소를 함께 표시",
    intro: "{district}는 행정동 {n}곳으로 나뉩니다. 지도나 표에서 동을 고르세요.",
  },
);
