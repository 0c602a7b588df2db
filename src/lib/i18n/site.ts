/**
 * Interface strings of the site's own pages: the frame every page shares (header, language
 * switch, footer), the home page, the district pages, stories, search, about, corrections
 * and the 404 page.
 */
import { strings } from "./index.ts";

/** Each language's name in that language, for the language switch. */
export const LANG_NAMES = strings({ en: "English", ko: "한국어" }, { en: "English", ko: "한국어" });

export const SITE_STRINGS = strings(
  {
    title: "Seoul District Atlas",
    description: "Data stories about the policies of Seoul's 25 districts, with maps and charts that read without JavaScript.",
    skip: "Skip to content",
    navLabel: "Site",
    navStories: "Stories",
    navDistricts: "Districts",
    navData: "Data",
    navSearch: "Search",
    navAbout: "About the data",
    languages: "Language",
    noCounterpart: "(this page has no Korean version: the link leads to the Korean home page)",
    footerAbout: "About the data",
    footerCorrections: "Corrections",
    footerFeed: "Feed",
    footerBoundaries: "Boundaries",
    footerPopulation: "Population",
    footerPopulationCredit: "KOSIS 2010 Census via {census2010} (CC BY 3.0); 2015 Census via {census2015} (GPL-3.0)",
    footerBoundariesOrigin: "KOSTAT 2013",
    footerTypeface: "Typeface",
    cardAlt: "{title}: title and lead figure",
    feedTitle: "Seoul District Atlas",
    author: "Seoul District Atlas data desk",
    embedStory: "Read the story",
    embedStoryOther: "Read the story (in Korean)",
  },
  {
    title: "서울 자치구 아틀라스",
    description: "서울 25개 자치구의 정책을 데이터로 읽는 기사. 지도와 차트는 자바스크립트 없이도 읽을 수 있다.",
    skip: "본문 바로가기",
    navLabel: "사이트",
    navStories: "기사",
    navDistricts: "자치구",
    navData: "데이터",
    navSearch: "검색",
    navAbout: "데이터 안내",
    languages: "언어",
    noCounterpart: "(이 페이지는 영문판이 없어 영문판 첫 화면으로 연결됩니다)",
    footerAbout: "데이터 안내",
    footerCorrections: "정정",
    footerFeed: "피드",
    footerBoundaries: "경계",
    footerPopulation: "인구",
    footerPopulationCredit:
      "통계청 2010년 인구주택총조사({census2010} 재배포, CC BY 3.0), 2015년 인구주택총조사({census2015} 재배포, GPL-3.0)",
    footerBoundariesOrigin: "통계청 2013년",
    footerTypeface: "글꼴",
    cardAlt: "{title}: 제목과 대표 그래픽",
    feedTitle: "서울 자치구 아틀라스",
    author: "서울 자치구 아틀라스 데이터팀",
    embedStory: "기사 보기",
    embedStoryOther: "영문 기사 보기",
  },
);

export const HOME_STRINGS = strings(
  {
    latest: "Latest stories",
    noStories: "No stories yet.",
    older: "{n} older stories are not listed here: find them with {search} or on their districts' pages.",
    searchLink: "the search",
    explore: "Explore the 25 districts",
    choose: "Choose a district on the map, or from the {list}.",
    listLink: "list of districts",
    mapTitle: "Map of Seoul's 25 districts: each links to its page",
  },
  {
    latest: "최신 기사",
    noStories: "아직 기사가 없습니다.",
    older: "이전 기사 {n}건은 여기에 싣지 않았습니다. {search}이나 각 자치구 페이지에서 찾을 수 있습니다.",
    searchLink: "검색",
    explore: "25개 자치구 둘러보기",
    choose: "지도에서 자치구를 고르거나 {list}에서 찾아보세요.",
    listLink: "자치구 목록",
    mapTitle: "서울 25개 자치구 지도: 자치구를 누르면 해당 페이지로 이동",
  },
);

export const STORY_STRINGS = strings(
  {
    by: "By {byline}",
    corrections: "Corrections",
    correctedOn: "Corrected on {date}",
    now: "Now:",
    figures: "Figures:",
    table: "Table: {columns}",
  },
  {
    by: "글 {byline}",
    corrections: "정정",
    correctedOn: "{date} 정정",
    now: "바로잡은 내용:",
    figures: "그래픽:",
    table: "표: {columns}",
  },
);

export const NOT_FOUND_STRINGS = strings(
  {
    title: "Page not found",
    dek: "There is no page at this address. It may have moved, or the link may be mistyped.",
    latest: "The latest stories",
    districts: "All 25 districts",
    search: "Search the atlas",
  },
  {
    title: "페이지를 찾을 수 없습니다",
    dek: "이 주소에는 페이지가 없습니다. 페이지가 옮겨졌거나 주소가 잘못 입력됐을 수 있습니다.",
    latest: "최신 기사",
    districts: "25개 자치구 전체",
    search: "아틀라스 검색",
  },
);

export const SEARCH_STRINGS = strings(
  {
    title: "Search",
    heading: "Search the atlas",
    label: "Search stories and districts",
    button: "Search",
    noscript: "Search needs JavaScript. Without it, browse {stories} or {districts}.",
    stories: "the stories",
    districts: "the districts",
    searching: "Searching…",
    results: "{n} results for “{q}”",
    oneResult: "1 result for “{q}”",
    failed: "Search is not available right now.",
  },
  {
    title: "검색",
    heading: "아틀라스 검색",
    label: "기사와 자치구 검색",
    button: "검색",
    noscript: "검색하려면 자바스크립트가 필요합니다. 자바스크립트 없이는 {stories}나 {districts}를 둘러보세요.",
    stories: "기사",
    districts: "자치구",
    searching: "검색 중…",
    results: "“{q}” 검색 결과 {n}건",
    oneResult: "“{q}” 검색 결과 1건",
    failed: "지금은 검색을 쓸 수 없습니다.",
  },
);

export const CORRECTIONS_STRINGS = strings(
  {
    title: "Corrections and data revisions",
    dek: "Every correction of a story and every revision of a dataset, newest first.",
    correction: "Correction",
    revision: "Data revision",
    dataset: "dataset",
    wrong: "What was wrong:",
    now: "What it says now:",
    none: "No corrections or data revisions have been published yet.",
    editionEn: "English edition",
    editionKo: "Korean edition",
  },
  {
    title: "정정과 데이터 수정",
    dek: "기사 정정과 데이터 수정 내역 전체, 최신순.",
    correction: "정정",
    revision: "데이터 수정",
    dataset: "데이터",
    wrong: "잘못된 내용:",
    now: "바로잡은 내용:",
    none: "아직 공개된 정정이나 데이터 수정이 없습니다.",
    editionEn: "영문판",
    editionKo: "한국어판",
  },
);

export const DISTRICTS_STRINGS = strings(
  {
    title: "Seoul's 25 districts",
    dek: "Each district (gu, 구) has its own page with its key figures, a map of its neighbourhoods (dong, 동), the stories that concern it and links to its data.",
    district: "District",
    korean: "Korean",
    area: "Area (km²)",
    caption2010: "Districts, population at the 2010 census and area",
    population2010: "Population, 2010",
    note2010: "Population: 2010 Population and Housing Census (KOSIS).",
    areaNote: "Area: computed from the simplified KOSTAT 2013 boundaries; see {about}.",
    about: "About the data",
  },
  {
    title: "서울 25개 자치구",
    dek: "자치구마다 주요 수치, 행정동 지도, 관련 기사, 데이터 링크를 담은 페이지가 있습니다.",
    district: "자치구",
    korean: "영문 이름",
    area: "면적(㎢)",
    caption2010: "자치구별 2010년 인구주택총조사 인구와 면적",
    population2010: "2010년 인구",
    note2010: "인구: 통계청 2010년 인구주택총조사.",
    areaNote: "면적: 통계청 2013년 경계(단순화)로 계산. {about} 참고.",
    about: "데이터 안내",
  },
);

export const DISTRICT_STRINGS = strings(
  {
    title: "{name} ({other})",
    dek: "Key figures, maps, stories and data for {name}, one of Seoul's 25 districts.",
    kicker: "District",
    area: "Area",
    areaValue: "{value}\u00a0km²",
    areaNote: "from the simplified 2013 census boundary",
    codes: "Codes",
    codesNote: "KOSTAT 2013 · administrative SIG_CD",
    neighbours: "Neighbours",
    neighboursNote: "districts that share a border with it (2013 census boundaries)",
    office: "District office",
    officeNote: "road address; position from a third-party geocode",
    locator: "{name} among Seoul's districts",
    stories: "Stories about {name}",
    noStories: "No story is about {name} yet.",
    data: "Data",
    dataIntro: "What the atlas's datasets hold about {name}, row by row:",
    noData: "No dataset of the atlas has rows about {name} beyond its boundary and key figures.",
    rowOf: "{name} is the row with code {code} in {csv} and the feature with that code in {geojson}. Sources and methods: {about}.",
    about: "About the data",
    approx: "about {value}",
  },
  {
    title: "{name}({other})",
    dek: "서울 25개 자치구 가운데 하나인 {name}의 주요 수치, 지도, 기사와 데이터.",
    kicker: "자치구",
    area: "면적",
    areaValue: "{value}㎢",
    areaNote: "2013년 센서스 경계(단순화)로 계산",
    codes: "코드",
    codesNote: "통계청 2013 · 행정표준코드(SIG_CD)",
    neighbours: "이웃 자치구",
    neighboursNote: "경계를 맞댄 자치구(2013년 센서스 경계 기준)",
    office: "구청",
    officeNote: "도로명 주소. 위치는 제3자 지오코딩 결과",
    locator: "서울 자치구 가운데 {name}의 위치",
    stories: "{name} 관련 기사",
    noStories: "아직 {name}에 관한 기사가 없습니다.",
    data: "데이터",
    dataIntro: "아틀라스 데이터에 담긴 {name} 관련 행:",
    noData: "아틀라스 데이터에는 경계와 주요 수치 말고는 {name}에 관한 행이 없습니다.",
    rowOf: "{name}는 {csv}에서 코드 {code}인 행, {geojson}에서 같은 코드의 도형입니다. 출처와 방법: {about}.",
    about: "데이터 안내",
    approx: "약 {value}",
  },
);

export const MAP_NAV_STRINGS = strings(
  {
    locator: "Locator map: {name} highlighted among Seoul's {n} districts",
    seoul: "Map of Seoul's districts",
  },
  {
    locator: "위치 지도: 서울 {n}개 자치구 가운데 {name} 강조",
    seoul: "서울 자치구 지도",
  },
);
