/** A Web API error answered as `{ ok: false, error, response_metadata? }` with HTTP 200, like Slack does. */
export class SlackApiError extends Error {
  readonly code: string;
  readonly messages: string[];
  readonly extra: Record<string, string | number | boolean>;

  constructor(code: string, messages: string[] = [], extra: Record<string, string | number | boolean> = {}) {
    super(messages.length > 0 ? `${code}: ${messages.join("; ")}` : code);
    this.name = "SlackApiError";
    this.code = code;
    this.messages = messages;
    this.extra = extra;
  }
}

/** One problem found in a request, with the JSON pointer Slack would name. */
export interface LimitProblem {
  message: string;
  pointer: string;
}

/** Formats problems like Slack: `[ERROR] must be less than 25 characters [json-pointer:/view/title/text]`. */
export function formatProblems(problems: LimitProblem[]): string[] {
  return problems.map((p) => `[ERROR] ${p.message} [json-pointer:${p.pointer}]`);
}

export function fail(code: string, messages: string[] = []): never {
  throw new SlackApiError(code, messages);
}
