// The Teams SDK awaits a handler before it answers the HTTP request, and Teams gives up after about 15 s (5 s for
// a dialog). A handler therefore answers with what it knows now and hands longer work to `later`: it starts after
// the HTTP answer has been written, once requests pause (PGlite shares the thread with the HTTP server, so a burst
// is answered first), a few at a time; its failure is logged, never lost silently.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "../../logging/logger.ts";

export type Work = () => Promise<void>;
interface Queued {
  label: string;
  work: Work;
}

export interface AfterAnswer {
  /** Queue work to start once the current request has been answered (soon, when called outside a request). */
  later(label: string, work: Work): void;
  /** Runs `handle` with a queue of its own; returns what it queued. */
  collect<T>(handle: () => Promise<T>): Promise<{ result: T; queued: Queued[] }>;
  /** Hands queued work over to run after the answer, in the order it was queued. */
  start(queued: Queued[]): void;
  /** Resolves when nothing is waiting or running (tests, shutdown). */
  idle(): Promise<void>;
}

export interface AfterAnswerOptions {
  /** Work waits for this long without a new request… */
  lullMs?: number;
  /** …but never longer than this after it was queued. */
  maxDelayMs?: number;
  /** How many pieces of work run at once. */
  concurrency?: number;
}

export function createAfterAnswer(logger: Logger, options: AfterAnswerOptions = {}): AfterAnswer {
  const lullMs = options.lullMs ?? 100;
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  const concurrency = options.concurrency ?? 2;
  const scope = new AsyncLocalStorage<Queued[]>();
  const waiting: Queued[] = [];
  const running = new Set<Promise<void>>();
  let lastRequestAt = 0;
  let oldestWaitingAt = 0;
  let timer: NodeJS.Timeout | undefined;
  const idleWaiters: (() => void)[] = [];

  const settleIdle = () => {
    if (waiting.length > 0 || running.size > 0) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
  };
  const runNext = () => {
    while (running.size < concurrency && waiting.length > 0) {
      const next = waiting.shift() as Queued;
      const task: Promise<void> = Promise.resolve()
        .then(next.work)
        .catch((error: unknown) => logger.error({ err: error, work: next.label }, "Teams work after the answer failed"))
        .finally(() => {
          running.delete(task);
          if (waiting.length > 0) schedule();
          settleIdle();
        });
      running.add(task);
    }
  };
  const schedule = () => {
    if (timer || waiting.length === 0) return;
    const now = Date.now();
    const wait = Math.max(0, Math.min(lastRequestAt + lullMs - now, oldestWaitingAt + maxDelayMs - now));
    timer = setTimeout(() => {
      timer = undefined;
      const at = Date.now();
      if (at - lastRequestAt < lullMs && at - oldestWaitingAt < maxDelayMs) return schedule();
      runNext();
    }, wait);
  };
  const enqueue = (items: Queued[]) => {
    if (items.length === 0) return;
    if (waiting.length === 0) oldestWaitingAt = Date.now();
    waiting.push(...items);
    schedule();
  };

  return {
    later(label, work) {
      const queue = scope.getStore();
      if (queue) queue.push({ label, work });
      else enqueue([{ label, work }]);
    },
    async collect(handle) {
      lastRequestAt = Date.now();
      const queued: Queued[] = [];
      const result = await scope.run(queued, handle);
      return { result, queued };
    },
    start(queued) {
      if (queued.length === 0) return;
      // One request's work runs in the order it was queued (the sender remembered before its command runs), so
      // two pieces of it never race to create the same workspace or person.
      const inOrder: Queued = {
        label: queued.map((item) => item.label).join(", "),
        async work() {
          for (const item of queued) {
            await item
              .work()
              .catch((error: unknown) =>
                logger.error({ err: error, work: item.label }, "Teams work after the answer failed"),
              );
          }
        },
      };
      scope.exit(() => enqueue([inOrder]));
    },
    idle() {
      if (waiting.length === 0 && running.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
