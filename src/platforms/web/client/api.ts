// The workspace's JSON API as the page calls it. Every request that changes something sends our CSRF header.
import { type ApiError, csrfHeader, type FieldErrors } from "../protocol.ts";

export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;

  constructor(status: number, error: ApiError) {
    super(error.message);
    this.status = status;
    this.code = error.error;
    this.fields = error.fields ?? {};
  }
}

async function answer<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error: ApiError =
      body && typeof body === "object" && "message" in body
        ? (body as ApiError)
        : { error: "failed", message: `The server answered ${response.status}.` };
    throw new ApiFailure(response.status, error);
  }
  return body as T;
}

export function getJson<T>(path: string, query: Record<string, string> = {}): Promise<T> {
  const search = new URLSearchParams(query).toString();
  return fetch(search ? `${path}?${search}` : path, { credentials: "same-origin" }).then((response) =>
    answer<T>(response),
  );
}

export function postJson<T>(path: string, body: unknown = {}): Promise<T> {
  return fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", [csrfHeader]: "1" },
    body: JSON.stringify(body),
  }).then((response) => answer<T>(response));
}

/** Sends a file's bytes as the body; where it goes and its name travel in the address. */
export function postFile<T>(path: string, query: Record<string, string>, file: Blob): Promise<T> {
  return fetch(`${path}?${new URLSearchParams(query).toString()}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/octet-stream", [csrfHeader]: "1" },
    body: file,
  }).then((response) => answer<T>(response));
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiFailure) return error.message;
  return "The workspace could not be reached. Check that Clusterbot is running, then try again.";
}
