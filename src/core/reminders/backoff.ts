// How long a failed job waits before its next attempt: growing steps, capped.

export interface BackoffPolicy {
  firstDelayMs: number;
  factor: number;
  maxDelayMs: number;
}

/** 30 s, 2 min, 8 min, 32 min, then hourly. */
export const defaultBackoff: BackoffPolicy = { firstDelayMs: 30_000, factor: 4, maxDelayMs: 3_600_000 };

/** The wait after failed attempt number `attempt` (1 = the first attempt failed). */
export function retryDelayMs(attempt: number, policy: BackoffPolicy = defaultBackoff): number {
  const steps = Math.max(0, attempt - 1);
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * policy.factor ** steps);
}
