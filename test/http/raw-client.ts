// A hand-driven HTTP/1.1 client for the cases fetch cannot play: a request whose body is never finished, headers
// that stop halfway, a sender that vanishes mid-upload.
import { connect, type Socket } from "node:net";

export interface RawConnection {
  socket: Socket;
  /** Everything the server sent so far. */
  received(): string;
  /** Resolves with what the server sent once it closed the connection. */
  closed: Promise<string>;
  /** Resolves with the status line's code once the server has answered. */
  status: Promise<number>;
}

export async function openRaw(port: number, head: string, body = ""): Promise<RawConnection> {
  const socket = connect(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  let text = "";
  let answered: (status: number) => void = () => undefined;
  const status = new Promise<number>((resolve) => {
    answered = resolve;
  });
  socket.on("data", (chunk) => {
    text += chunk.toString("latin1");
    const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
    if (match) answered(Number(match[1]));
  });
  socket.on("error", () => undefined);
  const closed = new Promise<string>((resolve) => socket.once("close", () => resolve(text)));
  socket.write(head);
  if (body) socket.write(body);
  return { socket, received: () => text, closed, status };
}

/** The head of a POST whose body will be `contentLength` bytes long. */
export function postHead(path: string, contentLength: number, headers: Record<string, string> = {}): string {
  const lines = [
    `POST ${path} HTTP/1.1`,
    "Host: 127.0.0.1",
    "Content-Type: application/x-www-form-urlencoded",
    `Content-Length: ${contentLength}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join("\r\n")}\r\n\r\n`;
}
