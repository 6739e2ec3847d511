import { randomBytes } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** A Slack-looking id such as `C07ABC12XYZ` (prefix + 10 upper-case alphanumerics). */
export function slackId(prefix: string, length = 10): string {
  const bytes = randomBytes(length);
  let out = prefix;
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

/** Trigger ids look like `1234567890123.1234567890.0123456789abcdef0123456789abcdef`. */
export function triggerId(nowMs: number): string {
  return `${Math.floor(nowMs)}.${Math.floor(nowMs / 1000)}.${randomBytes(16).toString("hex")}`;
}

/** View hashes look like `1712345678.AbCdEf12`. */
export function viewHash(nowMs: number): string {
  return `${Math.floor(nowMs / 1000)}.${randomBytes(6).toString("base64url")}`;
}

/** Issues strictly increasing message timestamps (`seconds.microseconds`), like Slack's `ts`. */
export class TsClock {
  #lastMicros = 0;

  next(nowMs: number): string {
    const micros = Math.max(Math.floor(nowMs * 1000), this.#lastMicros + 1);
    this.#lastMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    const fraction = String(micros % 1_000_000).padStart(6, "0");
    return `${seconds}.${fraction}`;
  }
}

/** Compares two message timestamps numerically. */
export function compareTs(a: string, b: string): number {
  const [as = "0", af = "0"] = a.split(".");
  const [bs = "0", bf = "0"] = b.split(".");
  const diff = Number(as) - Number(bs);
  if (diff !== 0) return diff;
  return Number(af.padEnd(6, "0")) - Number(bf.padEnd(6, "0"));
}
