export default {
  title: "Seoul District Atlas",
  title_ko: "서울 자치구 아틀라스",
  description: "Data stories about the policies of Seoul's 25 districts, with maps and charts.",
  lang: "en",
};
