/**
 * The Korean edition: every page under src/ko/ is Korean. Its templates are the English
 * edition's (each file here re-exports one); they read `lang` and put the page under /ko/.
 */
export default { lang: "ko" };
