// The engine in a worker thread (engine-worker.ts), started on the first analysis and kept; it holds the process
// open only while a job is waiting for it. An invalid workshop comes back as an error here.
import { Worker } from "node:worker_threads";
import type { ClusterDescription } from "../../core/clustering/index.ts";
import type { Analysis, WorkshopInput } from "../../core/clustering/interchange.ts";

export interface EngineOptions {
  granularity: "coarse" | "normal" | "fine";
  maxSize: number;
}

type Reply = { id: number; value: unknown } | { id: number; error: string };

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

function engineWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL("./engine-worker.ts", import.meta.url));
  started.on("message", (reply: Reply) => {
    const job = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) started.unref();
    if ("error" in reply) job?.reject(new Error(reply.error));
    else job?.resolve(reply.value);
  });
  const fail = (error: Error) => {
    worker = undefined;
    for (const job of waiting.values()) job.reject(error);
    waiting.clear();
  };
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`the clustering engine stopped (exit code ${code})`)));
  // After the listeners: attaching a "message" listener refs the worker's port again, so an earlier unref is undone.
  started.unref();
  worker = started;
  return started;
}

function inWorker(job: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    const engine = engineWorker();
    engine.ref();
    engine.postMessage({ ...job, id });
  });
}

export async function analyseInWorker(input: WorkshopInput, options: EngineOptions): Promise<Analysis> {
  return (await inWorker({ kind: "analyse", input, options })) as Analysis;
}

/** The engine's description of each cluster (result ids of the run's input), as it would describe its own. */
export async function describeInWorker(
  input: unknown,
  options: unknown,
  clusters: string[][],
): Promise<(ClusterDescription | null)[]> {
  return (await inWorker({ kind: "describe", input, options, clusters })) as (ClusterDescription | null)[];
}

let warm = false;

/**
 * Loads the engine (its language model) in the worker ahead of an edit of the review, which has the person's
 * submission waiting for the new descriptions (Slack allows 3 s): once per process, in the background.
 */
export function warmEngine(): void {
  if (warm) return;
  warm = true;
  inWorker({ kind: "warm" }).catch(() => {
    warm = false;
  });
}
