/**
 * Words of the interactive map itself (src/assets/map.ts): a group of its own, so that they
 * load with MapLibre, not with every page's first script.
 */
import { strings } from "./index.ts";

export const MAP_LIVE_STRINGS = strings(
  {
    resetView: "Reset view",
    cluster: "{count} points close together",
    clusterHint: "Zoom in (or click) to see them",
  },
  {
    resetView: "처음 화면으로",
    cluster: "가까이 모인 지점 {count}곳",
    clusterHint: "확대하거나 클릭하면 하나씩 보입니다",
  },
);
