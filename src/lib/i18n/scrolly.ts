/**
 * The words of a scrollytelling figure's states: what the figure shows at each step, said
 * in text for screen readers and for readers without JavaScript (under each step's snapshot).
 */
import { strings } from "./index.ts";

export const SCROLLY_STRINGS = strings(
  {
    map: "The map shows {field}.",
    chart: "The chart shows {field}.",
    highlighted: "Highlighted: {names}.",
    zoomedTo: "Zoomed in on {name}.",
    zoomedBox: "Zoomed in on part of the map.",
    layer: "Also on the map: {layer}.",
    step: "Step {n} of {total}",
  },
  {
    map: "지도: {field}.",
    chart: "차트: {field}.",
    highlighted: "강조한 곳: {names}.",
    zoomedTo: "{name} 일대를 확대했습니다.",
    zoomedBox: "지도의 일부를 확대했습니다.",
    layer: "함께 표시한 자료: {layer}.",
    step: "{total}단계 중 {n}단계",
  },
);
