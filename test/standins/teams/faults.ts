// Failures a test asks for: the next N calls to a service answer an error (429 with Retry-After, 503, 403…).
export type Service = "connector" | "graph" | "token";

export interface Fault {
  status: number;
  code: string;
  retryAfterSeconds?: number;
}

export class Faults {
  readonly #queued = new Map<Service, Fault[]>();

  failNext(service: Service, count: number, fault: Fault): void {
    const queue = this.#queued.get(service) ?? [];
    for (let index = 0; index < count; index++) queue.push(fault);
    this.#queued.set(service, queue);
  }

  rateLimitNext(service: Service, count: number, retryAfterSeconds = 1): void {
    this.failNext(service, count, { status: 429, code: "TooManyRequests", retryAfterSeconds });
  }

  take(service: Service): Fault | undefined {
    return this.#queued.get(service)?.shift();
  }
}
