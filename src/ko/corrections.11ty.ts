/** The Korean edition's page of src/corrections.11ty.ts (the template reads `lang: "ko"` from src/ko/ko.11tydata.ts). */
import { data as english, render } from "../corrections.11ty.ts";

export const data = { ...english };
export { render };
