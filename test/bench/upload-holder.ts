// Child process of held-uploads.bench.ts: opens N uploads that declare 1 MB, sends part of each, and holds them.
// argv: port count sentBytes headersJson. Prints "ready"; answers "count" with "open N"; exits on "stop".
import { connect, type Socket } from "node:net";
import { createInterface } from "node:readline";

const [port, count, sentBytes, headersJson] = process.argv.slice(2);
const headers = JSON.parse(headersJson ?? "{}") as Record<string, string>;
const head = [
  "POST /slack/events HTTP/1.1",
  "Host: 127.0.0.1",
  "Content-Type: application/x-www-form-urlencoded",
  "Content-Length: 1048576",
  ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  "",
  "",
].join("\r\n");
const chunk = Buffer.alloc(Number(sentBytes), "x");
const sockets: Socket[] = [];
for (let index = 0; index < Number(count); index++) {
  const socket = connect(Number(port), "127.0.0.1");
  socket.on("error", () => undefined);
  socket.on("data", () => undefined);
  await new Promise((resolve) => socket.once("connect", resolve));
  socket.write(head);
  socket.write(chunk);
  sockets.push(socket);
}
console.log("ready");
for await (const line of createInterface({ input: process.stdin })) {
  if (line === "count") console.log(`open ${sockets.filter((socket) => !socket.destroyed).length}`);
  if (line === "stop") break;
}
for (const socket of sockets) socket.destroy();
process.exit(0);
