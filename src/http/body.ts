// Reading a request body that cannot yet be trusted (its signature covers the body, so it must be read first)
// without letting slow or held uploads pile up: a size limit, a deadline for the whole body, and one memory budget
// shared by every body being read. When the budget is full, the upload that has been waiting longest is dropped:
// real senders (Slack) post small bodies at once, so the oldest unfinished uploads are the stalled ones.
import type { IncomingMessage } from "node:http";

export type BodyOutcome =
  | { kind: "ok"; text: string }
  /** Over the size limit; the rest was read and dropped so the sender can read the answer. */
  | { kind: "too_large" }
  /** The whole body did not arrive within the deadline. */
  | { kind: "timeout" }
  /** Dropped to make room for newer uploads when the shared budget was full. */
  | { kind: "shed" }
  /** The sender went away mid-upload. Nothing to answer. */
  | { kind: "aborted" };

export interface BodyLimits {
  maxBytes: number;
  /** Time allowed from the first byte of headers to the last byte of body. */
  timeoutMs: number;
  budget: BodyBudget;
}

/** An oversized body is read and dropped up to this multiple of the limit, so the sender still reads our 413. */
const discardFactor = 16;

export function readLimitedBody(request: IncomingMessage, limits: BodyLimits): Promise<BodyOutcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const claim = limits.budget.claim(() => finish({ kind: "shed" }, true));
    const timer = setTimeout(() => finish({ kind: "timeout" }, true), limits.timeoutMs);

    function finish(outcome: BodyOutcome, stopReading: boolean) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      limits.budget.release(claim);
      chunks.length = 0;
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("aborted", onAborted);
      request.off("error", onError);
      // Drained, not kept: what still arrives is discarded until the connection closes.
      if (stopReading) request.resume();
      resolve(outcome);
    }
    function onData(chunk: Buffer) {
      size += chunk.length;
      if (size > limits.maxBytes * discardFactor) {
        request.socket.destroy();
        finish({ kind: "too_large" }, false);
        return;
      }
      if (size > limits.maxBytes) {
        chunks.length = 0;
        limits.budget.release(claim);
        return;
      }
      if (!limits.budget.grow(claim, chunk.length)) return finish({ kind: "shed" }, true);
      chunks.push(chunk);
    }
    function onEnd() {
      if (size > limits.maxBytes) return finish({ kind: "too_large" }, false);
      const text = Buffer.concat(chunks).toString("utf8");
      finish({ kind: "ok", text }, false);
    }
    const onAborted = () => finish({ kind: "aborted" }, false);
    const onError = () => finish({ kind: "aborted" }, false);

    request.on("data", onData);
    request.on("end", onEnd);
    request.on("aborted", onAborted);
    request.on("error", onError);
  });
}

interface Claim {
  bytes: number;
  shed: () => void;
}

/** The bytes held by bodies being read, across requests, capped at `limitBytes`. */
export class BodyBudget {
  readonly limitBytes: number;
  #held = 0;
  #peak = 0;
  /** Insertion order is age: the first claim is the oldest upload. */
  readonly #claims = new Set<Claim>();

  constructor(limitBytes: number) {
    this.limitBytes = limitBytes;
  }

  get heldBytes(): number {
    return this.#held;
  }

  /** The most ever held at once. */
  get peakBytes(): number {
    return this.#peak;
  }

  claim(shed: () => void): Claim {
    const claim = { bytes: 0, shed };
    this.#claims.add(claim);
    return claim;
  }

  /** Makes room for `bytes` more by shedding older uploads; false when this upload alone would not fit. */
  grow(claim: Claim, bytes: number): boolean {
    if (claim.bytes + bytes > this.limitBytes) return false;
    for (const oldest of this.#claims) {
      if (this.#held + bytes <= this.limitBytes) break;
      if (oldest !== claim && oldest.bytes > 0) oldest.shed();
    }
    if (this.#held + bytes > this.limitBytes) return false;
    claim.bytes += bytes;
    this.#held += bytes;
    this.#peak = Math.max(this.#peak, this.#held);
    return true;
  }

  release(claim: Claim): void {
    if (!this.#claims.delete(claim)) return;
    this.#held -= claim.bytes;
    claim.bytes = 0;
  }
}
