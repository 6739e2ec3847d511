// Runs the clustering engine off the main thread: an analysis of hundreds of results takes seconds of CPU, and the
// main thread must keep acknowledging Slack and Teams within their deadlines meanwhile. One long-lived worker: the
// engine's language model loads once. It analyses a workshop, or describes clusters a facilitator edited.
import { parentPort } from "node:worker_threads";
import { analyzeWorkshop, describeClusters } from "../../core/clustering/index.ts";

type Job =
  | { id: number; kind: "warm" }
  | { id: number; kind: "analyse"; input: unknown; options: Parameters<typeof analyzeWorkshop>[1] }
  | {
      id: number;
      kind: "describe";
      input: unknown;
      options: Parameters<typeof analyzeWorkshop>[1];
      clusters: string[][];
    };

// Two results: enough to load the language model, which is most of a first job's time.
const warmUp = {
  workshop: { name: "warm-up" },
  projects: [{ id: "p", acronym: "P" }],
  results: [
    { id: "a", project: "p", title: "Sensor kit", description: "Wireless vibration sensors" },
    { id: "b", project: "p", title: "Fault predictor", description: "Predicts faults from vibration" },
  ],
  interests: [],
};

parentPort?.on("message", (job: Job) => {
  try {
    const value =
      job.kind === "warm"
        ? describeClusters(warmUp, {}, [["a", "b"]]).length
        : job.kind === "describe"
          ? describeClusters(job.input, job.options ?? {}, job.clusters)
          : analyzeWorkshop(job.input, job.options);
    parentPort?.postMessage({ id: job.id, value });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
