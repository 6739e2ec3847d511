// Runs the clustering engine off the main thread: an analysis of hundreds of results takes seconds of CPU, and the
// main thread must keep acknowledging Slack and Teams within their deadlines meanwhile. One long-lived worker: the
// engine's language model loads once.
import { parentPort } from "node:worker_threads";
import { analyzeWorkshop } from "../../core/clustering/index.ts";

interface Job {
  id: number;
  input: unknown;
  options: Parameters<typeof analyzeWorkshop>[1];
}

parentPort?.on("message", ({ id, input, options }: Job) => {
  try {
    parentPort?.postMessage({ id, analysis: analyzeWorkshop(input, options) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
