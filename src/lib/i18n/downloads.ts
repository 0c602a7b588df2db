/** What the data catalogue (/about/#datasets) tells readers about the CSV downloads. */
import { strings } from "./index.ts";

export const DOWNLOADS = strings(
  {
    spreadsheetNote:
      "The CSV files are UTF-8, with a header row. A text cell that starts with =, +, -, @, a tab or a carriage return begins with an apostrophe (') in the file, so that spreadsheet programs show it as text instead of running it as a formula; numbers are written as numbers.",
  },
  {
    spreadsheetNote:
      "CSV 파일은 UTF-8 인코딩이며 첫 줄에 열 이름이 있습니다. =, +, -, @, 탭, 캐리지 리턴으로 시작하는 텍스트 칸은 스프레드시트 프로그램이 수식으로 실행하지 않고 텍스트로 표시하도록 파일에서 작은따옴표(')로 시작합니다. 숫자는 숫자 그대로 적혀 있습니다.",
  },
);
