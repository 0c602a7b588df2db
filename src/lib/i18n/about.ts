/** Interface strings of /about/: the rules, the maps, the datasets, the sources, what is missing. */
import { strings } from "./index.ts";

export const ABOUT_STRINGS = strings(
  {
    title: "About the data",
    dek: "Where every number on this site comes from, how the maps are made, and what we could not find.",
    rules: "Our rules",
    rule1:
      "Every number on the site comes from a row of a dataset in the atlas's repository, and every row names its sources. The list of sources is below.",
    rule2:
      "We do not estimate or fill in figures. Where a source is missing a value, the site shows it as missing. Where two sources disagree, we show both and say so.",
    rule3: "Derived figures (areas, densities) say how they were computed.",
    rule4:
      "Every map and chart can be downloaded as data, and reads without JavaScript: the graphic is drawn when the site is built, and a table of the data sits under it.",
    boundaries: "Maps and boundaries",
    boundariesText:
      "District (gu) and neighbourhood (dong) boundaries are the 2013 census boundaries of Statistics Korea (KOSTAT), as published in the public repository {repo} under the Apache License 2.0. They are simplified, so areas computed from them differ slightly from official areas: the 25 districts add up to {area} km². Interactive maps are drawn in your browser with MapLibre from files on this site; no map tiles, fonts or scripts come from anywhere else.",
    datasets: "Datasets",
    catalogueText: "Every dataset with its fields, first rows, the stories that use it and its revision log: {catalogue}.",
    catalogueLink: "the data catalogue",
    tableLabel: "Datasets",
    caption: "Datasets and their downloads",
    dataset: "Dataset",
    rows: "Rows",
    sources: "Sources",
    download: "Download",
    sourcesHeading: "Sources",
    language: "language",
    languageKo: "Korean",
    languageEn: "English",
    licence: "licence",
    typeOFF: "official document or statistics",
    typeNEWS: "news report of an official release",
    typeREPO: "public data repository",
    typeCODE: "third-party code file (weakest: used only for approximate coordinates)",
    typeWIKI: "Wikipedia",
    typeSTUDY: "study or research institute",
    missing: "What we could not find",
    missing1:
      "An official table of greenhouse-gas emissions for all 25 districts. The district figures we show are the scattered ones that news reports and district plans state, each with its year.",
    missing2:
      "An official population table for all 25 districts more recent than the 2010 census: the 2015 census figures we show come from a third-party repackaging of Statistics Korea's census, checked against Seoul's total; no figures by district were found for the 2020 census.",
    missing3: "Counts of small businesses or venture companies for every district.",
    missing4:
      "Exact locations of several startup facilities in Gwanak-gu: they are listed in the map's table, not placed on the map. The sites of Gangbuk-gu's public-design projects: no source we read gives their addresses.",
    licences: "Licences",
    licencesText:
      "Boundaries: southkorea/seoul-maps, Apache License 2.0. Population: KOSIS 2010 Census via southkorea/southkorea-population, CC BY 3.0; the 2015 Census via the R package cardiomoon/kormaps2014, GPL-3.0 (the figures are KOSTAT's). News reports are cited as sources; their text is not reproduced. Typeface: Pretendard, SIL Open Font License 1.1 ({licence}). Our own data files and code: MIT.",
    licenceLink: "licence",
    error: "Found an error? See {corrections}.",
    correctionsLink: "corrections and data revisions",
  },
  {
    title: "데이터 안내",
    dek: "이 사이트의 모든 숫자가 어디서 왔는지, 지도를 어떻게 만드는지, 무엇을 찾지 못했는지.",
    rules: "원칙",
    rule1: "사이트의 모든 숫자는 아틀라스 저장소에 있는 데이터의 한 행에서 나오며, 모든 행에는 출처가 적혀 있다. 출처 목록은 아래에 있다.",
    rule2: "수치를 추정하거나 채워 넣지 않는다. 출처에 값이 없으면 없다고 표시한다. 두 출처가 다르면 둘 다 보여 주고 그렇다고 밝힌다.",
    rule3: "계산한 수치(면적, 인구밀도)는 계산 방법을 밝힌다.",
    rule4:
      "모든 지도와 차트는 데이터로 내려받을 수 있고 자바스크립트 없이도 읽힌다. 그래픽은 사이트를 빌드할 때 그리고, 그 아래에 데이터 표를 둔다.",
    boundaries: "지도와 경계",
    boundariesText:
      "자치구와 행정동 경계는 통계청의 2013년 센서스 경계로, 공개 저장소 {repo}에 Apache License 2.0으로 공개된 것을 썼다. 단순화한 경계라서 이것으로 계산한 면적은 공식 면적과 조금 다르다. 25개 자치구를 더하면 {area}㎢다. 이동·확대 지도는 이 사이트의 파일로 MapLibre가 브라우저에서 그린다. 지도 타일, 글꼴, 스크립트를 다른 곳에서 불러오지 않는다.",
    datasets: "데이터",
    catalogueText: "모든 데이터의 항목, 처음 몇 행, 이를 쓰는 기사, 수정 내역: {catalogue}.",
    catalogueLink: "데이터 목록",
    tableLabel: "데이터",
    caption: "데이터와 내려받기",
    dataset: "데이터",
    rows: "행 수",
    sources: "출처",
    download: "내려받기",
    sourcesHeading: "출처",
    language: "언어",
    languageKo: "한국어",
    languageEn: "영어",
    licence: "라이선스",
    typeOFF: "공식 문서 또는 통계",
    typeNEWS: "공식 발표를 전한 보도",
    typeREPO: "공개 데이터 저장소",
    typeCODE: "제3자 코드 파일(가장 약한 출처: 대략적인 좌표에만 사용)",
    typeWIKI: "위키백과",
    typeSTUDY: "연구 보고서 또는 연구기관",
    missing: "찾지 못한 것",
    missing1:
      "25개 자치구 전체의 온실가스 배출량 공식 통계. 이 사이트의 자치구 수치는 보도와 자치구 계획에 흩어져 있는 것들로, 각각 연도를 밝혔다.",
    missing2:
      "2010년 인구주택총조사보다 최근의 25개 자치구 공식 인구 통계. 이 사이트의 2015년 인구주택총조사 수치는 통계청 자료를 제3자가 재가공한 것으로, 서울 합계와 대조해 확인했다. 2020년 인구주택총조사의 자치구별 수치는 찾지 못했다.",
    missing3: "모든 자치구의 소상공인 또는 벤처기업 수.",
    missing4:
      "관악구 창업시설 몇 곳의 정확한 위치. 이들은 지도에 표시하지 않고 지도 아래 표에만 실었다. 강북구 공공디자인 사업지는 주소를 밝힌 출처를 찾지 못했다.",
    licences: "라이선스",
    licencesText:
      "경계: southkorea/seoul-maps, Apache License 2.0. 인구: 통계청 2010년 인구주택총조사(southkorea/southkorea-population 재배포, CC BY 3.0), 2015년 인구주택총조사(R 패키지 cardiomoon/kormaps2014 재배포, GPL-3.0, 수치는 통계청 자료). 보도는 출처로만 인용하며 기사 본문은 옮기지 않는다. 글꼴: Pretendard, SIL Open Font License 1.1({licence}). 아틀라스가 만든 데이터 파일과 코드: MIT.",
    licenceLink: "라이선스 전문",
    error: "오류를 발견했다면 {corrections}을 보세요.",
    correctionsLink: "정정과 데이터 수정",
  },
);
