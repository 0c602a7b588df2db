/**
 * Share cards drawn beside the build: the build's thread queues a card and goes on; a
 * dispatcher thread (card-relay.mjs) hands the cards to processes that draw them
 * (card-worker.ts). While the build draws figures and renders pages, one process draws
 * (the build has the other processor); `hurry()` once they are done: one process per
 * processor. Nothing of a card waits for the build thread's events, which do not run
 * while it renders; the results reach it once it is free. The dispatcher holds the build
 * open only while it has work.
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { CardJob } from "./card-worker.ts";

interface Pending {
  resolve(png?: Uint8Array): void;
  reject(error: Error): void;
}

let relay: Worker | undefined;
const pending = new Map<number, Pending>();
let next = 0;
const stopping: (() => void)[] = [];

function dispatcher(): Worker {
  if (relay) return relay;
  const worker = new Worker(new URL("./card-relay.mjs", import.meta.url), {
    // The drawing processes run TypeScript with tsx, whichever loader runs the build.
    workerData: { tsx: pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href },
  });
  worker.on("message", (m: { id: number; png?: Uint8Array; error?: string; type?: "stopped" }) => {
    if (m.type === "stopped") {
      for (const done of stopping.splice(0)) done();
      if (pending.size === 0) worker.unref();
      return;
    }
    const job = pending.get(m.id);
    if (!job) return;
    pending.delete(m.id);
    if (m.error) job.reject(new Error(`a share card could not be drawn: ${m.error}`));
    else job.resolve(m.png && new Uint8Array(m.png.buffer, m.png.byteOffset, m.png.byteLength));
    if (pending.size === 0) worker.unref();
  });
  worker.on("error", (error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
    for (const done of stopping.splice(0)) done();
    relay = undefined;
  });
  worker.unref();
  relay = worker;
  return worker;
}

/** A build starts: one process draws beside it until `hurry()`. */
export function drawBesideBuild(): void {
  relay?.postMessage({ type: "processes", count: 1 });
}

/** The build's thread is done with pages: a process on every processor (or `count`). */
export function hurry(count = availableParallelism()): void {
  relay?.postMessage({ type: "processes", count });
}

/**
 * Stop the drawing processes (the next card starts one again) and wait until they are
 * gone: a build ends with its processes' work counted in its own (their CPU time is its
 * children's once it has waited for them).
 */
export function stopDrawing(): Promise<void> {
  if (!relay) return Promise.resolve();
  const worker = relay;
  worker.ref();
  return new Promise((resolve) => {
    stopping.push(resolve);
    worker.postMessage({ type: "stop" });
  });
}

function post(job: Omit<CardJob, "id">): Promise<Uint8Array | undefined> {
  const worker = dispatcher();
  const id = next++;
  if (pending.size === 0) worker.ref();
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ type: "card", job: { ...job, id } });
  });
}

/** Draw an SVG to a PNG `width` pixels wide, with only the given font files. */
export async function drawPng(svg: string, fonts: string[], width: number): Promise<Uint8Array> {
  return (await post({ svg, fonts, width }))!;
}

/** Draw an SVG to a PNG file at `out`, with the typeface cut to `chars` (cached in `fontsDir`). */
export async function drawPngFile(svg: string, font: { chars: string; fontsDir: string }, width: number, out: string): Promise<void> {
  await post({ svg, ...font, width, out });
}
