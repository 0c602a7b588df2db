declare module "@11ty/eleventy" {
  /** The parts of Eleventy's programmatic API the build script uses. */
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: { quietMode?: boolean; configPath?: string; config?: (config: unknown) => void },
    );
    write(): Promise<unknown>;
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
  }
}
