declare module "@11ty/eleventy-dev-server" {
  type OnRequest = (request: {
    url: URL;
    patternGroups: Record<string, string>;
  }) => undefined | string | { status?: number; headers?: Record<string, string>; body?: string };
  /** The parts of Eleventy's dev server the preview uses. */
  export default class EleventyDevServer {
    static getServer(
      name: string,
      dir: string,
      options?: {
        port?: number;
        liveReload?: boolean;
        domDiff?: boolean;
        showVersion?: boolean;
        /** Headers on every response. */
        headers?: Record<string, string>;
        onRequest?: Record<string, OnRequest>;
      },
    ): EleventyDevServer;
    serve(port: number): void;
    /** Tell the browsers to reload (a `css` subtype swaps the stylesheets named in `build` instead). */
    reload(event?: { files?: string[]; subtype?: "css"; build?: { stylesheets?: string[] } }): void;
    /** Send a message to every open page (the dev server's client logs an `eleventy.msg`'s `message`). */
    sendUpdateNotification(message: { type: string; [key: string]: unknown }): void;
    close(): Promise<void>;
  }
}
