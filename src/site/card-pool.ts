/**
 * Share cards drawn on worker threads, one per processor: the main thread goes on
 * rendering pages while the cards are drawn beside it. The workers are started on the
 * first card and hold the process open only while they have work.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

interface Job {
  resolve(png: Uint8Array): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  busy: number;
}

let pool: Slot[] | undefined;
const jobs = new Map<number, Job>();
let next = 0;

function slots(): Slot[] {
  if (!pool) {
    pool = Array.from({ length: Math.max(1, availableParallelism()) }, () => {
      const slot: Slot = { worker: new Worker(new URL("./card-worker.mjs", import.meta.url)), busy: 0 };
      slot.worker.on("message", (m: { id: number; png?: Uint8Array; error?: string }) => {
        const job = jobs.get(m.id)!;
        jobs.delete(m.id);
        if (--slot.busy === 0) slot.worker.unref();
        if (m.png) job.resolve(new Uint8Array(m.png.buffer, m.png.byteOffset, m.png.byteLength));
        else job.reject(new Error(`a share card could not be drawn: ${m.error}`));
      });
      slot.worker.on("error", (error) => {
        for (const job of jobs.values()) job.reject(error);
        jobs.clear();
      });
      // Unreferenced once its listeners are on (adding one references the worker's port again).
      slot.worker.unref();
      return slot;
    });
  }
  return pool;
}

/** Draw an SVG to a PNG `width` pixels wide, with only the given font files, on the least busy worker. */
export function drawPng(svg: string, fonts: string[], width: number): Promise<Uint8Array> {
  const slot = slots().reduce((a, b) => (b.busy < a.busy ? b : a));
  const id = next++;
  if (slot.busy++ === 0) slot.worker.ref();
  return new Promise((resolve, reject) => {
    jobs.set(id, { resolve, reject });
    slot.worker.postMessage({ id, svg, fonts, width });
  });
}
