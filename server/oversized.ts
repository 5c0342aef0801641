// The end of a connection whose request body was refused as too large (413, lib/body.ts). Node's http
// server destroys a `connection: close` socket as soon as the answer is flushed; with the client's unread
// bytes still arriving that is a TCP reset, which can make the client drop the 413 it has not read yet. So
// the socket is half-closed instead (FIN after the answer), the rest of the upload is read and dropped for
// a short while, and only then destroyed: a client that never stops sending cannot hold it.
import type { IncomingMessage } from "node:http";

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
