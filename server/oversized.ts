// The end of a connection whose request body was refused as too large (413, lib/body.ts). Node's http
// server destroys a `connection: close` socket as soon as the answer is flushed; with the client's unread
// bytes still arriving that is a TCP reset, which can make the client drop the 413 it has not read yet. So
// the socket is half-closed instead (FIN after the answer), the rest of the upload is read and dropped for
// a short while, and only then destroyed: a client that never stops sending cannot hold it.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

export const LINGER_MS = 2_000;

/** Call before the 413 is written (Node's own close runs when the answer is flushed). */
export function lingerThenClose(req: IncomingMessage) {
  const socket = req.socket;
  if (socket.destroyed) return;
  socket.destroySoon = () => void socket.end();
  req.removeAllListeners("data");
  req.resume();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
}

const CLIENT_ERROR_STATUS: Record<string, string> = {
  HPE_HEADER_OVERFLOW: "431 Request Header Fields Too Large",
  ERR_HTTP_REQUEST_TIMEOUT: "408 Request Timeout",
};

/**
 * The server's `clientError` handler: Node's own answer (431 for headers over its limit, 408, else 400),
 * but with the same half-close and linger as a 413. Node's default destroys the socket at once, and a
 * client still sending its long request line or headers gets a reset instead of the answer.
 */
export function answerClientError(err: Error & { code?: string }, socket: Duplex) {
  if (err.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
  socket.end(`HTTP/1.1 ${CLIENT_ERROR_STATUS[err.code ?? ""] ?? "400 Bad Request"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.resume();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
}
