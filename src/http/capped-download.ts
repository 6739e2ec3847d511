// Reading a downloaded file's body when its size is not known to be honest (a platform's file host, a link an
// activity named): the Content-Length first, then at most one byte past the limit, so a huge file is never held.

/** The body's bytes, or "too-large" (read no further than `maxBytes` + 1) when it is longer than `maxBytes`. */
export async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | "too-large"> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return "too-large";
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
