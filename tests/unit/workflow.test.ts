/**
 * The GitHub Actions workflow (.github/workflows/publish.yml) is valid YAML, runs the
 * README's set-up and test commands in their order, and publishes the built _site/ to
 * GitHub Pages from main only, with SITE_URL set by the workflow.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../helpers/paths.ts";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
  if?: string;
}
interface Job {
  steps: Step[];
  env?: Record<string, string>;
  needs?: string;
  if?: string;
  permissions?: Record<string, string>;
}

const workflow = parse(readFileSync(join(ROOT, ".github", "workflows", "publish.yml"), "utf8")) as {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
};

/** Commands of a shell snippet: one per line or per `&&`, without comments or leading VAR=value assignments. */
function commands(shell: string): string[] {
  return shell
    .split("\n")
    .map((l) => l.replace(/\s#.*$/, "").trim())
    .flatMap((l) => l.split("&&"))
    .map((c) => c.trim().replace(/^([A-Z_]+=\S+\s+)+/, ""))
    .filter(Boolean);
}

/** The README's set-up block: the first ```sh block under "## Set-up". */
function readmeCommands(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const setup = readme.slice(readme.indexOf("## Set-up"));
  const block = /```sh\n([\s\S]*?)```/.exec(setup)?.[1];
  if (!block) throw new Error("README.md has no ```sh block under ## Set-up");
  return commands(block);
}

describe("the publishing workflow", () => {
  it("runs the README's commands, in order", () => {
    const readme = readmeCommands();
    expect(readme).toEqual(["npm ci", "npm run build", "npm test"]);
    const ran = workflow.jobs.test!.steps.flatMap((s) => (s.run ? commands(s.run) : []));
    const positions = readme.map((c) => ran.indexOf(c));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("builds with SITE_URL from the workflow and publishes _site/ to GitHub Pages from main only", () => {
    const { test, deploy } = workflow.jobs;
    expect(test!.env?.SITE_URL).toMatch(/\$\{\{\s*vars\.SITE_URL\s*\}\}/);
    const upload = test!.steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"));
    expect(upload?.with?.path).toBe("_site");
    expect(upload?.if).toMatch(/refs\/heads\/main/);
    expect(deploy!.needs).toBe("test");
    expect(deploy!.if).toMatch(/refs\/heads\/main/);
    expect(deploy!.permissions).toMatchObject({ pages: "write", "id-token": "write" });
    expect(deploy!.steps.some((s) => s.uses?.startsWith("actions/deploy-pages@"))).toBe(true);
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(["push", "pull_request"]));
  });

  it("checks out the whole history, so the published data pages show every revision of their dataset", () => {
    const checkout = workflow.jobs.test!.steps.find((s) => s.uses?.startsWith("actions/checkout@"));
    // The default (1) is a shallow clone: /data/<name>/ would show the last commit only, "older revisions not shown".
    expect(checkout?.with?.["fetch-depth"]).toBe(0);
  });
});
