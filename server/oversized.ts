// The end of a connection whose request body was refused as too large (413, lib/body.ts). Node's http
// server destroys a `connection: close` socket as soon as the answer is flushed; with the client's unread
// bytes still arriving that is a TCP reset, which can make the client drop the 413 it has not read yet. So
// the socket is half-closed instead (FIN after the answer), the rest of the upload is read and dropped for
// a short while, and only then destroyed: a client that never stops sending cannot hold it.
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";

export const LINGER_MS = 2_000;

/**
 * Call before the 413 is written (Node's own close runs when the answer is flushed). `socket` is the
 * answer's: a request whose body stream was cut off at its cap (lib/body.ts cancels it, which destroys the
 * request) has already let go of its own (req.socket is null) while the connection is still there.
 */
export function lingerThenClose(req: IncomingMessage, socket: Socket | null = req.socket) {
  if (!socket || socket.destroyed) return;
  socket.destroySoon = () => void socket.end();
  req.removeAllListeners("data");
  req.resume();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
}

/**
 * The server's `clientError` handler. Request headers over Node's limit get Node's 431 with the same
 * half-close and linger as a 413: Node's default destroys the socket at once, and a client still sending
 * its long request line or headers gets a reset instead of the answer. Anything else as Node does it.
 */
export function answerClientError(err: Error & { code?: string }, socket: Duplex & { _httpMessage?: { headersSent?: boolean } }) {
  const answerable = socket.writable && !socket._httpMessage?.headersSent;
  if (err.code !== "HPE_HEADER_OVERFLOW" || !answerable) {
    if (answerable && err.code !== "ECONNRESET") socket.write(`HTTP/1.1 ${err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "408 Request Timeout" : "400 Bad Request"}\r\nConnection: close\r\n\r\n`);
    return void socket.destroy();
  }
  socket.end("HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  socket.resume();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
}
