// The Teams SDK awaits a handler before it answers the HTTP request, and Teams gives up after about 15 s (5 s for
// a dialog). A handler therefore answers with what it knows now and hands longer work to `later`: it starts after
// the HTTP answer has been written (the route runs the queue), and its failure is logged, never lost silently.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "../../logging/logger.ts";

export type Work = () => Promise<void>;

export interface AfterAnswer {
  /** Queue work to start once the current request has been answered (at once when called outside a request). */
  later(label: string, work: Work): void;
  /** Runs `handle` with a queue of its own; returns what it queued. */
  collect<T>(handle: () => Promise<T>): Promise<{ result: T; queued: { label: string; work: Work }[] }>;
  /** Starts queued work in the background. */
  start(queued: { label: string; work: Work }[]): void;
  /** Resolves when no queued work is running (tests and shutdown). */
  idle(): Promise<void>;
}

export function createAfterAnswer(logger: Logger): AfterAnswer {
  const scope = new AsyncLocalStorage<{ label: string; work: Work }[]>();
  const running = new Set<Promise<void>>();
  const run = (label: string, work: Work) => {
    const task = Promise.resolve()
      .then(work)
      .catch((error: unknown) => logger.error({ err: error, work: label }, "Teams work after the answer failed"))
      .finally(() => running.delete(task));
    running.add(task);
  };
  return {
    later(label, work) {
      const queue = scope.getStore();
      if (queue) queue.push({ label, work });
      else run(label, work);
    },
    async collect(handle) {
      const queued: { label: string; work: Work }[] = [];
      const result = await scope.run(queued, handle);
      return { result, queued };
    },
    start(queued) {
      // Outside the request's async context, so work queued by this work starts at once instead of being lost.
      for (const { label, work } of queued) scope.exit(() => run(label, work));
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
