/**
 * A build that draws thousands of figures allocates faster than V8 decides to collect:
 * measured on 10,000 stories, what the build still held stayed under 450 MB (heap
 * snapshots) while the process grew past 3 GB of garbage awaiting collection. So the
 * build asks for a full collection itself when the process has grown past a bound — once
 * in a while, never more often than every `EVERY` calls, which keeps it cheap.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * How far V8 lets the heap grow past what the last full collection kept, in percent. V8's
 * own factor can reach 4×: after the figures, a 10,000-story build held 141 MB and kept
 * 686 MB of heap for it. At 50 % a cold 1,000-story build peaks at 528–538 MB instead of
 * 805–817 MB, for 2 % more time (measured the same hour, docs/build.md).
 */
const HEAP_GROWING_PERCENT = 50;

/**
 * A full build asks V8 to keep the heap close to what it holds (`npm run build`). The
 * preview keeps V8's own factor, with which its edit latencies were measured. Call once,
 * before the build allocates.
 */
export function tightenHeap(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** Resident memory past which a collection is asked for. */
const BOUND = 1024 * 1024 * 1024;
const EVERY = 200;

let collect: (() => void) | undefined;
let calls = 0;

/** Call once per unit of work (a page written, a figure drawn, a share card drawn). */
export function relieveMemory(): void {
  if (++calls % EVERY === 0) collectIfLarge();
}

/**
 * Collect now if the process has grown past the bound: between two steps of the build
 * (the pages rendered; the share cards and the search index to come), so that the next
 * step does not start on top of the last one's garbage.
 */
export function collectIfLarge(): void {
  if (process.memoryUsage.rss() >= BOUND) collectNow();
}

/** A full collection now: before a build starts its shards, so that what it read to plan them is not kept beside them. */
export function collectNow(): void {
  if (!collect) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
}
