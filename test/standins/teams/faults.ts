// Failures a test asks for: the next N calls to a service answer an error (429 with Retry-After, 503, 403…),
// optionally only the calls a test names (a method and path), so the calls before them go through.
export type Service = "connector" | "graph" | "token";

export interface Fault {
  status: number;
  code: string;
  retryAfterSeconds?: number;
}

/** Which calls a fault is for: by method and path (e.g. POST …/channels/{id}/members). */
export type CallMatch = (call: { method: string; path: string }) => boolean;

interface Queued {
  fault: Fault;
  only: CallMatch | undefined;
}

export class Faults {
  readonly #queued = new Map<Service, Queued[]>();

  failNext(service: Service, count: number, fault: Fault, only?: CallMatch): void {
    const queue = this.#queued.get(service) ?? [];
    for (let index = 0; index < count; index++) queue.push({ fault, only });
    this.#queued.set(service, queue);
  }

  rateLimitNext(service: Service, count: number, retryAfterSeconds = 1): void {
    this.failNext(service, count, { status: 429, code: "TooManyRequests", retryAfterSeconds });
  }

  take(service: Service, call: { method: string; path: string }): Fault | undefined {
    const queue = this.#queued.get(service) ?? [];
    const index = queue.findIndex((queued) => !queued.only || queued.only(call));
    return index === -1 ? undefined : queue.splice(index, 1)[0]?.fault;
  }
}
