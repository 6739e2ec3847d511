import { slackSignature } from "./signing.ts";

/** Per-request knobs for hostile or unusual deliveries. */
export interface SendOptions {
  /** Bot endpoint for this request (default: the driver's bot URL). */
  url?: string;
  /** Request timestamp in seconds (default: now); e.g. `now - 360` for a replayed request. */
  timestamp?: number;
  /** Replaces the computed `X-Slack-Signature`. */
  signature?: string;
  /** Adds `X-Slack-Retry-Num` (Slack retries events the app did not acknowledge). */
  retryNum?: number;
  /** Adds `X-Slack-Retry-Reason`, e.g. `http_timeout`. */
  retryReason?: string;
  /** Extra headers, applied last. */
  headers?: Record<string, string>;
}

export interface DriverResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the bot answered JSON, otherwise the text (`""` for an empty ack). */
  body: unknown;
}

export interface SignedRequest {
  url: string;
  signingSecret: string;
  body: string;
  contentType: string;
  nowSeconds: number;
  options: SendOptions;
}

/** POSTs a body to the bot with Slack's signature headers and reads the answer. */
export async function sendSigned(request: SignedRequest): Promise<DriverResponse> {
  const { options } = request;
  const timestamp = options.timestamp ?? request.nowSeconds;
  const headers: Record<string, string> = {
    "content-type": request.contentType,
    "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": options.signature ?? slackSignature(request.signingSecret, timestamp, request.body),
  };
  if (options.retryNum !== undefined) headers["x-slack-retry-num"] = String(options.retryNum);
  if (options.retryReason !== undefined) headers["x-slack-retry-reason"] = options.retryReason;
  Object.assign(headers, options.headers);
  const response = await fetch(request.url, { method: "POST", headers, body: request.body });
  const text = await response.text();
  return { status: response.status, headers: Object.fromEntries(response.headers), body: parseBody(text, response) };
}

function parseBody(text: string, response: Response): unknown {
  const isJson = (response.headers.get("content-type") ?? "").includes("json");
  if (!isJson && !/^\s*[[{]/.test(text)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
