/**
 * The revision log of a dataset, read from git: a fixture repository whose CSV gains,
 * loses and changes rows across commits (a rename on the way); each revision shows exactly
 * those rows, changed rows cell by cell. Without git history the log says so.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { afterEach, describe, expect, it } from "vitest";
import { renderRevisions } from "../../src/site/catalogue.ts";
import { siteCharacters } from "../../src/site/fonts.ts";
import { diffTables, revisionLog } from "../../src/site/revisions.ts";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function repo(): {
  root: string;
  commit(files: Record<string, string>, message: string, date: string): void;
  git(...args: string[]): void;
} {
  const root = mkdtempSync(join(tmpdir(), "atlas-revisions-"));
  dir = root;
  const git = (...args: string[]) =>
    void execFileSync("git", args, {
      cwd: root,
      stdio: "ignore",
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: "desk",
        GIT_AUTHOR_EMAIL: "desk@example.org",
        GIT_COMMITTER_NAME: "desk",
        GIT_COMMITTER_EMAIL: "desk@example.org",
      },
    });
  git("init", "-q");
  return {
    root,
    git,
    commit(files, message, date) {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(root, path, ".."), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      git("add", "-A");
      execFileSync("git", ["commit", "-q", "-m", message], {
        cwd: root,
        stdio: "ignore",
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: "desk",
          GIT_AUTHOR_EMAIL: "d@e.org",
          GIT_COMMITTER_NAME: "desk",
          GIT_COMMITTER_EMAIL: "d@e.org",
          GIT_AUTHOR_DATE: `${date}T12:00:00Z`,
          GIT_COMMITTER_DATE: `${date}T12:00:00Z`,
        },
      });
    },
  };
}

describe("revision log", () => {
  it("shows the rows each commit added, removed and changed, cell by cell, newest first", () => {
    const r = repo();
    r.commit({ "data/parks.csv": "id,name,count\na,Alpha,1\nb,Beta,2\nc,Gamma,3\n" }, "Parks: first version", "2026-01-05");
    r.commit(
      { "data/parks.csv": "id,name,count\na,Alpha,1\nb,Beta,5\nc,Gamma,3\nd,Delta,4\n" },
      "Parks: Beta corrected, Delta added",
      "2026-02-10",
    );
    r.commit({ "data/other.csv": "x\n1\n" }, "Another file", "2026-02-11");
    r.commit(
      { "data/parks.csv": "id,name,count,notes\na,Alpha,1,\nb,Beta,5,\nd,Delta-West,4,renamed\n" },
      "Parks: Gamma removed, Delta renamed",
      "2026-03-01",
    );
    r.git("mv", "data/parks.csv", "data/green-parks.csv");
    r.commit({}, "Parks: file renamed", "2026-03-02");

    const log = revisionLog(r.root, "data/green-parks.csv", "id");
    expect(log.available).toBe(true);
    if (!log.available) return;
    expect(log.revisions.map((v) => [v.date, v.message])).toEqual([
      ["2026-03-02", "Parks: file renamed"],
      ["2026-03-01", "Parks: Gamma removed, Delta renamed"],
      ["2026-02-10", "Parks: Beta corrected, Delta added"],
      ["2026-01-05", "Parks: first version"],
    ]);
    const [renamed, third, second, first] = log.revisions;
    expect([renamed!.diff.added, renamed!.diff.removed, renamed!.diff.changed]).toEqual([[], [], []]);
    expect(third!.diff.removed).toEqual([{ id: "c", name: "Gamma", count: "3" }]);
    expect(third!.diff.changed).toEqual([{ key: "d", cells: [{ column: "name", from: "Delta", to: "Delta-West" }] }]);
    expect(third!.diff.columnsAdded).toEqual(["notes"]);
    expect(second!.diff.added).toEqual([{ id: "d", name: "Delta", count: "4" }]);
    expect(second!.diff.changed).toEqual([{ key: "b", cells: [{ column: "count", from: "2", to: "5" }] }]);
    expect(second!.diff.removed).toEqual([]);
    expect(first!.diff.added.map((x) => x.id)).toEqual(["a", "b", "c"]);

    // As a reader sees it: the changed cell with its old and new value, the removed row.
    const $ = cheerio.load(renderRevisions(log, "id", [], "en").value);
    expect($("li.revision")).toHaveLength(4);
    expect($(".diff-changed").eq(1).text()).toContain("count: 2 → 5");
    expect($(".diff-removed").text()).toContain("Gamma");
    expect($("li.revision").last().text()).toContain("First version: 3 rows.");
  });

  it("shows changes not yet committed", () => {
    const r = repo();
    r.commit({ "data/t.csv": "id,v\na,1\n" }, "t", "2026-01-01");
    writeFileSync(join(r.root, "data/t.csv"), "id,v\na,2\n");
    const log = revisionLog(r.root, "data/t.csv", "id");
    expect(log.available && log.uncommitted?.changed).toEqual([{ key: "a", cells: [{ column: "v", from: "1", to: "2" }] }]);
  });

  it("puts the characters of earlier versions in both editions' fonts: a correction's old text stays on the data page", () => {
    const r = repo();
    const notes = (n: string) => `id,notes_ko\na,${n}\n`;
    r.commit({ "data/t.csv": notes("두 계열을 섞지 말 것") }, "t", "2026-01-01");
    r.commit({ "data/t.csv": notes("두 계열은 잇지 않았다") }, "t: 쓴 말을 고침", "2026-01-02");
    // The generated data hold only the current text, as the build's do.
    mkdirSync(join(r.root, "generated"));
    writeFileSync(join(r.root, "generated/t.csv"), notes("두 계열은 잇지 않았다"));
    writeFileSync(join(r.root, "generated/manifest.json"), JSON.stringify({ datasets: { t: { key: "id", inputs: ["data/t.csv"] } } }));
    const chars = siteCharacters(r.root, join(r.root, "generated"));
    // The log shows the cell's old value ("섞"), and the commit's message (nowhere else either).
    for (const ch of "섞말고침") expect(chars.both.has(ch), ch).toBe(true);
    expect(cheerio.load(renderRevisions(revisionLog(r.root, "data/t.csv", "id"), "id", [], "en").value).text()).toContain("섞지");
  });

  it("says so where the build has no git history", () => {
    const root = mkdtempSync(join(tmpdir(), "atlas-no-git-"));
    dir = root;
    mkdirSync(join(root, "data"));
    writeFileSync(join(root, "data/t.csv"), "id\na\n");
    const log = revisionLog(root, "data/t.csv", "id");
    expect(log).toEqual({ available: false, reason: "no-git" });
    expect(cheerio.load(renderRevisions(log, "id", [], "en").value).text()).toContain("no version history");
  });

  it("matches rows by key, not by position", () => {
    const d = diffTables("id,v\na,1\nb,2\n", "id,v\nb,2\na,1\nc,3\n", "id");
    expect([d.added.map((r) => r.id), d.removed, d.changed]).toEqual([["c"], [], []]);
  });
});
