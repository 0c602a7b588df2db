/** Interface strings of the census figures on district pages and the districts list. */
import { strings } from "./index.ts";

export const CENSUS = strings(
  {
    population: "Population",
    populationNote: "2015 census, foreign residents included: the latest census we hold for every district",
    koreans: "Korean nationals",
    koreansNote: "2015 census; {change} since the 2010 census ({population2010}; the 2010 table we hold counts Korean nationals only)",
    koreansNoChange: "2015 census; the 2010 census gives no figure for this district",
    density: "Density",
    densityValue: "{value} per km²",
    densityNote: "2015 population ÷ area",
    population2010: "Population",
    population2010Note: "2010 census, Korean nationals only (the table we hold)",
    density2010Note: "2010 Korean nationals ÷ area",
    sourceNote:
      "Population: the 2015 Population and Housing Census of Statistics Korea (KOSTAT), as repackaged by a third party (the R package cardiomoon/kormaps2014), not an official publication. It was checked against independent totals: the 25 districts add up to Seoul's 2015 census total of {seoul}, the figure City Population gives, and on every row foreign residents and Korean nationals add up to the total. The 2010 census table we hold counts Korean nationals only, so the change since 2010 compares Korean nationals with Korean nationals. {link}",
    sourceLink: "The dataset and its revisions",
    columnPopulation: "Population, 2015",
    columnPopulation2010: "Korean nationals, 2010",
    caption: "Districts, population at the 2015 census and area",
    listNote:
      "Population: 2015 Population and Housing Census (KOSTAT, via a third-party repackaging checked against Seoul's total), foreign residents included; the 2010 census table we hold counts Korean nationals only.",
  },
  {
    population: "인구",
    populationNote: "2015년 인구주택총조사, 외국인 포함: 아틀라스가 모든 자치구 수치를 확보한 가장 최근 조사",
    koreans: "내국인",
    koreansNote: "2015년 인구주택총조사. 2010년 내국인 {population2010}명 대비 {change}. 2010년 표는 내국인만 집계했다",
    koreansNoChange: "2015년 인구주택총조사. 2010년 인구주택총조사에는 이 자치구의 수치가 없다",
    density: "인구밀도",
    densityValue: "㎢당 {value}명",
    densityNote: "2015년 인구 ÷ 면적",
    population2010: "인구",
    population2010Note: "2010년 인구주택총조사, 내국인만",
    density2010Note: "2010년 내국인 인구 ÷ 면적",
    sourceNote:
      "인구: 통계청 2015년 인구주택총조사. 공식 발행물이 아니라 제3자가 재가공한 자료(R 패키지 cardiomoon/kormaps2014)에서 가져왔다. 독립된 합계와 대조해 확인했다. 25개 자치구를 더하면 서울의 2015년 인구주택총조사 합계 {seoul}명으로 시티 파퓰레이션이 제시한 수치와 같고, 모든 행에서 외국인과 내국인을 더하면 총인구가 된다. 보유한 2010년 인구주택총조사 표는 내국인만 집계했으므로 2010년 이후 변화는 내국인끼리 비교했다. {link}",
    sourceLink: "데이터와 수정 내역",
    columnPopulation: "2015년 인구",
    columnPopulation2010: "2010년 내국인",
    caption: "자치구별 2015년 인구주택총조사 인구와 면적",
    listNote:
      "인구: 통계청 2015년 인구주택총조사(서울 합계와 대조해 확인한 제3자 재가공 자료), 외국인 포함. 보유한 2010년 인구주택총조사 표는 내국인만 집계했다.",
  },
);
