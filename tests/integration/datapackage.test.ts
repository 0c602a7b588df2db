/**
 * /data/datapackage.json, judged by an outside tool: datapackage-js (Frictionless Data's
 * JavaScript library) validates it against the Data Package JSON Schema it ships, then reads
 * every CSV the site serves against its Table Schema, foreign keys included. The sizes and
 * sha256 hashes must be those of the files served.
 */
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Package, Profile } from "datapackage";
import { describe, expect, it } from "vitest";
import { SITE } from "../helpers/paths.ts";

const DATA = join(SITE, "data");
const descriptor = JSON.parse(readFileSync(join(DATA, "datapackage.json"), "utf8")) as {
  resources: { name: string; path: string; bytes: number; hash: string; profile: string; schema?: { fields: { name: string }[] } }[];
};

describe("the published data package", () => {
  it("validates against the Data Package JSON Schema", async () => {
    const profile = await Profile.load("data-package");
    const result = profile.validate(descriptor);
    expect(result.errors.map((e) => e.message)).toEqual([]);
    expect(result.valid).toBe(true);
    // …and its CSV resources against the Tabular Data Resource schema.
    const tabular = await Profile.load("tabular-data-resource");
    for (const r of descriptor.resources.filter((r) => r.profile === "tabular-data-resource"))
      expect(tabular.validate(r).errors.map((e) => `${r.name}: ${e.message}`)).toEqual([]);
  });

  it("lists every dataset of the manifest, with the size and sha256 of the file served", () => {
    const manifest = JSON.parse(readFileSync(join(DATA, "manifest.json"), "utf8")) as { datasets: Record<string, unknown> };
    expect(descriptor.resources.filter((r) => r.profile === "tabular-data-resource").map((r) => r.name)).toEqual(
      Object.keys(manifest.datasets).sort(),
    );
    for (const r of descriptor.resources) {
      const bytes = readFileSync(join(DATA, r.path));
      expect(bytes.length, r.path).toBe(r.bytes);
      expect(r.hash, r.path).toBe(`sha256:${createHash("sha256").update(bytes).digest("hex")}`);
    }
  });

  it("reads every CSV against its schema and foreign keys (datapackage-js)", async () => {
    const dp = await Package.load(join(DATA, "datapackage.json"), { basePath: DATA });
    expect(dp.errors.map((e) => e.message)).toEqual([]);
    const counts: Record<string, number> = {};
    for (const r of dp.resources.filter((r) => r.tabular)) counts[r.name] = (await r.read({ keyed: true, relations: true })).length;
    expect(counts).toMatchObject({ districts: 25, dong: 423, "census-2015-gu": 25, "census-2015-dong": 59 });
  });

  it("is a judge that can fail: a broken foreign key and a value outside an enum are caught", async () => {
    const dir = mkdtempSync(join(tmpdir(), "atlas-datapackage-"));
    try {
      cpSync(DATA, dir, { recursive: true });
      const census = join(dir, "census-2015-gu.csv");
      writeFileSync(census, readFileSync(census, "utf8").replace("\n11210,", "\n11260,"));
      const sectors = join(dir, "ghg-sectors.csv");
      writeFileSync(sectors, readFileSync(sectors, "utf8").replace(",transport,", ",teleportation,"));
      const dp = await Package.load(join(dir, "datapackage.json"), { basePath: dir });
      const resource = (name: string) => dp.resources.find((r) => r.name === name)!;
      await expect(resource("census-2015-gu").read({ relations: true })).rejects.toThrow(/foreign key/i);
      await expect(resource("ghg-sectors").read()).rejects.toThrow(/mismatch/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
