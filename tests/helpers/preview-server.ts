/**
 * `npm start` run on a scratch copy of the project (tests/helpers/scratch-site.ts): the
 * project's scripts/dev.ts on a free port, in its own process group (stopped as a whole),
 * with its output kept for failure messages. Used by the preview's integration test and
 * the preview benchmark.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import { join, relative } from "node:path";
import { ROOT } from "./paths.ts";

/** What /__atlas/status says (scripts/dev.ts). */
export interface PreviewStatus {
  builds: number;
  busy: number;
  failing: boolean;
  worker: number;
  last?: { type: "built" | "failed"; how?: string; ms: number; written?: string[] };
  /** When the server saw the last change, and when it last told the browser to reload (epoch ms). */
  seenAt: number;
  reloadedAt: number;
}

export interface PreviewServer {
  origin: string;
  /** The folder the preview writes (.cache/preview). */
  dir: string;
  /** What the server and its build process printed. */
  output(): string;
  status(): Promise<PreviewStatus>;
  /** Wait until at least `builds` builds are done and none is running. */
  idle(builds?: number, timeoutMs?: number): Promise<PreviewStatus>;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** GET as a browser navigates to a page (the server adds its live-reload script to navigations only; fetch() cannot say so). */
export function navigate(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "sec-fetch-mode": "navigate" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    }).on("error", reject);
  });
}

export async function startPreview(root: string, env: NodeJS.ProcessEnv = {}): Promise<PreviewServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let output = "";
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "dev.ts"), "--port", String(port)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  const status = async (): Promise<PreviewStatus> => JSON.parse((await navigate(`${origin}/__atlas/status`)).body) as PreviewStatus;
  return {
    origin,
    dir: join(root, ".cache", "preview"),
    output: () => output,
    status,
    async idle(builds = 1, timeoutMs = 600_000) {
      const deadline = Date.now() + timeoutMs;
      let last = "no answer yet";
      while (Date.now() < deadline) {
        try {
          const s = await status();
          if (s.builds >= builds && s.busy === 0) return s;
          last = JSON.stringify({ ...s, last: s.last?.type });
        } catch (error) {
          last = String(error);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`the preview never finished build ${builds} (last status ${last}). Output:\n${output.slice(-3000)}`);
    },
    stop() {
      // The server and its build processes: their own process group.
      if (server.pid) {
        try {
          process.kill(-server.pid, "SIGTERM");
        } catch {
          // Already gone.
        }
      }
    },
  };
}

/** Modification times of every file under `dir`, by path relative to it. */
export function mtimes(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(dir, path).split("\\").join("/"), statSync(path).mtimeMs);
    }
  };
  walk(dir);
  return out;
}

/** Files whose modification time changed (or that appeared) between two snapshots. */
export function rewritten(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after]
    .filter(([file, t]) => before.get(file) !== t)
    .map(([file]) => file)
    .sort();
}
