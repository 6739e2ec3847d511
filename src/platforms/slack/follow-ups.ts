// Work done after Slack has its answer (refreshing a view the person returns to). It runs a few at a time, so a
// burst of submissions gets its acks first instead of sharing the database with everyone's follow-ups.

export interface FollowUps {
  /** Queues the work; its failure is reported to onError, never thrown. */
  run(work: () => Promise<void>): void;
}

export function followUps(limit: number, onError: (error: unknown) => void): FollowUps {
  const waiting: (() => Promise<void>)[] = [];
  let running = 0;
  const pump = () => {
    while (running < limit) {
      const work = waiting.shift();
      if (!work) return;
      running++;
      work()
        .catch(onError)
        .finally(() => {
          running--;
          pump();
        });
    }
  };
  return {
    run(work) {
      waiting.push(work);
      pump();
    },
  };
}
