/**
 * The share cards' dispatcher, a worker thread of the build (card-pool.ts): it hands the
 * cards the build queues to the processes that draw them (card-worker.ts), two at a time
 * each, and reports each one drawn. It runs on its own event loop, so cards are handed
 * out while the build's thread is busy drawing figures or rendering pages, which run none
 * of its events. While the build renders, one process draws (the build has the other
 * processor); once asked to hurry, one process per processor. Plain JavaScript, so that
 * the thread starts under any loader (tsx, vitest); the processes run TypeScript with tsx.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parentPort, workerData } from "node:worker_threads";

/** Cards sent to a process before it reports one drawn: one drawing, one waiting. */
const IN_FLIGHT = 2;
const queue = [];
const children = [];
let wanted = 1;

function start() {
  const child = {
    process: fork(fileURLToPath(new URL("./card-worker.ts", import.meta.url)), [], {
      execArgv: ["--import", workerData.tsx],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
    /** The ids of the cards sent to it and not yet reported. */
    busy: new Set(),
  };
  child.process.on("message", (m) => {
    child.busy.delete(m.id);
    parentPort.postMessage(m);
    dispatch();
  });
  child.process.on("exit", (code, signal) => {
    children.splice(children.indexOf(child), 1);
    for (const id of child.busy)
      parentPort.postMessage({ id, error: `the process drawing share cards stopped (${signal ?? `exit code ${code}`})` });
    child.busy.clear();
  });
  children.push(child);
}

function dispatch() {
  if (queue.length && wanted === 0) wanted = 1;
  // Not the processes told to stop and not yet gone: they take no more cards.
  const live = () => children.filter((c) => c.process.connected);
  while (queue.length && live().length < wanted) start();
  for (const child of live().slice(0, wanted))
    while (queue.length && child.busy.size < IN_FLIGHT) {
      const job = queue.shift();
      child.busy.add(job.id);
      child.process.send(job);
    }
}

/** Stop the processes once they have drawn what they were sent, and say so when they are gone. */
function stop() {
  wanted = 0;
  const left = children.filter((c) => c.process.connected);
  if (left.length === 0) return parentPort.postMessage({ type: "stopped" });
  let running = left.length;
  for (const child of left) {
    child.process.once("exit", () => {
      if (--running === 0) parentPort.postMessage({ type: "stopped" });
    });
    child.process.disconnect();
  }
}

parentPort.on("message", (m) => {
  if (m.type === "card") queue.push(m.job);
  else if (m.type === "processes") wanted = Math.max(1, m.count);
  else if (m.type === "stop") return stop();
  dispatch();
});
