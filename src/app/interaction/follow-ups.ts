// Work done after the platform has its answer (saving an answer checked before the ack, refreshing the screen the
// person returns to). It runs a few at a time and yields to a burst of incoming requests: with PGlite the database
// works on this same thread, so saves started during a burst would hold back the acks Slack needs within 3 s.

export interface FollowUps {
  /** Queues the work; its failure is reported to onError, never thrown. */
  run(work: () => Promise<void>): void;
  /** Resolves once nothing is queued or running (tests; draining before a stop). */
  idle(): Promise<void>;
}

/** When the last request arrived; follow-ups wait for a short lull. */
export interface Traffic {
  touch(): void;
  quietFor(): number;
}

export function traffic(now: () => number = () => performance.now()): Traffic {
  let last = Number.NEGATIVE_INFINITY;
  return {
    touch: () => {
      last = now();
    },
    quietFor: () => now() - last,
  };
}

export interface FollowUpOptions {
  concurrency: number;
  onError: (error: unknown) => void;
  traffic?: Traffic;
  /** Start once requests have paused this long… */
  lullMs?: number;
  /** …or once the oldest waiting work has waited this long, so a steady stream of requests cannot starve it. */
  maxHoldMs?: number;
  /**
   * True while an answer is being kept before its ack: nothing starts then, whatever the hold, because with PGlite
   * a save started now holds the one connection and the ack would wait behind it (the answer is already durable, so
   * its save can wait for the burst to end).
   */
  acksWaiting?: () => boolean;
}

export function followUps(options: FollowUpOptions): FollowUps {
  const { concurrency, onError } = options;
  const lullMs = options.lullMs ?? 100;
  const maxHoldMs = options.maxHoldMs ?? 10_000;
  const waiting: { work: () => Promise<void>; queuedAt: number }[] = [];
  let running = 0;
  let recheckScheduled = false;
  let idleWaiters: (() => void)[] = [];

  const mayStart = () => {
    const oldest = waiting[0];
    if (!oldest) return true;
    if (options.acksWaiting?.()) return false;
    if (!options.traffic) return true;
    return options.traffic.quietFor() >= lullMs || performance.now() - oldest.queuedAt >= maxHoldMs;
  };

  const pump = () => {
    while (running < concurrency && waiting.length > 0) {
      if (!mayStart()) {
        if (!recheckScheduled) {
          recheckScheduled = true;
          setTimeout(() => {
            recheckScheduled = false;
            pump();
          }, lullMs);
        }
        return;
      }
      const { work } = waiting.shift()!;
      running++;
      // setImmediate runs after pending I/O, so requests already read get their ack first.
      new Promise<void>((resolve) => setImmediate(resolve))
        .then(work)
        .catch(onError)
        .finally(() => {
          running--;
          pump();
          if (running === 0 && waiting.length === 0) {
            for (const resolve of idleWaiters) resolve();
            idleWaiters = [];
          }
        });
    }
  };
  return {
    run(work) {
      waiting.push({ work, queuedAt: performance.now() });
      pump();
    },
    idle() {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
