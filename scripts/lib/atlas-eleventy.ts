/**
 * Eleventy as the atlas runs it: Eleventy renders every page and the atlas's page writer
 * (src/site/page-writer.ts, the last transform) writes it, so Eleventy's own template
 * writer runs in dry-run mode: it renders, writes nothing, and keeps none of the pages'
 * HTML (passthrough copies still run). `render()` does a full build into the output
 * folder; the preview calls it again after a change (Eleventy's watch mode does the same:
 * restart, init, write).
 */
import Eleventy from "@11ty/eleventy";
import { Limiter } from "./limiter.ts";

export interface AtlasEleventy {
  eleventy: Eleventy;
  /** Render every page (the writer writes them). */
  render(): Promise<void>;
}

interface Internals {
  logFinished(): string;
  init(): Promise<void>;
  restart(): Promise<void>;
  writer: { setDryRun(dryRun: boolean): void; _generateTemplate(entry: unknown, to: unknown): Promise<unknown> };
  eleventyFiles: { getFiles(): Promise<string[]> };
}

/**
 * Pages rendered at once. Eleventy starts every page's layouts together, and each await
 * lets the next page go a step further: on 10,000 stories, every page's HTML was in memory
 * before the first was written (2.2 GB at the peak, 1 GB once written). Rendering is on
 * one thread, so a few at a time are as fast; the writer writes each before the next starts.
 */
export const PAGES_AT_ONCE = 8;

export function atlasEleventy(
  input: string,
  output: string,
  options: {
    quietMode?: boolean;
    configPath?: string;
    /**
     * The templates to read, by input path (relative to the working folder, as Eleventy
     * gives it): a shard of the build reads only its own (scripts/lib/shards.ts). Default: all.
     */
    include?: (inputPath: string) => boolean;
  },
): AtlasEleventy {
  const { include, ...settings } = options;
  const eleventy = new Eleventy(input, output, settings);
  const internals = eleventy as unknown as Internals;
  // Eleventy's closing line would say "Wrote 0 files".
  const finished = internals.logFinished.bind(eleventy);
  internals.logFinished = () => finished().replace(/Wrote 0 files/, "Rendered the pages (the atlas wrote them)");
  let started = false;
  return {
    eleventy,
    async render() {
      if (started) await internals.restart();
      started = true;
      await internals.init();
      internals.writer.setDryRun(true);
      if (include) {
        // Left out before Eleventy reads them: a template Eleventy has read stays in its memory until the build ends.
        const files = internals.eleventyFiles;
        const getFiles = files.getFiles.bind(files);
        files.getFiles = async () => (await getFiles()).filter(include);
      }
      const generate = internals.writer._generateTemplate.bind(internals.writer);
      const limiter = new Limiter(PAGES_AT_ONCE);
      internals.writer._generateTemplate = (entry, to) => limiter.run(() => generate(entry, to));
      await eleventy.write();
    },
  };
}
