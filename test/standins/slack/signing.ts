import { createHmac, timingSafeEqual } from "node:crypto";

/** Slack's v0 request signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{rawBody}`. */
export function slackSignature(signingSecret: string, timestampSeconds: number, rawBody: string): string {
  const digest = createHmac("sha256", signingSecret).update(`v0:${timestampSeconds}:${rawBody}`).digest("hex");
  return `v0=${digest}`;
}

export interface SignatureHeaders {
  "x-slack-signature": string;
  "x-slack-request-timestamp": string;
}

export function signatureHeaders(signingSecret: string, timestampSeconds: number, rawBody: string): SignatureHeaders {
  return {
    "x-slack-signature": slackSignature(signingSecret, timestampSeconds, rawBody),
    "x-slack-request-timestamp": String(timestampSeconds),
  };
}

/** Checks a signature the way Slack's SDKs do (5-minute window, constant-time compare). */
export function isValidSignature(
  signingSecret: string,
  headers: { signature: string; timestamp: string },
  rawBody: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > 300) return false;
  const expected = Buffer.from(slackSignature(signingSecret, timestamp, rawBody));
  const actual = Buffer.from(headers.signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
