/** Serve a built site folder on 127.0.0.1 (a free port) for browser tests. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";

export interface SiteServer {
  url: string;
  close(): Promise<void>;
}

export async function serveSite(dir: string): Promise<SiteServer> {
  const handler = sirv(dir, { dev: true, etag: false, extensions: ["html"] });
  const server: Server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
