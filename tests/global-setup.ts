/** Build the site once before the tests, exactly as `npm run build` does. */
import { buildSite } from "../scripts/build.ts";

export default async function setup(): Promise<void> {
  if (process.env.ATLAS_TEST_SKIP_BUILD === "1") return;
  await buildSite({ root: process.cwd(), log: () => {} });
}
